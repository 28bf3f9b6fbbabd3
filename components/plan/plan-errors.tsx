import Link from "next/link";
import { RESOURCE_KIND_LABEL } from "@/lib/domain/designer/revision-diff";
import { validatorErrorCount } from "@/lib/domain/plan/render";
import { groupFindings } from "@/lib/domain/rules/group-findings";
import type { Finding } from "@/lib/domain/rules/types";
import { FindingItem } from "@/components/designs/detail/findings/finding-item";

/**
 * The validator's errors on the planned design, above the plan, by resource: what ECS would
 * refuse partway through. Apply stays off until they are fixed, or the person chooses to apply anyway.
 */
export function PlanErrors({ errors, designId }: { errors: Finding[]; designId: string }) {
  return (
    <section aria-label="Validator errors" data-testid="plan-errors" className="overflow-hidden rounded-xl border border-red-200 bg-red-50 shadow-sm">
      <div className="px-4 py-3 text-red-950">
        <h3 className="font-semibold">{validatorErrorCount(errors.length)}: ECS would refuse this design</h3>
        <p className="mt-1 text-sm">
          Applying it would stop partway, with some resources created and the rest refused. Fix {errors.length === 1 ? "it" : "them"} on
          the <Link className="font-medium underline" href={`/designs/${designId}`}>design’s page</Link> or
          the <Link className="font-medium underline" href={`/designs/${designId}/canvas`}>canvas</Link> and plan again, or choose to apply anyway.
        </p>
      </div>
      {groupFindings(errors).map((g) => (
        <div key={g.key} role="group" aria-label={`${RESOURCE_KIND_LABEL[g.kind]} ${g.name}`} className="border-t border-red-200">
          <p className="bg-white px-4 pt-2 text-sm">
            <span className="text-xs font-semibold uppercase tracking-wide text-slate-600">{RESOURCE_KIND_LABEL[g.kind]}</span>{" "}
            <span className="font-mono font-semibold text-slate-900">{g.name || "(design)"}</span>
          </p>
          <ul className="divide-y divide-slate-200">
            {g.findings.map((f, i) => <FindingItem key={`${f.ruleId}:${i}`} finding={f} />)}
          </ul>
        </div>
      ))}
    </section>
  );
}
