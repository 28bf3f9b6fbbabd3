import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { hasRole } from "@/lib/domain/access";
import { pageContext } from "@/lib/server/auth/page-context";
import { NotFoundError } from "@/lib/server/errors";
import { getEnvironment } from "@/lib/server/environments";
import { listEnvironmentApplies } from "@/lib/server/applies";
import { queryAudit } from "@/lib/server/audit";
import { listRefreshedRegions } from "@/lib/server/cost";
import { PRICE_TABLE } from "@/lib/domain/cost";
import { RefreshPrices } from "@/components/cost/refresh-prices";
import { AuditTable } from "@/components/audit/audit-table";
import { EnvironmentSettings } from "@/components/history/environment-settings";
import { EnvironmentApplies } from "@/components/history/environment-applies";
import { Section } from "@/components/ui/section";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** One read per request, shared by generateMetadata and the page. A malformed or unknown id is a 404. */
const load = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  const ctx = await pageContext("/environments/[id]", { id });
  try {
    const env = await getEnvironment({ ctx, input: { id } });
    const [applies, history, refreshed] = await Promise.all([
      listEnvironmentApplies({ ctx, input: { environmentId: id, limit: 10 } }),
      queryAudit({ ctx, input: { environmentId: id, limit: 20 } }),
      listRefreshedRegions(ctx),
    ]);
    const role = ctx.actor.kind === "person" ? ctx.actor.person.role : undefined;
    return { env, applies, history, refreshed, isAdmin: role !== undefined && hasRole(role, "admin"), isEditor: role !== undefined && hasRole(role, "editor") };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { env } = await load((await params).id);
  return { title: `Environment ${env.name}` };
}

export default async function EnvironmentPage({ params }: Props) {
  const { env, applies, history, refreshed, isAdmin, isEditor } = await load((await params).id);
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm"><Link className="text-brand-700 hover:underline" href="/environments">Environments</Link></p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">
          {env.name}
          {env.readOnly && <span className="ml-2 align-middle rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900">read-only</span>}
          {env.builtIn && <span className="ml-2 align-middle rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">built-in</span>}
        </h1>
      </div>
      <Section id="settings" title="Settings" note="How Stevedore reaches this environment. Secrets stay on the server.">
        <EnvironmentSettings env={env} />
      </Section>
      <Section id="prices" title="Prices" note="Read a Region's on-demand prices from this environment's AWS Price List API (GetProducts); every design's cost then uses them, dated.">
        <RefreshPrices environmentId={env.id} environmentRegion={env.region} regions={Object.keys(PRICE_TABLE.regions)} refreshed={refreshed} canRefresh={isEditor} />
      </Section>
      <Section id="applies" title="Recent applies" note="The latest applies to this environment, of every design.">
        <EnvironmentApplies applies={applies} />
      </Section>
      <Section
        id="history"
        title="Who changed this"
        note={<>Plans, applies, changes to this environment and refused attempts, from the audit trail.{isAdmin && <> <Link className="text-brand-700 hover:underline" href={`/audit?environmentId=${env.id}`}>All of it in the audit trail</Link>.</>}</>}
      >
        <AuditTable rows={history} caption="Who changed this environment" />
      </Section>
    </div>
  );
}
