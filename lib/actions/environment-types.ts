// Types and schemas of environments and applies, for client components (which may not import lib/server).
export type { EnvironmentView, ConnectionTest } from "@/lib/server/environments/types";
export type { EnvironmentKind } from "@/lib/server/environments/schemas";
export type { ApplyView, ApplySummary, ApplyStepRecord, PlanResult, ApplyStatus, StepStatus } from "@/lib/server/applies/types";
export type { EnvironmentApply } from "@/lib/server/applies/list-environment-applies";
export { SANDBOX_ENVIRONMENT_ID } from "@/lib/server/environments/environment-record";
