export * from "./schemas";
export * from "./types";
export { planForEnvironment } from "./plan-for-environment";
export { startApply } from "./start-apply";
export { resumeApply } from "./resume-apply";
export { getApply } from "./get-apply";
export { listApplies, ListAppliesInputSchema, type ListAppliesInput } from "./list-applies";
export { ApplyRunner, ApplyLeaseLostError, appApplyRunner, recordProgress, type ApplyRunnerOptions } from "./apply-runner";
export { markInterrupted, renewApplyLease, INTERRUPTED_MESSAGE } from "./apply-lease";
