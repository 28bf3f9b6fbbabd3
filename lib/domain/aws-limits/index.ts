export type { Bucket, ServiceLimits } from "./types";
export { ECS_LIMITS, type EcsOperation } from "./ecs";
export { ELBV2_LIMITS, type Elbv2Operation } from "./elbv2";
export { EC2_LIMITS, type Ec2Operation } from "./ec2";
export { IAM_LIMITS, type IamOperation } from "./iam";
export { SERVICE_DISCOVERY_LIMITS, type ServiceDiscoveryOperation } from "./servicediscovery";
