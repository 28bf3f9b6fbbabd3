// Limits ECS enforces on services, clusters and tags (API reference: CreateService,
// CreateCluster, CapacityProviderStrategyItem, Tag; service-quotas.html). See shared/ECS-FACTS.md.

/** awsvpcConfiguration: "You can specify as many as 16 subnets" and up to five security groups. */
export const MAX_SUBNETS = 16;
export const MAX_SECURITY_GROUPS = 5;

/** Target groups (load balancers) per service. */
export const MAX_LOAD_BALANCERS = 5;

/** healthCheckGracePeriodSeconds: "up to 2,147,483,647 seconds (about 69 years)". */
export const MAX_HEALTH_CHECK_GRACE_PERIOD = 2_147_483_647;

/** "You can specify a maximum of 10 constraints for each task" (task definition + service together). */
export const MAX_PLACEMENT_CONSTRAINTS = 10;
/** "You can specify a maximum of 5 strategy rules for each service." */
export const MAX_PLACEMENT_STRATEGIES = 5;
export const BINPACK_FIELDS = ["cpu", "memory"] as const;

/** deploymentConfiguration defaults for REPLICA services with the ECS (rolling) controller. */
export const DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
export const DEFAULT_MAXIMUM_PERCENT = 200;

/** CapacityProviderStrategyItem: weight 0–1000, base 0–100000, only one item may have a base. */
export const CAPACITY_PROVIDER_WEIGHT_MAX = 1000;
export const CAPACITY_PROVIDER_BASE_MAX = 100_000;
/** "A capacity provider strategy can contain a maximum of 20 capacity providers." (CapacityProviderStrategyItem) */
export const MAX_STRATEGY_PROVIDERS = 20;
/** The predefined Fargate capacity providers; every other name is an Auto Scaling group provider. */
export const FARGATE_CAPACITY_PROVIDERS: readonly string[] = ["FARGATE", "FARGATE_SPOT"];

/** Tag restrictions shared by every ECS resource (API reference, Tag). */
export const MAX_TAGS = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
export const RESERVED_TAG_PREFIX = "aws:";

/** Fargate platform versions are `LATEST` or a semantic version such as `1.4.0`. */
export const PLATFORM_VERSION_PATTERN = /^(LATEST|\d+\.\d+\.\d+)$/;
/** Whether a Fargate platform version is `min` or later (dotted versions; LATEST is today's 1.4.0 on Linux). */
export function platformVersionAtLeast(version: string, min: string): boolean {
  if (version === "LATEST") return true;
  const a = version.split(".").map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Number.isNaN(x)) return false;
    if (x !== y) return x > y;
  }
  return true;
}

/**
 * What a rolling deployment may do with desired count N: keep at least `lower` = ceil(N·min/100)
 * tasks RUNNING (and healthy), and run at most `upper` = floor(N·max/100) in total, old and new
 * together (never fewer than N). It progresses only while upper > lower, or min is 0.
 */
export function rollingBounds(desired: number, minimumHealthyPercent = DEFAULT_MINIMUM_HEALTHY_PERCENT, maximumPercent = DEFAULT_MAXIMUM_PERCENT) {
  const n = Math.max(0, desired);
  return { lower: Math.ceil((n * minimumHealthyPercent) / 100), upper: Math.max(n, Math.floor((n * maximumPercent) / 100)) };
}

// Deployment strategies of the ECS deployment controller (DeploymentConfiguration, CanaryConfiguration,
// LinearConfiguration, DeploymentLifecycleHook in the ECS API reference; "Amazon ECS blue/green
// deployments", "linear deployments", "canary deployments" and "Lifecycle hooks for Amazon ECS
// service deployments" in the developer guide).

/** Strategies that run a second (green) revision beside the first and shift traffic to it. */
export const TRAFFIC_SHIFTING_STRATEGIES: readonly string[] = ["BLUE_GREEN", "LINEAR", "CANARY"];
/** bakeTimeInMinutes, stepBakeTimeInMinutes, canaryBakeTimeInMinutes: 0–1440 minutes (24 hours). */
export const MAX_BAKE_TIME_MINUTES = 1440;
/** LinearConfiguration.stepPercent: multiples of 0.1 from 3.0 to 100.0 (default 10, bake 6 minutes between steps). */
export const LINEAR_STEP_PERCENT = { min: 3, max: 100, default: 10, bakeDefault: 6 } as const;
/** CanaryConfiguration.canaryPercent: multiples of 0.1 from 0.1 to 100.0 (default 5, bake 10 minutes). */
export const CANARY_PERCENT = { min: 0.1, max: 100, default: 5, bakeDefault: 10 } as const;
/** "PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages." */
export const PAUSE_FORBIDDEN_STAGES: readonly string[] = ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"];

/** Whether `n` is a multiple of 0.1 (as ECS's traffic percentages must be), allowing for floating point. */
export const isTenth = (n: number) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;

// Service Connect (ServiceConnectConfiguration, ServiceConnectService, ServiceConnectClientAlias in
// the ECS API reference; "Service Connect" in the developer guide).

/** Network modes whose tasks can run the Service Connect proxy. */
export const SERVICE_CONNECT_NETWORK_MODES: readonly string[] = ["awsvpc", "bridge"];
/** clientAliases: "The maximum number of client aliases that you can have in this list is 1." */
export const MAX_CLIENT_ALIASES = 1;
/** discoveryName: up to 64 lowercase letters, digits, underscores and hyphens, not starting with a hyphen. */
export const DISCOVERY_NAME = /^(?!-)[a-z0-9_-]{1,64}$/;
/** dnsName: up to 127 lowercase letters, digits, underscores, hyphens and periods, not starting with a hyphen. */
export const ALIAS_DNS_NAME = /^(?!-)[a-z0-9_.-]{1,127}$/;

/**
 * Capacity provider names: up to 255 letters, digits, `_` and `-`, not prefixed with "aws", "ecs"
 * or "fargate" (API_CreateCapacityProvider).
 */
export const CAPACITY_PROVIDER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
export const CAPACITY_PROVIDER_RESERVED_PREFIX = /^(aws|ecs|fargate)/i;
/** Managed scaling ranges (API_ManagedScaling): targetCapacity 1–100, step sizes 1–10000, warm-up 0–10000 s. */
export const TARGET_CAPACITY = { min: 1, max: 100 };
export const SCALING_STEP = { min: 1, max: 10000 };
export const INSTANCE_WARMUP = { min: 0, max: 10000 };
/** Managed Instances' idle time before scale-in (API_InfrastructureOptimization): -1 (never) or 0–3600 s. */
export const SCALE_IN_AFTER = { min: -1, max: 3600 };
