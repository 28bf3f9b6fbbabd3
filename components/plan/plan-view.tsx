import type { Plan, PlanAction, ResourceKind } from "@/lib/domain/plan";
import { ACTION_STYLE } from "./action-badge";
import { PlanErrors } from "./plan-errors";
import { PlanStepItem } from "./plan-step";
import { PlanCostSummary } from "@/components/cost/cost-figures";

const GROUPS: { kind: ResourceKind; title: string }[] = [
  { kind: "capacity-provider", title: "Capacity providers" }, { kind: "cluster", title: "Clusters" }, { kind: "task-definition", title: "Task definitions" },
  { kind: "target-group", title: "Target groups" }, { kind: "load-balancer", title: "Load balancers" }, { kind: "listener", title: "Listeners" },
  { kind: "service", title: "Services" }, { kind: "auto-scaling", title: "Auto scaling" }, { kind: "scheduled-task", title: "Scheduled tasks" },
];
const ORDER: PlanAction[] = ["create", "update", "replace", "delete", "no-change"];

export function PlanSummary({ plan }: { plan: Plan }) {
  return (
    <p data-testid="plan-summary" className="flex flex-wrap gap-2 text-sm">
      {plan.empty && <span className="font-semibold text-slate-900">No changes: the account matches the design.</span>}
      {ORDER.map((a) => (
        <span key={a} className={`rounded border px-2 py-0.5 font-medium ${plan.summary[a] ? ACTION_STYLE[a].className : "border-slate-200 text-slate-500"}`}>
          {plan.summary[a]} to {ACTION_STYLE[a].label === "no change" ? "leave as is" : ACTION_STYLE[a].label}
        </span>
      ))}
    </p>
  );
}

/** The plan as a readable diff, grouped by resource kind, plus the raw JSON; the validator's errors first. */
export function PlanView({ plan }: { plan: Plan }) {
  return (
    <div className="space-y-4" data-testid="plan">
      {plan.errors?.length > 0 && <PlanErrors errors={plan.errors} designId={plan.designId} />}
      <PlanSummary plan={plan} />
      {plan.cost && <PlanCostSummary cost={plan.cost} />}
      {GROUPS.map(({ kind, title }) => {
        const steps = plan.steps.filter((s) => s.kind === kind);
        if (steps.length === 0) return null;
        return (
          <section key={kind} aria-label={title}>
            <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h3>
            <ul className="mt-1 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
              {steps.map((s) => <PlanStepItem key={s.key} step={s} />)}
            </ul>
          </section>
        );
      })}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">Plan as JSON</summary>
        <pre className="mt-1 max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-xs text-slate-800">{JSON.stringify(plan, null, 2)}</pre>
      </details>
    </div>
  );
}
