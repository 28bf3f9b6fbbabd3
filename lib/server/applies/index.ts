export * from "./schemas";
export * from "./types";
export { planForEnvironment } from "./plan-for-environment";
export { startApply } from "./start-apply";
export { getApply } from "./get-apply";
export { listApplies } from "./list-applies";
export { awaitApply } from "./apply-runner";
