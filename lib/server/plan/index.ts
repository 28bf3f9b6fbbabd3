// Relative imports: the CLI loads these files through tsx, which does not resolve the "@/" alias.
export { readLiveState } from "./read-live-state";
export { applyPlan, type ApplyProgress } from "./apply-plan";
export { waitForSteady, servicesToWatch, type SteadyProgress } from "./wait-for-steady";
export { planAgainstAccount } from "./plan-against-account";
export { registerDesignTaskDefinition, startOneOffTask, waitForTaskStopped } from "./run-task";
export { filterInput, linesOf, readLogPage, readTaskLines } from "./read-logs";
export { readRegionPrices } from "./read-prices";
export { placedDesignCost } from "./placed-cost";
