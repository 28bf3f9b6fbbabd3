// Relative imports: the CLI loads these files through tsx, which does not resolve the "@/" alias.
export { readLiveState, isMissingTaskDefinition } from "./read-live-state";
export { applyPlan, type ApplyOptions, type ApplyProgress, type ApplyResult } from "./apply-plan";
export { waitForSteady, servicesToWatch, isSteady, type ServiceRef, type SteadyProgress, type SteadyResult } from "./wait-for-steady";
export { planAgainstAccount } from "./plan-against-account";
