export type { Bucket, OperationLimit, ServiceLimits } from "./types";
export { ECS_LIMITS, type EcsOperation } from "./ecs";
