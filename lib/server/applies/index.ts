export * from "./schemas";
export * from "./types";
export { planForEnvironment } from "./plan-for-environment";
export { startApply } from "./start-apply";
export { applyEnvironmentId, resumeApply } from "./resume-apply";
export { getApply } from "./get-apply";
export { listApplies } from "./list-applies";
export { ApplyRunner } from "./apply-runner";
