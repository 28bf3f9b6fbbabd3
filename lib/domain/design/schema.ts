import { z } from "zod";
import * as E from "./ecs-enums";

// The design model. Field names and shapes follow the ECS API (RegisterTaskDefinition,
// CreateService, CreateCluster inputs) so that ECS JSON is recognisable here. The only
// additions are an `id` on each top-level resource (stable across renames; layout keys
// and canvas nodes point at it) and designed EC2 instances on clusters.
//
// The schemas check *shape* (types, enums). ECS's *rules* (ranges, combinations, limits)
// live in lib/domain/rules so every problem is reported at once with a fix, instead of
// failing the parse at the first one.
//
// Task definitions and containers are loose objects: a field this model does not know yet
// is kept as is, so import/export never drops data (lib/domain/ecs-json reports such keys).

const int = z.number().int();
const str = z.string();
const KeyValue = z.looseObject({ name: str.optional(), value: str.optional() });
export const TagSchema = z.object({ key: str, value: str });
export type Tag = z.infer<typeof TagSchema>;

export const PortMappingSchema = z.looseObject({
  containerPort: int.optional(),
  hostPort: int.optional(),
  protocol: z.enum(E.TRANSPORT_PROTOCOLS).optional(),
  name: str.optional(),
  appProtocol: z.enum(E.APPLICATION_PROTOCOLS).optional(),
  containerPortRange: str.optional(),
});
export type PortMapping = z.infer<typeof PortMappingSchema>;

export const HealthCheckSchema = z.looseObject({
  command: z.array(str),
  interval: int.optional(),
  timeout: int.optional(),
  retries: int.optional(),
  startPeriod: int.optional(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export const LogConfigurationSchema = z.looseObject({
  logDriver: z.enum(E.LOG_DRIVERS),
  options: z.record(str, str).optional(),
  secretOptions: z.array(z.looseObject({ name: str, valueFrom: str })).optional(),
});

export const ContainerDependencySchema = z.object({
  containerName: str,
  condition: z.enum(E.CONTAINER_CONDITIONS),
});

export const MountPointSchema = z.looseObject({
  sourceVolume: str.optional(),
  containerPath: str.optional(),
  readOnly: z.boolean().optional(),
});
export type MountPoint = z.infer<typeof MountPointSchema>;

export const SecretSchema = z.object({ name: str, valueFrom: str });

export const ContainerDefinitionSchema = z.looseObject({
  name: str,
  image: str,
  repositoryCredentials: z.looseObject({ credentialsParameter: str }).optional(),
  cpu: int.optional(),
  memory: int.optional(),
  memoryReservation: int.optional(),
  links: z.array(str).optional(),
  portMappings: z.array(PortMappingSchema).optional(),
  essential: z.boolean().optional(),
  restartPolicy: z.looseObject({}).optional(),
  entryPoint: z.array(str).optional(),
  command: z.array(str).optional(),
  environment: z.array(KeyValue).optional(),
  environmentFiles: z.array(z.looseObject({ value: str, type: z.literal("s3") })).optional(),
  mountPoints: z.array(MountPointSchema).optional(),
  volumesFrom: z.array(z.looseObject({ sourceContainer: str.optional(), readOnly: z.boolean().optional() })).optional(),
  linuxParameters: z.looseObject({
    capabilities: z.looseObject({ add: z.array(str).optional(), drop: z.array(str).optional() }).optional(),
    devices: z.array(z.looseObject({ hostPath: str })).optional(),
    initProcessEnabled: z.boolean().optional(),
    sharedMemorySize: int.optional(),
    tmpfs: z.array(z.looseObject({ containerPath: str, size: int })).optional(),
    maxSwap: int.optional(),
    swappiness: int.optional(),
  }).optional(),
  secrets: z.array(SecretSchema).optional(),
  dependsOn: z.array(ContainerDependencySchema).optional(),
  startTimeout: int.optional(),
  stopTimeout: int.optional(),
  versionConsistency: z.enum(["enabled", "disabled"]).optional(),
  hostname: str.optional(),
  user: str.optional(),
  workingDirectory: str.optional(),
  disableNetworking: z.boolean().optional(),
  privileged: z.boolean().optional(),
  readonlyRootFilesystem: z.boolean().optional(),
  dnsServers: z.array(str).optional(),
  dnsSearchDomains: z.array(str).optional(),
  extraHosts: z.array(z.looseObject({ hostname: str, ipAddress: str })).optional(),
  dockerSecurityOptions: z.array(str).optional(),
  interactive: z.boolean().optional(),
  pseudoTerminal: z.boolean().optional(),
  dockerLabels: z.record(str, str).optional(),
  ulimits: z.array(z.looseObject({ name: z.enum(E.ULIMIT_NAMES), softLimit: int, hardLimit: int })).optional(),
  logConfiguration: LogConfigurationSchema.optional(),
  healthCheck: HealthCheckSchema.optional(),
  systemControls: z.array(z.looseObject({ namespace: str.optional(), value: str.optional() })).optional(),
  resourceRequirements: z.array(z.looseObject({ value: str, type: z.enum(E.RESOURCE_TYPES) })).optional(),
  firelensConfiguration: z.looseObject({
    type: z.enum(E.FIRELENS_TYPES),
    options: z.record(str, str).optional(),
  }).optional(),
  credentialSpecs: z.array(str).optional(),
});
export type ContainerDefinition = z.infer<typeof ContainerDefinitionSchema>;

export const VolumeSchema = z.looseObject({
  name: str,
  host: z.looseObject({ sourcePath: str.optional() }).optional(),
  dockerVolumeConfiguration: z.looseObject({
    scope: z.enum(E.VOLUME_SCOPES).optional(),
    autoprovision: z.boolean().optional(),
    driver: str.optional(),
    driverOpts: z.record(str, str).optional(),
    labels: z.record(str, str).optional(),
  }).optional(),
  efsVolumeConfiguration: z.looseObject({
    fileSystemId: str,
    /** Omitted (or "/"), the file system's root; with an access point it must stay so. */
    rootDirectory: str.optional(),
    transitEncryption: z.enum(["ENABLED", "DISABLED"]).optional(),
    transitEncryptionPort: int.optional(),
    authorizationConfig: z.looseObject({ accessPointId: str.optional(), iam: z.enum(["ENABLED", "DISABLED"]).optional() }).optional(),
  }).optional(),
  fsxWindowsFileServerVolumeConfiguration: z.looseObject({}).optional(),
  configuredAtLaunch: z.boolean().optional(),
});
export type Volume = z.infer<typeof VolumeSchema>;

export const TaskPlacementConstraintSchema = z.looseObject({
  type: z.literal("memberOf"),
  expression: str.optional(),
});

export const TaskDefinitionSchema = z.looseObject({
  id: str.min(1),
  family: str,
  taskRoleArn: str.optional(),
  executionRoleArn: str.optional(),
  networkMode: z.enum(E.NETWORK_MODES).optional(),
  containerDefinitions: z.array(ContainerDefinitionSchema),
  volumes: z.array(VolumeSchema).optional(),
  placementConstraints: z.array(TaskPlacementConstraintSchema).optional(),
  requiresCompatibilities: z.array(z.enum(E.COMPATIBILITIES)).optional(),
  cpu: str.optional(),
  memory: str.optional(),
  tags: z.array(TagSchema).optional(),
  pidMode: z.enum(E.PID_MODES).optional(),
  ipcMode: z.enum(E.IPC_MODES).optional(),
  proxyConfiguration: z.looseObject({}).optional(),
  inferenceAccelerators: z.array(z.looseObject({})).optional(),
  ephemeralStorage: z.looseObject({ sizeInGiB: int }).optional(),
  runtimePlatform: z.looseObject({
    operatingSystemFamily: str.optional(),
    cpuArchitecture: z.enum(E.CPU_ARCHITECTURES).optional(),
  }).optional(),
  enableFaultInjection: z.boolean().optional(),
});
export type TaskDefinition = z.infer<typeof TaskDefinitionSchema>;

export const CapacityProviderStrategyItemSchema = z.object({
  capacityProvider: str,
  weight: int.optional(),
  base: int.optional(),
});
export type CapacityProviderStrategyItem = z.infer<typeof CapacityProviderStrategyItemSchema>;

/** An EC2 instance the user plans to register in the cluster (for capacity checks and the sandbox). */
export const ContainerInstanceDesignSchema = z.object({
  id: str.min(1),
  instanceType: str.optional(),
  /** Registered cpu units (1 vCPU = 1024) and memory in MiB, as ECS reports them. */
  cpu: int,
  memory: int,
  availabilityZone: str.optional(),
  attributes: z.array(z.object({ name: str, value: str.optional() })).optional(),
});
export type ContainerInstanceDesign = z.infer<typeof ContainerInstanceDesignSchema>;

export const ClusterSchema = z.looseObject({
  id: str.min(1),
  clusterName: str,
  capacityProviders: z.array(str).optional(),
  defaultCapacityProviderStrategy: z.array(CapacityProviderStrategyItemSchema).optional(),
  settings: z.array(z.object({ name: z.literal("containerInsights"), value: str })).optional(),
  /** The Service Connect namespace services of this cluster join when they name none. */
  serviceConnectDefaults: z.object({ namespace: str }).optional(),
  tags: z.array(TagSchema).optional(),
  instances: z.array(ContainerInstanceDesignSchema).optional(),
});
export type Cluster = z.infer<typeof ClusterSchema>;

/** Managed scaling of an Auto Scaling group capacity provider (API_ManagedScaling). */
const ManagedScalingSchema = z.object({
  status: z.enum(["ENABLED", "DISABLED"]).optional(),
  targetCapacity: int.optional(),
  minimumScalingStepSize: int.optional(),
  maximumScalingStepSize: int.optional(),
  instanceWarmupPeriod: int.optional(),
});
const RangeSchema = z.object({ min: int, max: int.optional() });

/**
 * A capacity provider the design creates (CreateCapacityProvider): an Auto Scaling group's, or
 * ECS Managed Instances' (created in `cluster`, usable only there). Clusters and strategies name
 * it by `name`; FARGATE and FARGATE_SPOT are built in and never listed here.
 */
export const CapacityProviderDesignSchema = z.object({
  id: str.min(1),
  name: str,
  autoScalingGroupProvider: z.object({
    autoScalingGroupArn: str,
    managedScaling: ManagedScalingSchema.optional(),
    managedTerminationProtection: z.enum(["ENABLED", "DISABLED"]).optional(),
    managedDraining: z.enum(["ENABLED", "DISABLED"]).optional(),
  }).optional(),
  managedInstancesProvider: z.object({
    /** The name of the design's cluster the provider belongs to. */
    cluster: str,
    infrastructureRoleArn: str,
    instanceLaunchTemplate: z.looseObject({
      ec2InstanceProfileArn: str,
      networkConfiguration: z.object({ subnets: z.array(str).optional(), securityGroups: z.array(str).optional() }),
      storageConfiguration: z.object({ storageSizeGiB: int.optional() }).optional(),
      monitoring: z.enum(["BASIC", "DETAILED"]).optional(),
      instanceRequirements: z.looseObject({ vCpuCount: RangeSchema, memoryMiB: RangeSchema }).optional(),
    }),
    propagateTags: z.enum(["CAPACITY_PROVIDER", "NONE"]).optional(),
    infrastructureOptimization: z.object({ scaleInAfter: int.optional() }).optional(),
  }).optional(),
  tags: z.array(TagSchema).optional(),
});
export type CapacityProviderDesign = z.infer<typeof CapacityProviderDesignSchema>;

export const LoadBalancerSchema = z.looseObject({
  targetGroupArn: str.optional(),
  loadBalancerName: str.optional(),
  containerName: str.optional(),
  containerPort: int.optional(),
  /** Blue/green, linear and canary deployments: the second target group and the listener rules ECS shifts traffic with. */
  advancedConfiguration: z.looseObject({
    alternateTargetGroupArn: str.optional(),
    productionListenerRule: str.optional(),
    testListenerRule: str.optional(),
    roleArn: str.optional(),
  }).optional(),
});

export const LifecycleHookSchema = z.looseObject({
  targetType: z.enum(E.LIFECYCLE_HOOK_TARGET_TYPES).optional(),
  hookTargetArn: str.optional(),
  roleArn: str.optional(),
  lifecycleStages: z.array(z.enum(E.LIFECYCLE_STAGES)).optional(),
  hookDetails: z.unknown().optional(),
  timeoutConfiguration: z.object({ timeoutInMinutes: int.optional(), action: z.enum(E.LIFECYCLE_HOOK_TIMEOUT_ACTIONS).optional() }).optional(),
});

export const PlacementStrategySchema = z.object({
  type: z.enum(E.PLACEMENT_STRATEGY_TYPES),
  field: str.optional(),
});
export const PlacementConstraintSchema = z.object({
  type: z.enum(E.PLACEMENT_CONSTRAINT_TYPES),
  expression: str.optional(),
});

/** A service's Service Connect settings (CreateService serviceConnectConfiguration). */
export const ServiceConnectConfigurationSchema = z.looseObject({
  enabled: z.boolean(),
  /** A Cloud Map namespace name or ARN; omitted, the cluster's serviceConnectDefaults namespace. */
  namespace: str.optional(),
  /** What this service offers the namespace: a named port mapping, its discovery name and client alias. */
  services: z.array(z.looseObject({
    portName: str,
    discoveryName: str.optional(),
    clientAliases: z.array(z.looseObject({ port: int, dnsName: str.optional() })).optional(),
    ingressPortOverride: int.optional(),
    timeout: z.object({ idleTimeoutSeconds: int.optional(), perRequestTimeoutSeconds: int.optional() }).optional(),
    tls: z.looseObject({ issuerCertificateAuthority: z.looseObject({ awsPcaAuthorityArn: str.optional() }), kmsKey: str.optional(), roleArn: str.optional() }).optional(),
  })).optional(),
});

/**
 * A service's Application Auto Scaling (RegisterScalableTarget, PutScalingPolicy,
 * PutScheduledAction for ServiceNamespace ecs, ScalableDimension ecs:service:DesiredCount): the
 * API's names in camelCase. With it the scaler owns the live desiredCount (plans leave it alone).
 */
export const PREDEFINED_ECS_METRICS = ["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "ALBRequestCountPerTarget"] as const;
export const METRIC_STATISTICS = ["Average", "Minimum", "Maximum", "SampleCount", "Sum"] as const;
export const ADJUSTMENT_TYPES = ["ChangeInCapacity", "PercentChangeInCapacity", "ExactCapacity"] as const;
export const METRIC_AGGREGATION_TYPES = ["Average", "Minimum", "Maximum"] as const;
export const ALARM_COMPARISON_OPERATORS = ["GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"] as const;

export const TargetTrackingConfigurationSchema = z.looseObject({
  targetValue: z.number().optional(),
  predefinedMetricSpecification: z.looseObject({
    predefinedMetricType: z.enum(PREDEFINED_ECS_METRICS),
    /** ALBRequestCountPerTarget only: derived from the service's target group and its load balancer when omitted. */
    resourceLabel: str.optional(),
  }).optional(),
  customizedMetricSpecification: z.looseObject({
    metricName: str,
    namespace: str,
    dimensions: z.array(z.object({ name: str, value: str })).optional(),
    statistic: z.enum(METRIC_STATISTICS),
    unit: str.optional(),
  }).optional(),
  scaleOutCooldown: int.optional(),
  scaleInCooldown: int.optional(),
  disableScaleIn: z.boolean().optional(),
});

export const StepAdjustmentSchema = z.object({
  metricIntervalLowerBound: z.number().optional(),
  metricIntervalUpperBound: z.number().optional(),
  scalingAdjustment: int,
});

export const StepScalingConfigurationSchema = z.looseObject({
  adjustmentType: z.enum(ADJUSTMENT_TYPES).optional(),
  stepAdjustments: z.array(StepAdjustmentSchema).optional(),
  minAdjustmentMagnitude: int.optional(),
  cooldown: int.optional(),
  metricAggregationType: z.enum(METRIC_AGGREGATION_TYPES).optional(),
});

/** The CloudWatch alarm that triggers a step scaling policy (PutMetricAlarm's terms). */
export const ScalingAlarmSchema = z.looseObject({
  metricName: str,
  namespace: str,
  statistic: z.enum(METRIC_STATISTICS).optional(),
  comparisonOperator: z.enum(ALARM_COMPARISON_OPERATORS),
  threshold: z.number(),
  period: int.optional(),
  evaluationPeriods: int.optional(),
});

export const ScalingPolicySchema = z.looseObject({
  policyName: str,
  policyType: z.enum(["TargetTrackingScaling", "StepScaling"]),
  targetTrackingScalingPolicyConfiguration: TargetTrackingConfigurationSchema.optional(),
  stepScalingPolicyConfiguration: StepScalingConfigurationSchema.optional(),
  alarm: ScalingAlarmSchema.optional(),
});
export type ScalingPolicy = z.infer<typeof ScalingPolicySchema>;

export const ScheduledActionSchema = z.looseObject({
  scheduledActionName: str,
  /** `at(yyyy-mm-ddThh:mm:ss)`, `rate(value unit)` or `cron(minutes hours day-of-month month day-of-week year)`. */
  schedule: str,
  /** An IANA time zone (e.g. Europe/Berlin); omitted, UTC. */
  timezone: str.optional(),
  startTime: str.optional(),
  endTime: str.optional(),
  scalableTargetAction: z.object({ minCapacity: int.optional(), maxCapacity: int.optional() }),
});
export type ScheduledAction = z.infer<typeof ScheduledActionSchema>;

export const AutoScalingSchema = z.looseObject({
  /** Both required by RegisterScalableTarget for a new target; optional here so the rules can say so. */
  minCapacity: int.optional(),
  maxCapacity: int.optional(),
  policies: z.array(ScalingPolicySchema).optional(),
  scheduledActions: z.array(ScheduledActionSchema).optional(),
});
export type AutoScaling = z.infer<typeof AutoScalingSchema>;

/** The EBS volume types ECS takes (a string in the API, so checked by the rules, not the schema). */
export const EBS_VOLUME_TYPES = ["gp3", "gp2", "io1", "io2", "st1", "sc1", "standard"] as const;
/** The EBS volume ECS creates for each task of a service (ServiceManagedEBSVolumeConfiguration). */
export const ManagedEbsVolumeSchema = z.looseObject({
  /** The ECS infrastructure role ECS creates, attaches and deletes the volumes with; required by ECS. */
  roleArn: str.optional(),
  encrypted: z.boolean().optional(),
  kmsKeyId: str.optional(),
  /** An EBS volume type (gp3 when omitted); a string in the API. */
  volumeType: str.optional(),
  sizeInGiB: int.optional(),
  snapshotId: str.optional(),
  volumeInitializationRate: int.optional(),
  iops: int.optional(),
  throughput: int.optional(),
  tagSpecifications: z.array(z.looseObject({
    resourceType: z.literal("volume"),
    tags: z.array(TagSchema).optional(),
    propagateTags: z.enum(E.PROPAGATE_TAGS).optional(),
  })).optional(),
  filesystemType: z.enum(["ext3", "ext4", "xfs", "ntfs"]).optional(),
});
export type ManagedEbsVolume = z.infer<typeof ManagedEbsVolumeSchema>;

/** A service's settings for its task definition's configuredAtLaunch volume (CreateService volumeConfigurations). */
export const ServiceVolumeConfigurationSchema = z.looseObject({
  name: str,
  managedEBSVolume: ManagedEbsVolumeSchema.optional(),
});

/** awsvpc networking of a service's or a scheduled task's tasks (CreateService's and RunTask's networkConfiguration). */
const NetworkConfigurationSchema = z.object({
  awsvpcConfiguration: z.object({
    subnets: z.array(str),
    securityGroups: z.array(str).optional(),
    assignPublicIp: z.enum(E.ASSIGN_PUBLIC_IP).optional(),
  }),
});

export const ServiceSchema = z.looseObject({
  id: str.min(1),
  serviceName: str,
  /** Name of a cluster of this design (or an ARN of one outside it). */
  cluster: str,
  /** Family of a task definition of this design (optionally `family:revision` or an ARN). */
  taskDefinition: str,
  desiredCount: int.optional(),
  launchType: z.enum(E.LAUNCH_TYPES).optional(),
  capacityProviderStrategy: z.array(CapacityProviderStrategyItemSchema).optional(),
  schedulingStrategy: z.enum(E.SCHEDULING_STRATEGIES).optional(),
  platformVersion: str.optional(),
  networkConfiguration: NetworkConfigurationSchema.optional(),
  loadBalancers: z.array(LoadBalancerSchema).optional(),
  serviceConnectConfiguration: ServiceConnectConfigurationSchema.optional(),
  serviceRegistries: z.array(z.looseObject({
    registryArn: str.optional(), port: int.optional(), containerName: str.optional(), containerPort: int.optional(),
  })).optional(),
  healthCheckGracePeriodSeconds: int.optional(),
  deploymentConfiguration: z.looseObject({
    minimumHealthyPercent: int.optional(),
    maximumPercent: int.optional(),
    deploymentCircuitBreaker: z.object({ enable: z.boolean(), rollback: z.boolean() }).optional(),
    strategy: z.enum(E.DEPLOYMENT_STRATEGIES).optional(),
    bakeTimeInMinutes: int.optional(),
    linearConfiguration: z.object({ stepPercent: z.number().optional(), stepBakeTimeInMinutes: int.optional() }).optional(),
    canaryConfiguration: z.object({ canaryPercent: z.number().optional(), canaryBakeTimeInMinutes: int.optional() }).optional(),
    lifecycleHooks: z.array(LifecycleHookSchema).optional(),
  }).optional(),
  deploymentController: z.object({ type: z.enum(E.DEPLOYMENT_CONTROLLER_TYPES) }).optional(),
  placementConstraints: z.array(PlacementConstraintSchema).optional(),
  placementStrategy: z.array(PlacementStrategySchema).optional(),
  enableExecuteCommand: z.boolean().optional(),
  enableECSManagedTags: z.boolean().optional(),
  propagateTags: z.enum(E.PROPAGATE_TAGS).optional(),
  /** Managed EBS volumes, one per task, for the task definition's configuredAtLaunch volume. */
  volumeConfigurations: z.array(ServiceVolumeConfigurationSchema).optional(),
  tags: z.array(TagSchema).optional(),
  /** Application Auto Scaling of the service's desired count (not part of CreateService). */
  autoScaling: AutoScalingSchema.optional(),
});
export type Service = z.infer<typeof ServiceSchema>;

/**
 * A target group the canvas shows as a "Load balancer" node (added for the designer; optional,
 * so designs without it parse as before). It is not an ECS resource: services point at it from
 * `loadBalancers[].targetGroupArn`, which holds the group's ARN, or `targetgroup/<name>` while
 * the group is only designed and has no ARN yet (lib/domain/designer/target-groups.ts).
 */
export const TargetGroupHealthCheckSchema = z.looseObject({
  enabled: z.boolean().optional(),
  protocol: z.enum(["HTTP", "HTTPS", "TCP"]).optional(),
  /** "traffic-port" (the default) or a port number as a string, as ELBv2 has it. */
  port: str.optional(),
  path: str.optional(),
  intervalSeconds: int.optional(),
  timeoutSeconds: int.optional(),
  healthyThresholdCount: int.optional(),
  unhealthyThresholdCount: int.optional(),
  /** HTTP codes that mean healthy: "200", "200,202" or "200-299". */
  matcher: str.optional(),
});

export const TargetGroupSchema = z.looseObject({
  id: str.min(1),
  name: str,
  /** An existing target group's ARN; a group without one is created by the design's apply. */
  targetGroupArn: str.optional(),
  targetType: z.enum(["ip", "instance"]),
  port: int.optional(),
  protocol: z.enum(["HTTP", "HTTPS", "TCP", "UDP", "TLS", "TCP_UDP"]).optional(),
  /** The VPC of the targets; omitted, the environment's default VPC. */
  vpcId: str.optional(),
  healthCheck: TargetGroupHealthCheckSchema.optional(),
  /** deregistration_delay.timeout_seconds: how long a draining target keeps its connections. */
  deregistrationDelaySeconds: int.optional(),
});
export type TargetGroup = z.infer<typeof TargetGroupSchema>;

/**
 * What a listener or one of its rules does with a request, in ELBv2's terms. A forward names
 * target groups as services do (`targetGroupArn`: an ARN, or `targetgroup/<name>` for a group of
 * the design) with weights, which is how traffic is split between two groups.
 */
export const ListenerActionSchema = z.looseObject({
  type: z.enum(["forward", "fixed-response", "redirect"]),
  targetGroups: z.array(z.object({ targetGroupArn: str, weight: int.optional() })).optional(),
  fixedResponse: z.object({ statusCode: str, contentType: str.optional(), messageBody: str.optional() }).optional(),
  redirect: z.object({
    statusCode: z.enum(["HTTP_301", "HTTP_302"]),
    protocol: str.optional(), port: str.optional(), host: str.optional(), path: str.optional(), query: str.optional(),
  }).optional(),
});
export type ListenerAction = z.infer<typeof ListenerActionSchema>;

export const ListenerRuleSchema = z.looseObject({
  priority: int,
  conditions: z.array(z.object({ field: z.enum(["path-pattern", "host-header", "http-request-method", "source-ip"]), values: z.array(str) })),
  action: ListenerActionSchema,
});

export const ListenerSchema = z.looseObject({
  port: int,
  protocol: z.enum(["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP"]),
  /** The default server certificate (ACM) of an HTTPS or TLS listener. */
  certificateArn: str.optional(),
  sslPolicy: str.optional(),
  defaultAction: ListenerActionSchema,
  /** Application Load Balancers only: requests matching a rule's conditions take its action, lowest priority first. */
  rules: z.array(ListenerRuleSchema).optional(),
});
export type Listener = z.infer<typeof ListenerSchema>;

/**
 * A load balancer in front of the design's services: owned by the design (created, changed and
 * deleted by its apply, with its listeners and rules), or existing (`loadBalancerArn` set: read,
 * never changed or deleted, its listeners left as they are).
 */
export const LoadBalancerDesignSchema = z.looseObject({
  id: str.min(1),
  name: str,
  loadBalancerArn: str.optional(),
  type: z.enum(["application", "network"]),
  scheme: z.enum(["internet-facing", "internal"]).optional(),
  subnets: z.array(str).optional(),
  securityGroups: z.array(str).optional(),
  listeners: z.array(ListenerSchema).optional(),
  tags: z.array(TagSchema).optional(),
});
export type LoadBalancerDesign = z.infer<typeof LoadBalancerDesignSchema>;

/**
 * A task run on a schedule: an EventBridge Scheduler schedule (CreateSchedule) whose target is
 * ECS RunTask in a cluster of the design (Target.Arn the cluster, EcsParameters the run). Names
 * are Scheduler's; the schedule lives in `group`, omitted, the design's own schedule group
 * (`stevedore-<design id>`, tagged stevedore:design: schedules have no tags, their group marks
 * what the design owns).
 */
export const ScheduledTaskSchema = z.looseObject({
  id: str.min(1),
  /** The schedule's name: 1–64 of [0-9a-zA-Z-_.], unique in its group. */
  name: str,
  group: str.optional(),
  description: str.optional(),
  /** Name of a cluster of this design (or an ARN of one outside it). */
  cluster: str,
  /** Family of a task definition of this design (optionally `family:revision` or an ARN). */
  taskDefinition: str,
  /** `rate(5 minutes)`, `cron(0 3 * * ? *)` (six fields) or `at(2026-12-08T03:00:00)`. */
  scheduleExpression: str,
  /** An IANA time zone the expression is read in; omitted, UTC. */
  scheduleExpressionTimezone: str.optional(),
  state: z.enum(["ENABLED", "DISABLED"]).optional(),
  /** ISO 8601 instants the schedule runs between. */
  startDate: str.optional(),
  endDate: str.optional(),
  flexibleTimeWindow: z.object({ mode: z.enum(["OFF", "FLEXIBLE"]), maximumWindowInMinutes: int.optional() }).optional(),
  /** The execution role Scheduler assumes to call ecs:RunTask (and iam:PassRole); required by Scheduler. */
  roleArn: str.optional(),
  taskCount: int.optional(),
  launchType: z.enum(E.LAUNCH_TYPES).optional(),
  capacityProviderStrategy: z.array(CapacityProviderStrategyItemSchema).optional(),
  platformVersion: str.optional(),
  networkConfiguration: NetworkConfigurationSchema.optional(),
  /** RunTask overrides, sent as the target's Input: per container a command and environment. */
  overrides: z.object({
    containerOverrides: z.array(z.object({ name: str, command: z.array(str).optional(), environment: z.array(KeyValue).optional() })),
  }).optional(),
  enableExecuteCommand: z.boolean().optional(),
  propagateTags: z.literal("TASK_DEFINITION").optional(),
  retryPolicy: z.object({ maximumEventAgeInSeconds: int.optional(), maximumRetryAttempts: int.optional() }).optional(),
  /** `DELETE`: a one-time at() schedule deletes itself after it ran. */
  actionAfterCompletion: z.enum(["NONE", "DELETE"]).optional(),
});
export type ScheduledTask = z.infer<typeof ScheduledTaskSchema>;

export const LayoutEntrySchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().optional(),
  height: z.number().optional(),
});
export type LayoutEntry = z.infer<typeof LayoutEntrySchema>;

export const CURRENT_SCHEMA_VERSION = 1;

export const DesignSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  clusters: z.array(ClusterSchema),
  taskDefinitions: z.array(TaskDefinitionSchema),
  services: z.array(ServiceSchema),
  /** Designer-only load balancer target groups (optional, additive: see TargetGroupSchema). */
  targetGroups: z.array(TargetGroupSchema).optional(),
  /** Load balancers with their listeners and rules (optional, additive: see LoadBalancerDesignSchema). */
  loadBalancers: z.array(LoadBalancerDesignSchema).optional(),
  /** Capacity providers the design creates (optional, additive: see CapacityProviderDesignSchema). */
  capacityProviders: z.array(CapacityProviderDesignSchema).optional(),
  /** Tasks run on a schedule by EventBridge Scheduler (optional, additive: see ScheduledTaskSchema). */
  scheduledTasks: z.array(ScheduledTaskSchema).optional(),
  /**
   * Canvas positions keyed by resource id (containers: `${taskDefinitionId}/${containerName}`).
   * Kept apart from the resources so that layout never leaks into ECS JSON.
   */
  layout: z.record(str, LayoutEntrySchema),
});
export type Design = z.infer<typeof DesignSchema>;
