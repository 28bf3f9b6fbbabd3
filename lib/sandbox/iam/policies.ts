// The AWS managed policies an ECS workload attaches to its roles, as IAM knows them
// (arn:aws:iam::aws:policy/<path><name>). The sandbox has no customer managed policies, so
// AttachRolePolicy takes these and answers NoSuchEntity for anything else, as IAM does for an
// ARN that names no policy.
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html

const MANAGED = [
  "service-role/AmazonECSTaskExecutionRolePolicy",
  "service-role/AmazonEC2ContainerServiceforEC2Role",
  "service-role/AmazonEC2ContainerServiceRole",
  "service-role/AmazonEC2ContainerServiceAutoscaleRole",
  "AmazonECSInfrastructureRolePolicyForLoadBalancers",
  "AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity",
  "AmazonECSInfrastructureRolePolicyForVolumes",
  "AmazonECS_FullAccess",
  "AmazonEC2ContainerRegistryReadOnly",
  "CloudWatchLogsFullAccess",
  "CloudWatchAgentServerPolicy",
  "AmazonSSMReadOnlyAccess",
  "SecretsManagerReadWrite",
  "AmazonS3ReadOnlyAccess",
  "AmazonDynamoDBReadOnlyAccess",
  "AWSXRayDaemonWriteAccess",
  "ReadOnlyAccess",
  "AdministratorAccess",
];

const PREFIX = "arn:aws:iam::aws:policy/";

/** The managed policy's name (`AmazonECSTaskExecutionRolePolicy`) if the ARN names one this sandbox has. */
export function managedPolicyName(policyArn: string): string | undefined {
  if (!policyArn.startsWith(PREFIX)) return undefined;
  const rest = policyArn.slice(PREFIX.length);
  return MANAGED.includes(rest) ? rest.slice(rest.lastIndexOf("/") + 1) : undefined;
}
