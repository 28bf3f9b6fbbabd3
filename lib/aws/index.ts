export * from "./ecs-port";
export { createEcsPort, ecsPortOver, ecsClientConfig, EcsConnectionSchema, type EcsConnection } from "./ecs-client";
export { createPacer, noPacer, realPacerClock, ECS_RATE_LIMITS, type Pacer, type PacerClock, type Bucket } from "./pacer";
export { createAwsEcsPort, createInProcessEcsPort, accountOfArn, type AwsTarget, type EcsHandler } from "./environment-port";
