import type { Metadata } from "next";
import { ROLE_SUMMARIES, withArticle } from "@/lib/domain/access";
import { pageContext } from "@/lib/server/auth/page-context";
import { listMySessions } from "@/lib/server/people";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { SessionsList } from "@/components/profile/sessions-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const ctx = await pageContext("/profile");
  if (ctx.actor.kind !== "person") return null;
  const { person } = ctx.actor;
  const sessions = await listMySessions({ ctx });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{person.name}</h1>
        <p className="mt-1 text-slate-700">{person.email} · {withArticle(person.role)}. {ROLE_SUMMARIES[person.role]}</p>
      </div>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold text-slate-900">Password</h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold text-slate-900">Where you are signed in</h2>
        <SessionsList sessions={sessions} />
      </section>
    </div>
  );
}
