import { RESOURCE_KIND_NAME, type Finding } from "../rules/types";
import { planCostLines } from "./plan-cost";
import type { Plan, PlanAction, PlanStep, ResourceKind } from "./types";

const SYMBOL: Record<PlanAction, string> = { create: "+", update: "~", replace: "±", delete: "-", "no-change": "=" };
const HEADING: Record<ResourceKind, string> = {
  "capacity-provider": "Capacity providers", cluster: "Clusters", "task-definition": "Task definitions", "target-group": "Target groups", "load-balancer": "Load balancers",
  listener: "Listeners", service: "Services", "auto-scaling": "Auto scaling", "scheduled-task": "Scheduled tasks",
};

function show(v: unknown): string {
  if (v === undefined) return "(none)";
  const text = JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function stepLines(s: PlanStep, verbose: boolean): string[] {
  const lines = [`  ${SYMBOL[s.action]} ${s.action.padEnd(9)} ${s.name}`];
  if (s.reason) lines.push(`      reason: ${s.reason}`);
  for (const c of s.changes) lines.push(`      ${c.path}: ${show(c.old)} → ${show(c.new)}`);
  for (const n of s.notes) lines.push(`      note: ${n}`);
  if (verbose) for (const c of s.calls) lines.push(`      call: ${c.service ? `${c.service} ` : ""}${c.operation} ${show(c.input)}`);
  return lines;
}

const FINDING_KIND = RESOURCE_KIND_NAME;

/** "2 validator errors", for headings and records. */
export function validatorErrorCount(n: number): string {
  return `${n} validator error${n === 1 ? "" : "s"}`;
}

/** One line per error: the resource, the message and the fix. */
export function findingLines(errors: readonly Finding[]): string[] {
  return errors.map((f) => {
    const where = `${FINDING_KIND[f.resource.kind]} ${f.resource.name || "(design)"}${f.resource.container ? `, container ${f.resource.container}` : ""}`;
    return `${where}: ${f.message}${f.fix ? ` Fix: ${f.fix.description}` : ""} [${f.ruleId}]`;
  });
}

/** The plan as a grouped diff for people: the validator's errors first, then one block per resource kind, unchanged resources on one line each. */
export function renderPlanText(plan: Plan, opts: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  if (plan.errors.length) {
    out.push(`${validatorErrorCount(plan.errors.length)}: ECS would refuse this design; the plan is not applied until they are fixed`);
    for (const line of findingLines(plan.errors)) out.push(`  ! ${line}`);
    out.push("");
  }
  for (const kind of Object.keys(HEADING) as ResourceKind[]) {
    const steps = plan.steps.filter((s) => s.kind === kind);
    if (steps.length === 0) continue;
    out.push(HEADING[kind]);
    for (const s of steps) out.push(...stepLines(s, Boolean(opts.verbose)));
    out.push("");
  }
  const { create, update, replace, delete: del } = plan.summary;
  out.push(plan.empty
    ? "No changes: the account matches the design."
    : `Plan: ${create} to create, ${update} to update, ${replace} to replace, ${del} to delete (${plan.summary["no-change"]} unchanged).`);
  if (plan.cost) out.push("", ...planCostLines(plan.cost));
  return out.join("\n") + "\n";
}

/** The plan for machines: stable keys, every AWS call with its exact input. */
export function renderPlanJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + "\n";
}
