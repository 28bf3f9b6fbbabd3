// Value sets of the ECS API (they match the enums of @aws-sdk/client-ecs; a unit test keeps
// them in step). Kept as literal tuples so zod can check them without importing the client.
export const LAUNCH_TYPES = ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"] as const;
export const COMPATIBILITIES = ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"] as const;
export const NETWORK_MODES = ["awsvpc", "bridge", "host", "none"] as const;
export const CONTAINER_CONDITIONS = ["START", "COMPLETE", "SUCCESS", "HEALTHY"] as const;
export const TRANSPORT_PROTOCOLS = ["tcp", "udp"] as const;
export const APPLICATION_PROTOCOLS = ["http", "http2", "grpc"] as const;
export const LOG_DRIVERS = [
  "awslogs", "awsfirelens", "fluentd", "gelf", "journald", "json-file", "splunk", "syslog",
] as const;
export const SCHEDULING_STRATEGIES = ["REPLICA", "DAEMON"] as const;
export const PLACEMENT_STRATEGY_TYPES = ["binpack", "random", "spread"] as const;
export const PLACEMENT_CONSTRAINT_TYPES = ["distinctInstance", "memberOf"] as const;
export const ASSIGN_PUBLIC_IP = ["ENABLED", "DISABLED"] as const;
export const DEPLOYMENT_CONTROLLER_TYPES = ["ECS", "CODE_DEPLOY", "EXTERNAL"] as const;
export const PROPAGATE_TAGS = ["NONE", "SERVICE", "TASK_DEFINITION"] as const;
export const PID_MODES = ["host", "task"] as const;
export const IPC_MODES = ["host", "none", "task"] as const;
export const RESOURCE_TYPES = ["GPU", "InferenceAccelerator", "NeuronDevice"] as const;
export const ULIMIT_NAMES = [
  "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc",
  "rss", "rtprio", "rttime", "sigpending", "stack",
] as const;
export const FIRELENS_TYPES = ["fluentd", "fluentbit"] as const;
export const CPU_ARCHITECTURES = ["X86_64", "ARM64"] as const;
export const VOLUME_SCOPES = ["task", "shared"] as const;
/** DeploymentConfiguration.strategy (CreateService / UpdateService, ECS deployment controller). */
export const DEPLOYMENT_STRATEGIES = ["ROLLING", "BLUE_GREEN", "LINEAR", "CANARY"] as const;
/** DeploymentLifecycleHook.lifecycleStages, in the order a deployment passes them. */
export const LIFECYCLE_STAGES = [
  "RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
  "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT",
] as const;
export const LIFECYCLE_HOOK_TARGET_TYPES = ["AWS_LAMBDA", "PAUSE"] as const;
export const LIFECYCLE_HOOK_TIMEOUT_ACTIONS = ["CONTINUE", "ROLLBACK"] as const;
