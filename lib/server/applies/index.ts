export * from "./schemas";
export * from "./types";
export { planForEnvironment } from "./plan-for-environment";
export { startApply } from "./start-apply";
export { getApply } from "./get-apply";
export { listApplies, ListAppliesInputSchema, type ListAppliesInput } from "./list-applies";
export { awaitApply, runningApplies, recordProgress } from "./apply-runner";
