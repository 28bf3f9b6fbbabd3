import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pageContext } from "@/lib/server/auth/page-context";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNext } from "@/components/auth/auth-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const ctx = await pageContext("/sign-in");
  const { next } = await searchParams;
  if (ctx.actor.kind === "person") redirect(safeNext(next));
  return (
    <AuthCard title="Sign in to Stevedore" intro="Use the email and password you chose when you accepted your invitation.">
      <SignInForm next={next} />
      <p className="mt-6 text-sm text-slate-600">No account? An admin invites people from the People page.</p>
    </AuthCard>
  );
}
