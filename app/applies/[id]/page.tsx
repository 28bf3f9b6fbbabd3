import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApplyRefSchema, getApplyDetail } from "@/lib/server/applies";
import { pageContext } from "@/lib/server/auth/page-context";
import { NotFoundError } from "@/lib/server/errors";
import { queryAudit } from "@/lib/server/audit";
import { AuditTable } from "@/components/audit/audit-table";
import { ApplyLive } from "@/components/history/apply-live";
import { Section } from "@/components/ui/section";
import { when } from "@/components/history/when";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** One read per request, shared by generateMetadata and the page. A malformed or unknown id is a 404. */
const load = cache(async (id: string) => {
  if (!ApplyRefSchema.safeParse({ id }).success) notFound();
  const ctx = await pageContext("/applies/[id]", { id });
  try {
    const [detail, history] = await Promise.all([
      getApplyDetail({ ctx, input: { id } }),
      queryAudit({ ctx, input: { targetType: "apply", targetId: id, limit: 50 } }),
    ]);
    return { ...detail, history };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { apply, designName } = await load((await params).id);
  return { title: `Apply of ${designName ?? "a deleted design"} to ${apply.environmentName}` };
}

export default async function ApplyPage({ params }: Props) {
  const { apply, designName, history } = await load((await params).id);
  const facts: [string, React.ReactNode][] = [
    ["Design", designName === null ? "(deleted design)" : <Link className="text-brand-700 hover:underline" href={`/designs/${apply.designId}`}>{designName}</Link>],
    ["Version", String(apply.designVersion)],
    ["Environment", <Link key="env" className="text-brand-700 hover:underline" href={`/environments/${apply.environmentId}`}>{apply.environmentName}</Link>],
    ["Started by", apply.startedBy?.email ?? "not recorded (before sign-in)"],
    ["Started", when(apply.startedAt)],
    ...(apply.finishedAt ? [["Finished", when(apply.finishedAt)] as [string, string]] : []),
    ...(apply.resumes ?? []).map((r, i): [string, string] => [`Resume ${i + 1}`, `${when(r.resumedAt)} by ${r.resumedBy?.email ?? "someone not recorded"}`]),
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Apply of {designName ?? "a deleted design"}</h1>
        <dl data-testid="apply-facts" className="mt-3 grid gap-x-6 gap-y-1.5 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-[10rem_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-600">{k}</dt>
              <dd className="text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
      </div>
      <Section id="steps" title="Steps" note="Each step of the plan as the apply ran it, with ECS's answer when one failed.">
        <ApplyLive applyId={apply.id} running={apply.status === "running"} />
      </Section>
      <Section id="history" title="Who changed this" note="Started, resumed, each failed step, interrupted and finished, from the audit trail.">
        <AuditTable rows={history} caption="History of this apply" />
      </Section>
    </div>
  );
}
