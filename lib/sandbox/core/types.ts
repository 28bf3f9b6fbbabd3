// The sandbox's state: plain, JSON-serialisable data (no classes, no Dates, no Maps), so a
// store can keep it as one blob and every operation can be a pure function of it.
// Times are epoch milliseconds of *simulated* time; answers turn them into the protocol's form.
// One world per region holds the resources of every service, because services see each
// other's (a load balancer registers ECS tasks); each service's entities are declared here.

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
  launchType: "EC2" | "FARGATE";
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
  tags: Tag[];
  version: number;
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
};

export type ServiceEvent = { id: string; createdAt: number; message: string };

export type DeploymentConfiguration = {
  minimumHealthyPercent: number;
  maximumPercent: number;
  deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
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

export type Faults = {
  /** Images whose pull fails (CannotPullContainerError). */
  pullFailures: string[];
  /** Images whose container health check fails. */
  unhealthyImages: string[];
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
  faults: Faults;
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
