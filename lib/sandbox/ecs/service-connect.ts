import { z } from "zod";
import { createNamespace, ensureEcsService, namespaceById, namespaceByRef, putInstance, removeInstance } from "../core/cloud-map";
import { peek } from "../core/draft";
import { own } from "../core/maps";
import type { Cluster, CloudMapNamespace, Ctx, Service, Task, TaskDefinition, World } from "../core/types";
import { ecsError, invalidParameter } from "./errors";
import { peekServiceTasks } from "./scheduler";

// Service Connect (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html):
// a service joins a Cloud Map namespace (its own `namespace`, or its cluster's
// serviceConnectDefaults one) as a client, and offers each `services[]` entry (a named port
// mapping of its task definition) as a Cloud Map service named `discoveryName` (default: the
// portName), whose instances are the service's RUNNING tasks. Clients in the namespace reach it
// at its client aliases (`dnsName:port`; dnsName defaults to `discoveryName.namespace`).

export type ServiceConnectEntry = {
  portName: string;
  discoveryName?: string;
  clientAliases?: { port: number; dnsName?: string }[];
};
export type ServiceConnectConfig = { enabled: boolean; namespace?: string; services?: ServiceConnectEntry[] };

/** serviceConnectConfiguration as Create/UpdateService take it (the members the sandbox acts on checked, the rest kept). */
export const ServiceConnectSchema = z.looseObject({
  enabled: z.boolean(),
  namespace: z.string().optional(),
  services: z.array(z.looseObject({
    portName: z.string().min(1),
    discoveryName: z.string().max(64).regex(/^[a-z0-9_][a-z0-9_-]*$/, "Member must satisfy regular expression pattern: ^[a-z0-9_][a-z0-9_-]*$").optional(),
    clientAliases: z.array(z.looseObject({ port: z.number().int().min(1).max(65535), dnsName: z.string().max(127).optional() })).max(1).optional(),
  })).optional(),
});

/** ECS's answer to a namespace it cannot find (NamespaceNotFoundException: "Failed to retrieve namespace for <name>"). */
const namespaceNotFound = (ref: string) => ecsError("NamespaceNotFoundException", `Failed to retrieve namespace for ${ref}`);

/**
 * The namespace a cluster's serviceConnectDefaults names: an existing one by name or ARN, or (a
 * name not in use) a new HTTP namespace, as ECS creates one. "" removes the defaults (undefined).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterServiceConnectDefaultsRequest.html
 */
export function clusterDefaultNamespace(world: World, ctx: Ctx, ref: string): CloudMapNamespace | undefined {
  if (ref === "") return undefined;
  if (ref.length > 1024 || (/[<>"/]/.test(ref) && !ref.startsWith("arn:"))) {
    throw invalidParameter("The namespace name can include up to 1024 characters and can't include greater than (>), less than (<), double quotation marks (\"), or slash (/).");
  }
  const found = namespaceByRef(world, ref);
  if (found) return found;
  if (ref.startsWith("arn:")) throw namespaceNotFound(ref);
  return createNamespace(world, ctx, { name: ref, type: "HTTP", tags: [] }).namespace;
}

const portMappingsOf = (td: TaskDefinition) => ((td.body.containerDefinitions ?? []) as { portMappings?: { name?: string; containerPort?: number }[] }[])
  .flatMap((c) => c.portMappings ?? []);

/**
 * Checks an enabled configuration as Create/UpdateService do and makes its Cloud Map services:
 * the namespace (the service's, else the cluster's default) must exist, each portName must name a
 * port mapping of the task definition. Writes the namespace and resources onto the service.
 */
export function applyServiceConnect(world: World, ctx: Ctx, svc: Service, cluster: Cluster, td: TaskDefinition, config: ServiceConnectConfig | undefined) {
  const before = svc.serviceConnectResources ?? [];
  if (!config?.enabled) {
    releaseResources(world, svc, before, []);
    svc.serviceConnectNamespaceId = undefined;
    svc.serviceConnectResources = undefined;
    return;
  }
  const ref = config.namespace ?? (cluster.serviceConnectDefaults ? namespaceById(world, cluster.serviceConnectDefaults.namespaceId)?.arn : undefined);
  if (!ref) throw invalidParameter("Service Connect requires a namespace: specify serviceConnectConfiguration.namespace, or set the cluster's serviceConnectDefaults.");
  const namespace = namespaceByRef(world, ref);
  if (!namespace) throw namespaceNotFound(ref);
  const names = portMappingsOf(td).map((p) => p.name).filter((n): n is string => !!n);
  for (const entry of config.services ?? []) {
    if (!names.includes(entry.portName)) {
      throw invalidParameter(`The portName ${entry.portName} of the Service Connect configuration does not match any portMappings name in task definition ${td.family}:${td.revision}.`);
    }
  }
  svc.serviceConnectNamespaceId = namespace.id;
  svc.serviceConnectResources = (config.services ?? []).map((entry) => {
    const discoveryName = entry.discoveryName ?? entry.portName;
    const cm = ensureEcsService(world, ctx, namespace.id, discoveryName, svc.arn);
    return { discoveryName, discoveryArn: cm.arn, serviceId: cm.id };
  });
  releaseResources(world, svc, before, svc.serviceConnectResources);
}

/** Deregisters the service's tasks from the Cloud Map services it no longer offers (Service Connect turned off, or an entry dropped). */
function releaseResources(world: World, svc: Service, before: NonNullable<Service["serviceConnectResources"]>, after: NonNullable<Service["serviceConnectResources"]>) {
  for (const r of before) {
    if (after.some((a) => a.serviceId === r.serviceId)) continue;
    const cm = own(peek(world).discoveryServices, r.serviceId);
    if (cm?.createdByEcs !== svc.arn) continue;
    for (const id of Object.keys(cm.instances)) removeInstance(world, cm.id, id);
  }
}

/** The Cloud Map attributes ECS registers a task with (its address, the port, where it runs). */
function attributesOf(world: World, svc: Service, task: Task, port: number | undefined): Record<string, string> {
  return {
    AWS_INSTANCE_IPV4: task.privateIp ?? "", ...(port !== undefined ? { AWS_INSTANCE_PORT: String(port) } : {}),
    AVAILABILITY_ZONE: task.availabilityZone, REGION: world.region,
    ECS_CLUSTER_NAME: task.clusterName, ECS_SERVICE_NAME: svc.name, ECS_TASK_DEFINITION_FAMILY: task.family,
  };
}

/**
 * Keeps each Service Connect service's Cloud Map instances to its RUNNING tasks (registered once
 * RUNNING, deregistered as they stop), with their health (UNHEALTHY when ECS says so). Called
 * after every scheduler pass; writes only what changed.
 */
export function syncServiceConnect(world: World, ctx: Ctx) {
  for (const svc of Object.values(peek(world).services)) {
    if (!svc.serviceConnectResources?.length) continue;
    const running = svc.status === "INACTIVE" ? [] : peekServiceTasks(world, svc).filter((t) => t.lastStatus === "RUNNING" && t.desiredStatus === "RUNNING");
    for (const r of svc.serviceConnectResources) {
      const cm = own(peek(world).discoveryServices, r.serviceId);
      if (!cm) continue;
      const entry = ((svc.serviceConnectConfiguration as ServiceConnectConfig | undefined)?.services ?? []).find((e) => (e.discoveryName ?? e.portName) === r.discoveryName);
      const keep = new Set<string>();
      for (const t of running) {
        const td = tdOf(world, t.taskDefinitionArn);
        const port = entry && td ? portMappingsOf(td).find((p) => p.name === entry.portName)?.containerPort : undefined;
        keep.add(t.id);
        putInstance(world, ctx, cm.id, { id: t.id, attributes: attributesOf(world, svc, t, port), health: t.healthStatus === "UNHEALTHY" ? "UNHEALTHY" : "HEALTHY" });
      }
      for (const id of Object.keys(cm.instances)) if (!keep.has(id) && cm.createdByEcs === svc.arn) removeInstance(world, cm.id, id);
    }
  }
}

function tdOf(world: World, arn: string): TaskDefinition | undefined {
  const family = arn.slice(arn.lastIndexOf("/") + 1).split(":")[0];
  return (own(peek(world).taskDefinitions, family) ?? []).find((t) => t.arn === arn);
}

/** One client alias as a client sees it, and the endpoints (healthy instances) behind it. */
export type ResolvedAlias = { alias: string; dnsName: string; port: number; service: string; discoveryName: string; endpoints: { ip: string; port: number }[] };

/** The client aliases of every Service Connect service of a namespace, with their healthy endpoints. */
export function aliasesInNamespace(world: World, namespaceId: string): ResolvedAlias[] {
  const ns = namespaceById(world, namespaceId);
  if (!ns) return [];
  const out: ResolvedAlias[] = [];
  for (const svc of Object.values(peek(world).services)) {
    if (svc.status !== "ACTIVE" || svc.serviceConnectNamespaceId !== namespaceId) continue;
    for (const entry of (svc.serviceConnectConfiguration as ServiceConnectConfig | undefined)?.services ?? []) {
      const discoveryName = entry.discoveryName ?? entry.portName;
      const resource = svc.serviceConnectResources?.find((r) => r.discoveryName === discoveryName);
      const cm = resource ? own(peek(world).discoveryServices, resource.serviceId) : undefined;
      const endpoints = Object.values(cm?.instances ?? {}).filter((i) => i.health === "HEALTHY")
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map((i) => ({ ip: i.attributes.AWS_INSTANCE_IPV4, port: Number(i.attributes.AWS_INSTANCE_PORT) }));
      for (const a of entry.clientAliases ?? []) {
        const dnsName = a.dnsName ?? `${discoveryName}.${ns.name}`;
        out.push({ alias: `${dnsName}:${a.port}`, dnsName, port: a.port, service: svc.name, discoveryName, endpoints });
      }
    }
  }
  return out;
}

/**
 * What a task's Service Connect proxy resolves: for a task of a service in namespace N, each
 * client alias of N's services and its healthy endpoints. A task of a service that is not a
 * Service Connect client (or no task) resolves nothing.
 */
export function resolveForTask(world: World, taskArn: string): ResolvedAlias[] {
  const task = own(peek(world).tasks, taskArn);
  const svc = task?.serviceArn ? own(peek(world).services, task.serviceArn) : undefined;
  if (!svc?.serviceConnectNamespaceId) return [];
  return aliasesInNamespace(world, svc.serviceConnectNamespaceId);
}

/** The endpoints `name:port` reaches from a task (an alias's dnsName, or its default discoveryName.namespace). */
export function resolveAlias(world: World, taskArn: string, alias: string) {
  return resolveForTask(world, taskArn).find((a) => a.alias === alias)?.endpoints ?? [];
}
