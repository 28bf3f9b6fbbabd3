export type { Bucket, ServiceLimits } from "./types";
export { ECS_LIMITS, type EcsOperation } from "./ecs";
