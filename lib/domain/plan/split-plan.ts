import { summarise } from "./plan-design";
import type { Plan, PlanStep } from "./types";

/**
 * The plan in two parts that apply one after the other, steps kept in order: what `first`
 * picks, then the rest. For work between the two (the sandbox registers a lesson's EC2
 * instances once its clusters exist, before services are placed on them).
 */
export function splitPlan(plan: Plan, first: (step: PlanStep) => boolean): [Plan, Plan] {
  const part = (steps: PlanStep[]): Plan => ({ ...plan, steps, summary: summarise(steps), empty: steps.every((s) => s.calls.length === 0) });
  return [part(plan.steps.filter(first)), part(plan.steps.filter((s) => !first(s)))];
}
