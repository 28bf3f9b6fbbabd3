export { createEcsPort, createInProcessEcsPort, type EcsPort } from "./ecs";
export { accountOfArn, type AwsTarget } from "./client-config";
export { createPacer, realPacerClock, type Pacer, type PacerClock } from "./pacer";
export type { InProcessHandler } from "./in-process";
export { toAwsFailure, type AwsFailure } from "./port";
export { createElbv2Port, createInProcessElbv2Port, type Elbv2Port } from "./elbv2";
export { createEc2Port, createInProcessEc2Port, type Ec2Port } from "./ec2";
export { createIamPort, createInProcessIamPort, type IamPort } from "./iam";
export { createInProcessServiceDiscoveryPort, createServiceDiscoveryPort, type ServiceDiscoveryPort } from "./servicediscovery";
