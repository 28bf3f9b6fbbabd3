export * from "./types";
export { planDesign } from "./plan-design";
export { splitPlan } from "./split-plan";
export { normaliseTaskDefinition } from "./normalise-task-definition";
export { renderPlanText, renderPlanJson, findingLines, validatorErrorCount } from "./render";
export { tagValue } from "./tags";
export { registerInput } from "./plan-task-definition";
export {
  DEREGISTRATION_DELAY_KEY, listenerRef, loadBalancerRef, ownedLoadBalancers, ownedTargetGroups, resolveRefs, tagsOfArn,
} from "./plan-elbv2";
export { canonical, clientTokenFor } from "./values";
export { resolveResourceLabel } from "./plan-auto-scaling";
export function emptyLiveState(): import("./types").LiveState {
  return { clusters: {}, services: [], taskDefinitions: {} };
}
export { planActionsRecord, planFingerprint } from "./plan-actions";
export { designFromLive, type LiveCluster } from "./design-from-live";
export type { PlanCost } from "./plan-cost";
export { CLUSTER_REF, groupOfTask } from "./plan-scheduled-task";
