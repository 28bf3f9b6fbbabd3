import type { Deployment, Service, ServiceEvent, Task } from "@aws-sdk/client-ecs";

// What the monitor keeps of ECS's answers: plain JSON (ISO dates), small enough to hand to every
// viewer and to store as a snapshot row, and independent of the SDK's classes.

export type MonitorContainer = {
  name: string;
  image?: string;
  lastStatus?: string;
  exitCode?: number;
  reason?: string;
  healthStatus?: string;
};

export type MonitorTask = {
  taskArn: string;
  taskId: string;
  serviceName?: string;
  taskDefinitionArn?: string;
  lastStatus: string;
  desiredStatus: string;
  healthStatus?: string;
  version?: number;
  createdAt?: string;
  startedAt?: string;
  stoppingAt?: string;
  stoppedAt?: string;
  availabilityZone?: string;
  launchType?: string;
  /** The capacity provider it runs on (FARGATE, FARGATE_SPOT or an Auto Scaling group's), when placed by a strategy. */
  capacityProviderName?: string;
  /** The EC2 container instance it was placed on (none on Fargate). */
  containerInstanceArn?: string;
  stopCode?: string;
  stoppedReason?: string;
  containers: MonitorContainer[];
};

export type MonitorDeployment = {
  id: string;
  status: string;
  taskDefinition?: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  rolloutState?: string;
  rolloutStateReason?: string;
  createdAt?: string;
  updatedAt?: string;
};

export type MonitorEvent = { id: string; createdAt: string; message: string };

export type MonitorService = {
  serviceName: string;
  serviceArn: string;
  status: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  taskDefinition?: string;
  /** The rolling deployment's bounds, in percent of the desired count. */
  deploymentBounds?: { minimumHealthyPercent?: number; maximumPercent?: number };
  circuitBreaker?: { enable: boolean; rollback: boolean };
  deployments: MonitorDeployment[];
  /** Newest first, as ECS lists them (at most the 100 ECS keeps). */
  events: MonitorEvent[];
  /** Service Connect as the PRIMARY deployment runs it (DescribeServices deployments[].serviceConnectConfiguration). */
  serviceConnect?: MonitorServiceConnect;
};

/** A Service Connect service's namespace (as configured, name or ARN; absent: the cluster's default) and the client aliases it serves. */
export type MonitorServiceConnect = { namespace?: string; aliases: { alias: string; discoveryName: string }[] };

/**
 * The client aliases a Service Connect configuration serves, as clients call them (`dnsName:port`;
 * without a dnsName ECS uses `discoveryName.namespace`, and the discoveryName defaults to the portName).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html
 */
export function serviceConnectOf(sc: { enabled?: boolean; namespace?: string; services?: { portName?: string; discoveryName?: string; clientAliases?: { port?: number; dnsName?: string }[] }[] } | undefined): MonitorServiceConnect | undefined {
  if (!sc?.enabled) return undefined;
  const named = sc.namespace && !sc.namespace.startsWith("arn:") ? sc.namespace : undefined;
  const aliases = (sc.services ?? []).flatMap((e) => {
    const discoveryName = e.discoveryName ?? e.portName ?? "";
    return (e.clientAliases ?? []).map((a) => ({ alias: `${a.dnsName ?? (named ? `${discoveryName}.${named}` : discoveryName)}:${a.port}`, discoveryName }));
  });
  return compact({ namespace: sc.namespace, aliases });
}

/** One refresh of one cluster. */
export type ClusterSnapshot = {
  cluster: string;
  takenAt: string;
  services: MonitorService[];
  /** RUNNING and (for about an hour) STOPPED tasks. */
  tasks: MonitorTask[];
};

const iso = (d: Date | string | number | undefined) => (d === undefined || d === null ? undefined : new Date(d).toISOString());

export function taskIdOf(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

/** The service a task belongs to, from its `group` ("service:<name>"). */
export function serviceOfGroup(group: string | undefined): string | undefined {
  return group?.startsWith("service:") ? group.slice("service:".length) : undefined;
}

function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export function toMonitorTask(t: Task): MonitorTask {
  const arn = t.taskArn ?? "";
  return compact({
    taskArn: arn, taskId: taskIdOf(arn), serviceName: serviceOfGroup(t.group), taskDefinitionArn: t.taskDefinitionArn,
    lastStatus: t.lastStatus ?? "UNKNOWN", desiredStatus: t.desiredStatus ?? "UNKNOWN", healthStatus: t.healthStatus,
    version: t.version, createdAt: iso(t.createdAt), startedAt: iso(t.startedAt), stoppingAt: iso(t.stoppingAt),
    stoppedAt: iso(t.stoppedAt), availabilityZone: t.availabilityZone, launchType: t.launchType,
    capacityProviderName: t.capacityProviderName, containerInstanceArn: t.containerInstanceArn, stopCode: t.stopCode,
    stoppedReason: t.stoppedReason,
    containers: (t.containers ?? []).map((c) => compact({
      name: c.name ?? "", image: c.image, lastStatus: c.lastStatus, exitCode: c.exitCode, reason: c.reason, healthStatus: c.healthStatus,
    })),
  });
}

function toDeployment(d: Deployment): MonitorDeployment {
  return compact({
    id: d.id ?? "", status: d.status ?? "UNKNOWN", taskDefinition: d.taskDefinition, desiredCount: d.desiredCount ?? 0,
    runningCount: d.runningCount ?? 0, pendingCount: d.pendingCount ?? 0, failedTasks: d.failedTasks ?? 0,
    rolloutState: d.rolloutState, rolloutStateReason: d.rolloutStateReason, createdAt: iso(d.createdAt), updatedAt: iso(d.updatedAt),
  });
}

const toEvent = (e: ServiceEvent): MonitorEvent => ({ id: e.id ?? "", createdAt: iso(e.createdAt) ?? "", message: e.message ?? "" });

export function toMonitorService(s: Service): MonitorService {
  const dc = s.deploymentConfiguration;
  const cb = dc?.deploymentCircuitBreaker;
  const hasBounds = dc?.minimumHealthyPercent !== undefined || dc?.maximumPercent !== undefined;
  return compact({
    serviceName: s.serviceName ?? "", serviceArn: s.serviceArn ?? "", status: s.status ?? "UNKNOWN",
    desiredCount: s.desiredCount ?? 0, runningCount: s.runningCount ?? 0, pendingCount: s.pendingCount ?? 0,
    taskDefinition: s.taskDefinition,
    deploymentBounds: hasBounds ? compact({ minimumHealthyPercent: dc?.minimumHealthyPercent, maximumPercent: dc?.maximumPercent }) : undefined,
    circuitBreaker: cb ? { enable: Boolean(cb.enable), rollback: Boolean(cb.rollback) } : undefined,
    deployments: (s.deployments ?? []).map(toDeployment), events: (s.events ?? []).map(toEvent),
    serviceConnect: serviceConnectOf((s.deployments ?? []).find((d) => d.status === "PRIMARY")?.serviceConnectConfiguration),
  });
}
