import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { pageContext } from "@/lib/server/auth/page-context";
import { NotFoundError } from "@/lib/server/errors";
import { getDesign } from "@/lib/server/designs/get-design";
import { listRevisions } from "@/lib/server/designs/list-revisions";
import { DesignIdSchema } from "@/lib/server/designs/schemas";
import { countBySeverity, validateDesign } from "@/lib/domain/rules";
import { DesignHeader } from "@/components/designs/detail/design-header";
import { SummaryStrip } from "@/components/designs/detail/summary-strip";
import { ResourcesSection } from "@/components/designs/detail/resources/resources-section";
import { FindingsPanel } from "@/components/designs/detail/findings/findings-panel";
import { RevisionsList } from "@/components/designs/detail/revisions/revisions-list";
import { ImportNotesBanner } from "@/components/designs/detail/import-notes-banner";
import { listApplies } from "@/lib/server/applies";
import { AppliesList } from "@/components/plan/applies-list";
import { queryAudit } from "@/lib/server/audit";
import { AuditTable } from "@/components/audit/audit-table";
import { Section } from "@/components/ui/section";
import { DEFAULT_REGION } from "@/lib/domain/cost";
import { loadPriceTable, placedDesignCost } from "@/lib/server/cost";
import { DesignCostTable } from "@/components/cost/cost-figures";
import { CostRegionPicker } from "@/components/cost/cost-region-picker";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One read per request, shared by generateMetadata and the page. A malformed or unknown id is a 404. */
const load = cache(async (id: string) => {
  if (!DesignIdSchema.safeParse(id).success) notFound();
  const ctx = await pageContext("/designs/[id]", { id });
  try {
    const [design, revisions, applies, history, priceTable] = await Promise.all([
      getDesign({ ctx, input: { id } }), listRevisions({ ctx, input: { id } }), listApplies({ ctx, input: { designId: id, limit: 10 } }),
      queryAudit({ ctx, input: { targetType: "design", targetId: id, limit: 10 } }), loadPriceTable(ctx),
    ]);
    return { design, revisions, applies, history, priceTable };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { design } = await load((await params).id);
  return { title: design.name, description: design.description || undefined };
}

export default async function DesignPage({ params, searchParams }: Props) {
  const { design, revisions, applies, history, priceTable } = await load((await params).id);
  // ?costRegion= picks the Region the cost is priced in; one the table does not have falls back to the default.
  const asked = (await searchParams).costRegion;
  const region = typeof asked === "string" && Object.hasOwn(priceTable.regions, asked) ? asked : DEFAULT_REGION;
  const findings = validateDesign(design.document);
  const counts = countBySeverity(findings);

  return (
    <div className="space-y-8">
      <DesignHeader design={design} />
      <ImportNotesBanner designId={design.id} />
      <SummaryStrip design={design.document} counts={counts} />
      <Section id="cost" title="Cost" note="What the design costs per month at on-demand prices, before applying it.">
        <CostRegionPicker designId={design.id} region={region} regions={Object.keys(priceTable.regions)} />
        <DesignCostTable cost={placedDesignCost(design.document, { region, table: priceTable })} />
      </Section>
      <Section id="problems" title="Problems" note="Everything ECS would reject (errors) or that will hurt later (warnings), with a fix.">
        <FindingsPanel findings={findings} />
      </Section>
      <Section id="resources" title="Resources">
        <ResourcesSection design={design.document} findings={findings} />
      </Section>
      <Section id="applies" title="Applies" note="Each time this design was applied to an environment, and how it ended.">
        <AppliesList designId={design.id} applies={applies} />
      </Section>
      <Section id="revisions" title="Revisions" note="Earlier versions of this design. Restoring one saves it as a new version.">
        <RevisionsList designId={design.id} currentVersion={design.version} revisions={revisions} current={design.document} />
      </Section>
      <Section id="history" title="Who changed this" note="The latest changes to this design, from the audit trail.">
        <AuditTable rows={history} caption="Who changed this design" />
      </Section>
    </div>
  );
}
