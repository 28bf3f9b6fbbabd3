export * from "./types";
export { planDesign, summarise } from "./plan-design";
export { splitPlan } from "./split-plan";
export { planCluster } from "./plan-cluster";
export { planTaskDefinition, type TaskDefinitionPlan } from "./plan-task-definition";
export { planService, revisionRef, serviceKey, findLiveService } from "./plan-service";
export { normaliseTaskDefinition } from "./normalise-task-definition";
export { renderPlanText, renderPlanJson, findingLines, validatorErrorCount } from "./render";
export { creationTags, isStevedoreTag, managedKeys, managedRecord, tagCalls, tagChanges, tagValue, type TagChanges } from "./tags";
export { canonical, clientTokenFor, diffValues, matchesDesired, prune, stableHash } from "./values";
export function emptyLiveState(): import("./types").LiveState {
  return { clusters: {}, services: [], taskDefinitions: {} };
}
export { planActionsByResourceId, planActionsRecord, planFingerprint } from "./plan-actions";
export { designFromLive, type LiveCluster, type DesignFromLiveResult } from "./design-from-live";
