import type { Metadata } from "next";
import { headers } from "next/headers";
import { ROLE_SUMMARIES, withArticle } from "@/lib/domain/access";
import { SANDBOX_REGION } from "@/lib/domain/ecs-facts/sandbox";
import { pageContext } from "@/lib/server/auth/page-context";
import { listMyAccessKeys, listMySessions, MAX_ACCESS_KEYS } from "@/lib/server/people";
import { AccessKeys } from "@/components/profile/access-keys";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { SessionsList } from "@/components/profile/sessions-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const ctx = await pageContext("/profile");
  if (ctx.actor.kind !== "person") return null;
  const { person } = ctx.actor;
  const [sessions, keys, h] = await Promise.all([listMySessions({ ctx }), listMyAccessKeys({ ctx }), headers()]);
  // The origin people reach this server at: STEVEDORE_URL, else this request's (forwarded) host.
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  const origin = process.env.STEVEDORE_URL?.replace(/\/+$/, "") || `${h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http"}://${host}`;
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
      <section aria-labelledby="access-keys-heading" className="space-y-3">
        <h2 id="access-keys-heading" className="text-lg font-semibold text-slate-900">Sandbox access keys</h2>
        <AccessKeys keys={keys} max={MAX_ACCESS_KEYS} endpoint={`${origin}/sandbox/aws`} region={SANDBOX_REGION} />
      </section>
    </div>
  );
}
