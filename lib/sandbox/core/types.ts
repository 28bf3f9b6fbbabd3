// The sandbox's state: plain, JSON-serialisable data (no classes, no Dates, no Maps), so a
// store can keep it as one blob and every operation can be a pure function of it.
// Times are epoch milliseconds of *simulated* time; answers turn them into the protocol's form.
// One world per region holds the resources of every service, because services see each
// other's (a load balancer registers ECS tasks); each service's entities are declared here.
// Field names are the sandbox's own; each service's handlers write them out in its wire shape.

// ECS (ecs/): clusters, task definitions, tasks, container instances, services.

export type Tag = { key: string; value: string };
export type KeyValue = { name: string; value?: string };
export type CapacityProviderStrategyItem = { capacityProvider: string; weight?: number; base?: number };

export type Cluster = {
  arn: string;
  name: string;
  status: "ACTIVE" | "INACTIVE";
  tags: Tag[];
  settings: { name: string; value: string }[];
  configuration?: Record<string, unknown>;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: CapacityProviderStrategyItem[];
  /** The Cloud Map namespace its services' Service Connect defaults to (ecs/service-connect.ts). */
  serviceConnectDefaults?: { namespaceId: string };
  createdAt: number;
};

export type TaskDefinition = {
  arn: string;
  family: string;
  revision: number;
  status: "ACTIVE" | "INACTIVE";
  /** The registered body (RegisterTaskDefinition input without tags), normalised. */
  body: Record<string, unknown>;
  compatibilities: string[];
  /** Resources a task of this definition reserves on an instance. */
  cpu: number;
  memory: number;
  registeredAt: number;
  deregisteredAt?: number;
  tags: Tag[];
};

export type HealthStatus = "HEALTHY" | "UNHEALTHY" | "UNKNOWN";
export type TaskStatus =
  | "PROVISIONING" | "PENDING" | "ACTIVATING" | "RUNNING"
  | "DEACTIVATING" | "STOPPING" | "DEPROVISIONING" | "STOPPED";

export type ContainerState = {
  name: string;
  image: string;
  essential: boolean;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  lastStatus: "PENDING" | "RUNNING" | "STOPPED";
  exitCode?: number;
  reason?: string;
  healthStatus: HealthStatus;
  healthCheck?: { interval: number; retries: number; startPeriod: number };
  /** When the container's health changes next (a probe verdict), if ever. */
  healthAt?: number;
  healthFailing?: boolean;
  /** What its process still has to do when it is a script the sandbox plays (ecs/programs.ts): lines to print and its exit, at simulated times. */
  program?: { lines: { at: number; text: string }[]; exitAt: number; exitCode: number };
  /** ECS Exec's agent in the container (DescribeTasks `managedAgents`), when the task has exec enabled. */
  execAgent?: { lastStatus: "PENDING" | "RUNNING" | "STOPPED"; lastStartedAt?: number };
  networkBindings: { containerPort: number; hostPort: number; protocol: string }[];
  runtimeId: string;
  containerArn: string;
};

export type Task = {
  arn: string;
  id: string;
  seq: number;
  clusterName: string;
  taskDefinitionArn: string;
  family: string;
  launchType: "EC2" | "FARGATE" | "MANAGED_INSTANCES";
  capacityProviderName?: string;
  platformVersion?: string;
  containerInstanceArn?: string;
  availabilityZone: string;
  networkMode: string;
  privateIp?: string;
  group: string;
  startedBy?: string;
  serviceArn?: string;
  deploymentId?: string;
  lastStatus: TaskStatus;
  desiredStatus: "RUNNING" | "STOPPED";
  healthStatus: HealthStatus;
  containers: ContainerState[];
  cpu: number;
  memory: number;
  /** Fixed host ports held on the instance (bridge/host network modes). */
  hostPorts: number[];
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: string;
  stoppedReason?: string;
  /** Next lifecycle transition (or, once STOPPED, when the task is forgotten). */
  nextAt?: number;
  overrides?: Record<string, unknown>;
  /** The task definition's ephemeralStorage.sizeInGiB (Fargate; 20 when unset). */
  ephemeralStorageGiB?: number;
  /** The managed EBS volume ECS created for the task from its service's volumeConfigurations (sizeInGiB omitted: the snapshot's). */
  ebsVolume?: { name: string; volumeId: string; sizeInGiB?: number; volumeType: string; filesystemType: string; roleArn: string };
  /** RunTask's or the service's `enableExecuteCommand`. */
  enableExecuteCommand?: boolean;
  tags: Tag[];
  version: number;
  /** The targets ECS registered for this task (ecs/load-balancing.ts), so it deregisters exactly those. */
  registrations?: { targetGroupArn: string; id: string; port: number; containerName: string; containerPort: number }[];
  /** Whether every target of `registrations` is healthy (the scheduler counts the task healthy only then); absent without any. */
  targetsHealthy?: boolean;
  /** When the health of one of its targets changes next: the engine wakes the scheduler then. */
  targetHealthAt?: number;
  /** RunTask's idempotency token and the request it came with (see ecs/tasks.ts). */
  clientToken?: string;
  requestFingerprint?: string;
};

export type ContainerInstance = {
  arn: string;
  id: string;
  clusterName: string;
  ec2InstanceId: string;
  instanceType: string;
  availabilityZone: string;
  status: "ACTIVE" | "DRAINING" | "INACTIVE";
  agentConnected: boolean;
  cpu: number;
  memory: number;
  attributes: KeyValue[];
  registeredAt: number;
  tags: Tag[];
  version: number;
  /** The capacity provider (Managed Instances or Auto Scaling group) that launched it (ecs/capacity.ts). */
  capacityProviderName?: string;
  /** Since when it runs no task (a provider's instances only): it is scaled in once idle long enough. */
  idleSince?: number;
  /** A DRAINING provider instance is terminated (INACTIVE) then. */
  terminateAt?: number;
};

/**
 * A capacity provider the account created (CreateCapacityProvider): an Auto Scaling group's or
 * ECS Managed Instances' (scoped to its cluster). FARGATE and FARGATE_SPOT are built in, not kept.
 * The provider configurations are kept as the API shapes them, with ECS's defaults filled in.
 */
export type CapacityProvider = {
  arn: string;
  name: string;
  type: "EC2_AUTOSCALING" | "MANAGED_INSTANCES";
  /** Managed Instances providers belong to the cluster they were created in. */
  cluster?: string;
  status: "ACTIVE" | "INACTIVE";
  autoScalingGroupProvider?: Record<string, unknown>;
  managedInstancesProvider?: Record<string, unknown>;
  updateStatus?: string;
  updateStatusReason?: string;
  tags: Tag[];
  seq: number;
  /** Auto Scaling group providers with managed scaling: instances launched, in service after the warm-up. */
  launching?: { count: number; readyAt: number; instanceIds?: string[] }[];
  /** Instances more that tasks the scheduler could not place want (read and cleared by the next capacity pass). */
  waiting?: number;
};

/**
 * An EC2 Auto Scaling group (CreateAutoScalingGroup, or the one an Auto Scaling group capacity
 * provider names when the sandbox had none: autoscaling/groups.ts). Its instances are the
 * container instances of the provider that uses it; its desired capacity, while a provider with
 * managed scaling uses it, is what that provider asks for (ecs/capacity.ts).
 */
export type AutoScalingGroup = {
  name: string;
  arn: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  defaultCooldown: number;
  availabilityZones: string[];
  vpcZoneIdentifier?: string;
  launchTemplate?: { LaunchTemplateId?: string; LaunchTemplateName?: string; Version?: string };
  mixedInstancesPolicy?: Record<string, unknown>;
  healthCheckType: string;
  healthCheckGracePeriod: number;
  newInstancesProtectedFromScaleIn: boolean;
  capacityRebalance: boolean;
  targetGroupArns: string[];
  tags: { key: string; value: string; propagateAtLaunch: boolean }[];
  createdAt: number;
  seq: number;
};

export type Deployment = {
  id: string;
  status: "PRIMARY" | "ACTIVE";
  taskDefinitionArn: string;
  desiredCount: number;
  rolloutState: "IN_PROGRESS" | "COMPLETED" | "FAILED";
  rolloutStateReason: string;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  /** The service revision this deployment's tasks run, and the service deployment that follows it (ecs/service-deployments.ts). */
  serviceRevisionArn?: string;
  serviceDeploymentArn?: string;
};

export type ServiceEvent = { id: string; createdAt: number; message: string };

export type DeploymentConfiguration = {
  minimumHealthyPercent: number;
  maximumPercent: number;
  deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
  /**
   * ROLLING, BLUE_GREEN, LINEAR or CANARY with its settings, kept and described as given. The
   * scheduler deploys every strategy as a rolling update for now (the traffic shift is not simulated).
   */
  strategy?: string;
  bakeTimeInMinutes?: number;
  linearConfiguration?: Record<string, unknown>;
  canaryConfiguration?: Record<string, unknown>;
  lifecycleHooks?: Record<string, unknown>[];
};

export type Service = {
  arn: string;
  name: string;
  clusterName: string;
  status: "ACTIVE" | "DRAINING" | "INACTIVE";
  desiredCount: number;
  taskDefinitionArn: string;
  launchType?: "EC2" | "FARGATE";
  capacityProviderStrategy: CapacityProviderStrategyItem[];
  platformVersion?: string;
  networkConfiguration?: Record<string, unknown>;
  loadBalancers: Record<string, unknown>[];
  serviceRegistries: Record<string, unknown>[];
  placementConstraints: { type: string; expression?: string }[];
  placementStrategy: { type: string; field?: string }[];
  deploymentConfiguration: DeploymentConfiguration;
  /** As given; DescribeServices reports it on the PRIMARY deployment, as ECS does (no proxy is simulated). */
  serviceConnectConfiguration?: Record<string, unknown>;
  /** As given to Create/UpdateService: the managed EBS volume of each new task (reported on the PRIMARY deployment). */
  volumeConfigurations?: Record<string, unknown>[];
  /** With Service Connect on: the namespace it joined, and the Cloud Map service of each `services[]` entry. */
  serviceConnectNamespaceId?: string;
  serviceConnectResources?: { discoveryName: string; discoveryArn: string; serviceId: string }[];
  schedulingStrategy: "REPLICA";
  healthCheckGracePeriodSeconds?: number;
  enableECSManagedTags: boolean;
  enableExecuteCommand: boolean;
  propagateTags: string;
  deployments: Deployment[];
  events: ServiceEvent[];
  tags: Tag[];
  createdAt: number;
  clientToken?: string;
  /** Canonical JSON of the CreateService input, to tell an idempotent retry from a conflict. */
  requestFingerprint: string;
  lastCompleted?: { deploymentId: string; taskDefinitionArn: string };
  steady: boolean;
  /** Last "unable to place" message, so it is not repeated on every pass. */
  lastPlacementMessage?: string;
  inactiveAt?: number;
};

/** What one deployment deploys (DescribeServiceRevisions), fixed when it is created. */
export type ServiceRevision = {
  arn: string;
  serviceArn: string;
  clusterName: string;
  taskDefinitionArn: string;
  launchType?: "EC2" | "FARGATE";
  capacityProviderStrategy: CapacityProviderStrategyItem[];
  platformVersion?: string;
  loadBalancers: Record<string, unknown>[];
  serviceRegistries: Record<string, unknown>[];
  networkConfiguration?: Record<string, unknown>;
  serviceConnectConfiguration?: Record<string, unknown>;
  volumeConfigurations?: Record<string, unknown>[];
  containerImages: { containerName: string; image: string }[];
  /** Per load balancer entry, the target group this revision's tasks register in (primary or alternate). */
  resolvedLoadBalancers: { targetGroupArn: string; productionListenerRule?: string }[];
  createdAt: number;
};

/** One run of a lifecycle hook at one stage (DeploymentLifecycleHookDetail). */
export type HookRun = {
  hookId: string;
  /** The stage it runs at (not part of the API's detail). */
  stage: string;
  targetType: "AWS_LAMBDA" | "PAUSE";
  targetArn?: string;
  status: "AWAITING_ACTION" | "IN_PROGRESS" | "SUCCEEDED" | "FAILED" | "TIMED_OUT";
  expiresAt?: number;
  timeoutAction?: "CONTINUE" | "ROLLBACK";
  /** A Lambda hook that answered IN_PROGRESS is invoked again then. */
  pollAt?: number;
};

export type ServiceDeploymentStatus =
  | "PENDING" | "SUCCESSFUL" | "STOPPED" | "STOP_REQUESTED" | "IN_PROGRESS"
  | "ROLLBACK_REQUESTED" | "ROLLBACK_IN_PROGRESS" | "ROLLBACK_SUCCESSFUL" | "ROLLBACK_FAILED";

/** A service deployment (ListServiceDeployments / DescribeServiceDeployments): one per deployment a Create/UpdateService starts. */
export type ServiceDeployment = {
  arn: string;
  serviceArn: string;
  clusterName: string;
  seq: number;
  strategy: string;
  /** Whether it runs green beside blue and shifts traffic (BLUE_GREEN, LINEAR, CANARY with a running source). */
  shifting: boolean;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  stoppedAt?: number;
  updatedAt: number;
  sourceRevisionArns: string[];
  targetRevisionArn: string;
  /** The ECS deployment (DescribeServices `deployments[]`) of the target revision, and of the source ones. */
  ecsDeploymentId: string;
  sourceEcsDeploymentIds: string[];
  /** The deployment configuration as it was when the deployment started. */
  deploymentConfiguration: DeploymentConfiguration;
  lifecycleStage?: string;
  stageStartedAt?: number;
  /** Index of the production traffic step under way (linear and canary take several). */
  step: number;
  /** Share of production and test traffic on the target revision, 0–100. */
  productionWeight: number;
  testWeight: number;
  hooks: HookRun[];
  /** Circuit-breaker failures counted against the target revision. */
  failureCount: number;
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
  /** The ECS deployment a rolling circuit-breaker rollback started. */
  rollbackEcsDeploymentId?: string;
  /** When the deployment must be looked at again by itself (a bake time or a hook timeout ends). */
  nextAt?: number;
};

/** A Lambda hook's simulated answer (control `setHookOutcome`), by function ARN. */
export type HookOutcome = { outcome: "SUCCEEDED" | "FAILED" | "IN_PROGRESS" };

// EC2 (ec2/): the network a new account starts with (a default VPC per region).

/** One rule of a security group (an IpPermission). `-1` is every protocol. */
export type IpPermission = {
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  ipRanges: { cidrIp: string; description?: string }[];
  /** Other groups allowed in: ids of groups in the same account. */
  groups: { groupId: string; description?: string }[];
};

export type Vpc = {
  id: string;
  cidrBlock: string;
  cidrAssociationId: string;
  dhcpOptionsId: string;
  isDefault: boolean;
  tags: Tag[];
  seq: number;
};

export type Subnet = {
  id: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  availabilityZoneId: string;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
  tags: Tag[];
  seq: number;
};

export type SecurityGroup = {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  ingress: IpPermission[];
  egress: IpPermission[];
  tags: Tag[];
  seq: number;
};

// Elastic Load Balancing v2 (elbv2/): load balancers, listeners, rules, target groups.
// Actions and conditions are kept as the API shapes them (PascalCase members), since
// they are written back as they were given, normalised.

export type LoadBalancerType = "application" | "network" | "gateway";

export type LoadBalancer = {
  arn: string;
  name: string;
  type: LoadBalancerType;
  scheme: "internet-facing" | "internal";
  ipAddressType: string;
  vpcId: string;
  /** One subnet per Availability Zone, in the order given. */
  zones: { subnetId: string; zoneName: string }[];
  securityGroups: string[];
  dnsName: string;
  canonicalHostedZoneId?: string;
  createdAt: number;
  tags: Tag[];
  seq: number;
};

export type HealthCheck = {
  enabled: boolean;
  protocol?: string;
  port: string;
  path?: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  matcher?: { HttpCode?: string; GrpcCode?: string };
};

/** A settled target health (core/target-health.ts). */
export type ProbedHealth = "initial" | "healthy" | "unhealthy";

/**
 * What a target answers the group's health checks with since `since` (set by ECS for the targets
 * it registers, from the simulated container): `passing`, or failing with a bad status
 * (`status`: the container runs but is unhealthy) or no answer (`timeout`: it is not running).
 * `before` is the health the target had reached when the answer changed.
 */
export type TargetProbe = { passing: boolean; since: number; before: ProbedHealth; cause?: "status" | "timeout" };

export type RegisteredTarget = {
  id: string;
  port?: number;
  availabilityZone?: string;
  registeredAt: number;
  /** Set by DeregisterTargets on a target group in use: draining until then, gone after. */
  drainingUntil?: number;
  /** Absent: nothing simulated serves the target, and it passes every check. */
  probe?: TargetProbe;
};

export type TargetGroup = {
  arn: string;
  name: string;
  targetType: "instance" | "ip" | "lambda" | "alb";
  protocol?: string;
  protocolVersion?: string;
  port?: number;
  vpcId?: string;
  ipAddressType: string;
  healthCheck: HealthCheck;
  /** Seconds a deregistered target drains (the deregistration_delay.timeout_seconds attribute). */
  deregistrationDelaySeconds: number;
  targets: RegisteredTarget[];
  /** Since when a listener or rule forwards to it (health checks run only then). */
  inUseSince?: number;
  createdAt: number;
  tags: Tag[];
  seq: number;
};

/** An action or a condition as the ELBv2 API shapes it. */
export type ElbShape = Record<string, unknown>;

export type Listener = {
  arn: string;
  loadBalancerArn: string;
  port?: number;
  protocol?: string;
  sslPolicy?: string;
  certificates: { CertificateArn: string }[];
  alpnPolicy: string[];
  defaultActions: ElbShape[];
  defaultRuleArn: string;
  tags: Tag[];
  seq: number;
};

export type Rule = {
  arn: string;
  listenerArn: string;
  /** 1–50000, or undefined for the listener's default rule. */
  priority?: number;
  conditions: ElbShape[];
  actions: ElbShape[];
  tags: Tag[];
  seq: number;
};

export type Faults = {
  /** Images whose pull fails (CannotPullContainerError). */
  pullFailures: string[];
  /** Images whose container health check fails. */
  unhealthyImages: string[];
  /** Clusters in which Fargate Spot has no capacity ("*": all of the Region's): FARGATE_SPOT tasks cannot be placed there. */
  spotUnavailable?: string[];
};

// IAM (iam/): roles, global to the account (kept in the world of IAM's home Region, us-east-1).

export type Role = {
  name: string;
  /** AROA + 17 characters. */
  id: string;
  arn: string;
  path: string;
  /** The trust policy as it was given (JSON text). */
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  /** ARNs of the managed policies attached, in attach order. */
  attachedPolicies: string[];
  /** Inline policies (PutRolePolicy): name → the document as given (JSON text). Absent in worlds stored before they existed. */
  inlinePolicies?: Record<string, string>;
  tags: Tag[];
  createdAt: number;
  seq: number;
};

// CloudWatch Logs (logs/; written by ECS's awslogs driver through core/log-store.ts).

export type LogGroup = {
  name: string;
  createdAt: number;
  retentionInDays?: number;
  tags: Tag[];
  seq: number;
};

/** One event as stored: its timestamp, when it was ingested, its message. */
export type LogEvent = { t: number; i: number; m: string };

export type LogStream = {
  group: string;
  name: string;
  createdAt: number;
  /** Events in timestamp order; `dropped` of the oldest are gone (a stream keeps its last MAX_STREAM_EVENTS). */
  events: LogEvent[];
  dropped: number;
  lastIngestionTime?: number;
  seq: number;
};

// AWS Cloud Map (servicediscovery/; ECS's Service Connect writes here too: core/cloud-map.ts), by id.

export type CloudMapNamespace = {
  /** ns- and 16 characters. */
  id: string;
  arn: string;
  name: string;
  type: "HTTP" | "DNS_PRIVATE";
  description?: string;
  /** DNS_PRIVATE: the VPC its hosted zone is associated with, and the zone. */
  vpc?: string;
  hostedZoneId?: string;
  creatorRequestId?: string;
  tags: Tag[];
  createdAt: number;
  seq: number;
};

export type CloudMapInstance = {
  id: string;
  attributes: Record<string, string>;
  /** Custom health as the registrant (ECS) reports it. */
  health: "HEALTHY" | "UNHEALTHY";
  createdAt: number;
};

export type CloudMapService = {
  /** srv- and 16 characters. */
  id: string;
  arn: string;
  name: string;
  namespaceId: string;
  type: "HTTP" | "DNS_HTTP";
  description?: string;
  creatorRequestId?: string;
  /** Instances report their health through the registrant (HealthCheckCustomConfig), as ECS's do. */
  customHealth: boolean;
  /** The ECS service whose Service Connect configuration made it (its ARN), if one did. */
  createdByEcs?: string;
  instances: Record<string, CloudMapInstance>;
  /** Moves on each instance change (DiscoverInstances' InstancesRevision). */
  revision: number;
  tags: Tag[];
  createdAt: number;
  seq: number;
};

/** An asynchronous Cloud Map operation (GetOperation). */
export type CloudMapOperation = {
  id: string;
  type: "CREATE_NAMESPACE" | "DELETE_NAMESPACE" | "UPDATE_NAMESPACE" | "UPDATE_SERVICE" | "REGISTER_INSTANCE" | "DEREGISTER_INSTANCE";
  status: "SUBMITTED" | "PENDING" | "SUCCESS" | "FAIL";
  targets: Record<string, string>;
  createdAt: number;
  updatedAt: number;
};

// Application Auto Scaling (application-autoscaling/ and ecs/auto-scaling.ts): ECS services'
// scalable targets (keyed by ResourceId `service/<cluster>/<service>`), their policies and
// scheduled actions (keyed by `<ResourceId>|<name>`), and the scaling activities (by id).

export type ScalableTarget = {
  resourceId: string;
  arn: string;
  minCapacity: number;
  maxCapacity: number;
  roleArn: string;
  suspendedState: { DynamicScalingInSuspended: boolean; DynamicScalingOutSuspended: boolean; ScheduledScalingSuspended: boolean };
  createdAt: number;
  seq: number;
};

export type ScalingPolicy = {
  arn: string;
  name: string;
  resourceId: string;
  policyType: "TargetTrackingScaling" | "StepScaling";
  /** As PutScalingPolicy took it (its API shape). */
  stepScalingPolicyConfiguration?: Record<string, unknown>;
  targetTrackingScalingPolicyConfiguration?: Record<string, unknown>;
  /** The CloudWatch alarms AAS made for a target tracking policy. */
  alarms: { AlarmName: string; AlarmARN: string }[];
  createdAt: number;
  seq: number;
  /** When the policy last scaled out and in (its cooldowns count from then). */
  lastScaleOutAt?: number;
  lastScaleInAt?: number;
};

export type ScheduledAction = {
  arn: string;
  name: string;
  resourceId: string;
  schedule: string;
  timezone?: string;
  startTime?: number;
  endTime?: number;
  scalableTargetAction: { MinCapacity?: number; MaxCapacity?: number };
  createdAt: number;
  /** When the scaler looks at it next (its next run, or a rescan of a far-off cron); undefined: never again. */
  wakeAt?: number;
  /** Whether `wakeAt` is a run (true) or only a rescan. */
  runsAtWake: boolean;
  seq: number;
};

export type ScalingActivity = {
  activityId: string;
  resourceId: string;
  description: string;
  cause: string;
  startTime: number;
  endTime: number;
  statusCode: "Successful" | "Failed" | "InProgress";
  statusMessage: string;
  seq: number;
};

/** An EventBridge Scheduler schedule group (the `default` group is implicit: never stored). */
export type ScheduleGroup = {
  arn: string;
  name: string;
  tags: { Key: string; Value: string }[];
  createdAt: number;
  modifiedAt: number;
  seq: number;
};

/** An EventBridge Scheduler schedule with an ECS RunTask target (the one target the sandbox runs). */
export type Schedule = {
  arn: string;
  name: string;
  groupName: string;
  description?: string;
  expression: string;
  timezone?: string;
  startDate?: number;
  endDate?: number;
  state: "ENABLED" | "DISABLED";
  flexibleTimeWindow: { Mode: "OFF" | "FLEXIBLE"; MaximumWindowInMinutes?: number };
  /** The Target member as given (Arn, RoleArn, EcsParameters, Input, RetryPolicy, …), answered back as is. */
  target: Record<string, unknown>;
  actionAfterCompletion: "NONE" | "DELETE";
  kmsKeyArn?: string;
  createdAt: number;
  modifiedAt: number;
  /** When the clock next looks at it (its next invocation, or a rescan of a far-off cron); undefined: never again. */
  wakeAt?: number;
  /** Whether `wakeAt` is an invocation (true) or only a rescan. */
  runsAtWake: boolean;
  /** What its invocations did (the sandbox's record; Scheduler reports these as CloudWatch metrics). */
  invocations: number;
  failedInvocations: number;
  lastFailure?: string;
  seq: number;
};

// CloudWatch (cloudwatch/; the simulation writes AWS/ECS and AWS/ApplicationELB metrics through
// core/metric-store.ts, and evaluates alarms every simulated minute: core/alarms.ts).

export type MetricDimension = { name: string; value: string };

/** One minute of a metric (its start, epoch ms): the statistic set of the values put in it. */
export type MetricPoint = { t: number; n: number; s: number; lo: number; hi: number };

/** A metric (namespace, name, dimensions) and its one-minute datapoints, oldest first, within the kept window. */
export type MetricSeries = {
  namespace: string;
  name: string;
  /** Sorted by name, as CloudWatch identifies a metric by the set. */
  dimensions: MetricDimension[];
  unit?: string;
  points: MetricPoint[];
  seq: number;
};

export type AlarmState = "OK" | "ALARM" | "INSUFFICIENT_DATA";

/** A metric alarm (PutMetricAlarm), in the API's terms. */
export type MetricAlarm = {
  name: string;
  arn: string;
  description?: string;
  actionsEnabled: boolean;
  okActions: string[];
  alarmActions: string[];
  insufficientDataActions: string[];
  namespace: string;
  metricName: string;
  dimensions: MetricDimension[];
  statistic?: "Average" | "Sum" | "Minimum" | "Maximum" | "SampleCount";
  unit?: string;
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  threshold: number;
  comparisonOperator: "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";
  treatMissingData?: "breaching" | "notBreaching" | "ignore" | "missing";
  state: AlarmState;
  stateReason: string;
  stateReasonData?: string;
  stateUpdatedAt: number;
  /** When the alarm last moved between states (StateTransitionedTimestamp). */
  stateTransitionedAt: number;
  configurationUpdatedAt: number;
  tags: Tag[];
  seq: number;
};

/**
 * A simulated request rate (control `setLoad`) in requests per second over simulated time, from
 * `since` (when it was set): constant, a linear ramp, a daily curve (UTC hours), or a spike.
 */
export type LoadShape =
  | { kind: "constant"; rps: number }
  | { kind: "ramp"; from: number; to: number; minutes: number }
  | { kind: "daily"; peak: number; trough: number; peakHour: number }
  | { kind: "spike"; base: number; height: number; atMinutes: number; minutes: number };

/** The load on a service (key `service/<cluster>/<service>`) or a target group (key: its ARN). */
export type Load = {
  key: string;
  shape: LoadShape;
  since: number;
  /** CPU time one request costs, in milliseconds of one vCPU. */
  cpuMsPerRequest: number;
  /** Memory one request in flight holds, MiB. */
  memoryMiBPerRequest: number;
  seq: number;
};

/** One region of one sandbox account. */
export type World = {
  region: string;
  account: string;
  now: number;
  seq: number;
  rng: number;
  // ECS. A map added here must also be listed in draft.ts's MAPS, or drafts would write into the base world.
  clusters: Record<string, Cluster>;
  taskDefinitions: Record<string, TaskDefinition[]>;
  services: Record<string, Service>;
  tasks: Record<string, Task>;
  instances: Record<string, ContainerInstance>;
  /** By name: the account's capacity providers (FARGATE and FARGATE_SPOT are built in, not here). */
  capacityProviders: Record<string, CapacityProvider>;
  /** EC2 Auto Scaling groups by name. */
  autoScalingGroups: Record<string, AutoScalingGroup>;
  serviceDeployments: Record<string, ServiceDeployment>;
  serviceRevisions: Record<string, ServiceRevision>;
  hookOutcomes: Record<string, HookOutcome>;
  faults: Faults;
  // EC2, by id. Worlds stored before EC2 existed lack these maps: state.ts's completeWorld adds them.
  vpcs: Record<string, Vpc>;
  subnets: Record<string, Subnet>;
  securityGroups: Record<string, SecurityGroup>;
  // ELBv2, by ARN.
  loadBalancers: Record<string, LoadBalancer>;
  targetGroups: Record<string, TargetGroup>;
  listeners: Record<string, Listener>;
  rules: Record<string, Rule>;
  // IAM, by lower-cased role name (IAM names are unique regardless of case).
  roles: Record<string, Role>;
  // CloudWatch Logs: groups by name, streams by `<group>:<stream>` (neither name may hold a colon).
  logGroups: Record<string, LogGroup>;
  logStreams: Record<string, LogStream>;
  // Cloud Map, by id.
  namespaces: Record<string, CloudMapNamespace>;
  discoveryServices: Record<string, CloudMapService>;
  discoveryOperations: Record<string, CloudMapOperation>;
  // Application Auto Scaling.
  scalableTargets: Record<string, ScalableTarget>;
  scalingPolicies: Record<string, ScalingPolicy>;
  scheduledActions: Record<string, ScheduledAction>;
  scalingActivities: Record<string, ScalingActivity>;
  // EventBridge Scheduler: groups by name, schedules by `<group>/<name>`.
  scheduleGroups: Record<string, ScheduleGroup>;
  schedules: Record<string, Schedule>;
  // CloudWatch: series by their key (core/metric-store.ts seriesKey), alarms by name, loads by key.
  metrics: Record<string, MetricSeries>;
  alarms: Record<string, MetricAlarm>;
  loads: Record<string, Load>;
  /** The last simulated minute (its end) whose metrics were recorded and alarms evaluated. */
  metricsThrough?: number;
};

export type Delays = {
  provisioning: number;
  pending: number;
  activating: number;
  deactivating: number;
  stopping: number;
  deprovisioning: number;
};

export type SandboxConfig = {
  delays: Delays;
  /** How long STOPPED tasks stay describable. */
  stoppedTaskRetention: number;
  /** Safety valve: the most events one advance processes (a crash-looping service never ends). */
  maxEventsPerAdvance: number;
};

export type Clock = { speed: number; realAnchor: number; simAnchor: number };

export type SandboxState = {
  version: 1;
  seed: number;
  clock: Clock;
  config: SandboxConfig;
  worlds: Record<string, World>;
};

export type Ctx = { now: number; config: SandboxConfig };
