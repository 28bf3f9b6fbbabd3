import { canonical, stableHash } from "./values";
import type { Plan, PlanAction } from "./types";

/**
 * What the plan does to each design resource, keyed by the resource's id (the canvas node id of
 * clusters, task definitions, services, target groups and load balancers). Deletes have no design resource and are left out.
 */
export function planActionsByResourceId(plan: Plan): Map<string, PlanAction> {
  const out = new Map<string, PlanAction>();
  // A load balancer's listeners are steps of the same resource: the first step that changes something says what happens to it.
  for (const s of plan.steps) if (s.designId && (out.get(s.designId) ?? "no-change") === "no-change") out.set(s.designId, s.action);
  return out;
}

/** The same as a plain object, for JSON over the wire. */
export function planActionsRecord(plan: Plan): Record<string, PlanAction> {
  return Object.fromEntries(planActionsByResourceId(plan));
}

/** Identifies what a plan would do (its steps and exact calls), so an apply can check it runs what the user saw. */
export function planFingerprint(plan: Plan): string {
  return stableHash(canonical(plan.steps.map((s) => ({ key: s.key, action: s.action, calls: s.calls }))));
}
