export { createEcsPort, createInProcessEcsPort, type EcsPort } from "./ecs";
export { accountOfArn, type AwsTarget } from "./client-config";
export { createPacer, realPacerClock, type Pacer, type PacerClock } from "./pacer";
export { toAwsFailure, type AwsFailure } from "./port";
