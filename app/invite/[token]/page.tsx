import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { withArticle } from "@/lib/domain/access";
import { pageContext } from "@/lib/server/auth/page-context";
import { NotFoundError } from "@/lib/server/errors";
import { getInvite, InviteTokenSchema } from "@/lib/server/people";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const ctx = await pageContext("/invite/[token]", { token });
  if (ctx.actor.kind === "person") redirect("/");
  const parsed = InviteTokenSchema.safeParse(token);
  const invite = parsed.success
    ? await getInvite({ ctx, input: { token: parsed.data } }).catch((err) => {
        if (err instanceof NotFoundError) return err;
        throw err;
      })
    : new NotFoundError("This is not an invite link.");
  if (invite instanceof NotFoundError) {
    return (
      <AuthCard title="Invitation">
        <Alert tone="error">{invite.message}</Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Join Stevedore" intro={<>You are invited as {withArticle(invite.role)} ({invite.email}). Choose your name and a password.</>}>
      <AcceptInviteForm token={parsed.data!} email={invite.email} />
    </AuthCard>
  );
}
