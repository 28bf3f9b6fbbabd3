// Task definition and container definition facts (ECS API reference, ContainerDefinition /
// HealthCheck / RegisterTaskDefinition; developer guide "service-quotas" and
// "fargate-tasks-services"; see shared/ECS-FACTS.md).

/** The task definition asks for Fargate (requiresCompatibilities includes FARGATE). */
export function requiresFargate(td: { requiresCompatibilities?: readonly string[] }): boolean {
  return td.requiresCompatibilities?.includes("FARGATE") ?? false;
}

/** A container is essential unless it says `essential: false` (ContainerDefinition.essential). */
export function isEssential(c: { essential?: boolean }): boolean {
  return c.essential !== false;
}

export type NetworkMode = "awsvpc" | "bridge" | "host" | "none";

/**
 * The network mode a task definition runs with. Omitted means bridge on EC2 (Linux). Fargate
 * accepts only awsvpc (RegisterTaskDefinition refuses a FARGATE task definition in any other
 * mode, or none), so an omitted mode there is judged as the awsvpc it has to become; the
 * `fargate-network-mode` rule reports the omission itself.
 */
export function networkModeOf<M extends string>(td: { networkMode?: M; requiresCompatibilities?: readonly string[] }): M | "awsvpc" | "bridge" {
  return td.networkMode ?? (requiresFargate(td) ? "awsvpc" : "bridge");
}

/** Containers per task definition (hard quota). */
export const MAX_CONTAINERS_PER_TASK = 10;

/** Maximum size of a registered task definition (the RegisterTaskDefinition JSON), in bytes. */
export const MAX_TASK_DEFINITION_BYTES = 64 * 1024;

export const PORT_MIN = 1;
export const PORT_MAX = 65535;

/** Container health check ranges (seconds, except retries) and the defaults ECS applies. */
export const HEALTH_CHECK_LIMITS = {
  interval: { min: 5, max: 300, default: 30 },
  timeout: { min: 2, max: 60, default: 5 },
  retries: { min: 1, max: 10, default: 3 },
  startPeriod: { min: 0, max: 300, default: 0 },
} as const;
export const HEALTH_CHECK_PREFIXES = ["CMD", "CMD-SHELL"] as const;

/** stopTimeout / startTimeout (seconds). Fargate: both 2–120; EC2 reads longer stop timeouts. */
export const CONTAINER_TIMEOUT_LIMITS = { min: 2, fargateMax: 120 } as const;

/** awslogs options ECS requires; the stream prefix is required on Fargate only. */
export const AWSLOGS_REQUIRED_OPTIONS = ["awslogs-group", "awslogs-region"] as const;
export const AWSLOGS_FARGATE_REQUIRED_OPTIONS = ["awslogs-stream-prefix"] as const;

/**
 * Container-definition fields that are not valid on Fargate ("Amazon ECS task definition
 * differences for Fargate"). `gpu`, `ipcMode`, `placementConstraints` and the volume rules are
 * checked separately, as they live elsewhere in the task definition.
 */
export const FARGATE_UNSUPPORTED_CONTAINER_FIELDS = [
  "privileged", "links", "disableNetworking", "dnsSearchDomains", "dnsServers", "dockerSecurityOptions", "extraHosts",
] as const;
export const FARGATE_UNSUPPORTED_LINUX_PARAMETERS = ["devices", "sharedMemorySize", "tmpfs", "maxSwap", "swappiness"] as const;
/** The only Linux capability a Fargate container may add. */
export const FARGATE_ADDABLE_CAPABILITIES = ["SYS_PTRACE", "CAP_SYS_PTRACE"] as const;

/** A private Amazon ECR image: `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/repo…`. */
export const PRIVATE_ECR_IMAGE = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\//;
