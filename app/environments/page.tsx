import type { Metadata } from "next";
import { pageContext } from "@/lib/server/auth/page-context";
import { listEnvironments } from "@/lib/server/environments";
import { listGrants } from "@/lib/server/approvals";
import { listPeople } from "@/lib/server/people";
import { hasRole } from "@/lib/domain/access";
import { EnvironmentsManager } from "@/components/environments/environments-manager";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage() {
  const ctx = await pageContext("/environments");
  const environments = await listEnvironments({ ctx });
  // Grants are managed by admins, who see them with the people they can name.
  const isAdmin = ctx.actor.kind === "person" && hasRole(ctx.actor.person.role, "admin");
  const admin = isAdmin
    ? { grants: await listGrants({ ctx }), people: (await listPeople({ ctx })).map((p) => ({ id: p.id, label: `${p.name} (${p.email})` })) }
    : undefined;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Environments</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Where designs are planned and applied: the built-in sandbox, or an AWS account and Region reached with the server&apos;s own AWS credentials.
        </p>
      </div>
      <EnvironmentsManager environments={environments} admin={admin} />
    </div>
  );
}
