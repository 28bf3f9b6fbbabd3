export { createEcsPort, createInProcessEcsPort, ecsPortOver, type EcsPort } from "./ecs";
export { AwsTargetSchema, accountOfArn, clientConfig, type AwsTarget } from "./client-config";
export { type InProcessHandler } from "./in-process";
export { createPacer, noPacer, realPacerClock, type Pacer, type PacerClock } from "./pacer";
export { allPages, chunk, inBatches, toAwsFailure, type AwsFailure, type AwsPort } from "./port";
export type { EcsOperation } from "../domain/aws-limits";
