import { z } from "zod";
import { clusterArn, lastSegment } from "./arns";
import { ecsError, invalidParameter } from "./errors";
import { PagingSchema, TagListSchema, checkBatch, paginate, parseInput } from "./input";
import type { Cluster, Ctx, World } from "../core/types";
import { activeCluster, clusterServices, clusterTasks } from "./lookups";
import { FARGATE_PROVIDERS, MAX_PER_CLUSTER, peekProvider, tooManyProviders } from "./capacity-providers";
import { peek } from "../core/draft";
import { clusterDefaultNamespace } from "./service-connect";
import { namespaceById } from "../core/cloud-map";

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const Setting = z.object({ name: z.literal("containerInsights"), value: z.enum(["enabled", "disabled", "enhanced"]) });
const StrategyItem = z.object({ capacityProvider: z.string(), weight: z.number().int().min(0).max(1000).optional(), base: z.number().int().min(0).max(100000).optional() });

export function clusterOut(world: World, c: Cluster, include: string[] = ["TAGS", "SETTINGS"]) {
  const tasks = clusterTasks(world, c.name);
  const instances = Object.values(world.instances).filter((i) => i.clusterName === c.name && i.status !== "INACTIVE");
  return {
    clusterArn: c.arn, clusterName: c.name, status: c.status,
    registeredContainerInstancesCount: c.status === "ACTIVE" ? instances.length : 0,
    runningTasksCount: tasks.filter((t) => t.lastStatus === "RUNNING").length,
    pendingTasksCount: tasks.filter((t) => ["PROVISIONING", "PENDING", "ACTIVATING"].includes(t.lastStatus)).length,
    activeServicesCount: clusterServices(world, c.name).filter((s) => s.status === "ACTIVE").length,
    statistics: [],
    capacityProviders: c.capacityProviders,
    defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy,
    ...(include.includes("SETTINGS") ? { settings: c.settings } : {}),
    ...(include.includes("TAGS") ? { tags: c.tags } : {}),
    ...(include.includes("CONFIGURATIONS") && c.configuration ? { configuration: c.configuration } : {}),
    ...(c.serviceConnectDefaults ? { serviceConnectDefaults: { namespace: namespaceById(world, c.serviceConnectDefaults.namespaceId)?.arn ?? "" } } : {}),
  };
}

function checkStrategy(providers: string[], strategy: { capacityProvider: string; base?: number }[]) {
  if (strategy.filter((s) => (s.base ?? 0) > 0).length > 1) {
    throw invalidParameter("Only one capacity provider in a capacity provider strategy can have a base defined.");
  }
  for (const s of strategy) {
    if (!providers.includes(s.capacityProvider)) {
      throw invalidParameter(`The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.`);
    }
  }
}
/** Providers a cluster may be given: FARGATE, FARGATE_SPOT, the account's Auto Scaling group ones and its own Managed Instances ones. */
function checkProviders(world: World, clusterName: string, providers: string[]) {
  if (providers.length > MAX_PER_CLUSTER) throw tooManyProviders();
  for (const p of providers) {
    const cp = FARGATE_PROVIDERS.includes(p) ? undefined : peekProvider(world, p);
    if (!FARGATE_PROVIDERS.includes(p) && (!cp || (cp.cluster !== undefined && cp.cluster !== clusterName))) {
      throw invalidParameter(`The specified capacity provider ${p} does not exist. Specify a valid name or ARN and try again.`);
    }
  }
}

const CreateSchema = z.object({
  clusterName: z.string().optional(),
  tags: TagListSchema.optional(),
  settings: z.array(Setting).optional(),
  configuration: z.looseObject({}).optional(),
  capacityProviders: z.array(z.string()).optional(),
  defaultCapacityProviderStrategy: z.array(StrategyItem).optional(),
  serviceConnectDefaults: z.object({ namespace: z.string() }).optional(),
});

export function createCluster(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(CreateSchema, raw);
  const name = input.clusterName ?? "default";
  if (!NAME.test(name)) {
    throw invalidParameter("Cluster name can have up to 255 characters, and can contain letters (uppercase and lowercase), numbers, underscores, and hyphens.");
  }
  const existing = world.clusters[name];
  // CreateCluster on an ACTIVE name answers with that cluster, as ECS does.
  if (existing && existing.status === "ACTIVE") return { cluster: clusterOut(world, existing) };
  const providers = input.capacityProviders ?? [];
  checkProviders(world, name, providers);
  checkStrategy(providers, input.defaultCapacityProviderStrategy ?? []);
  const cluster: Cluster = {
    arn: clusterArn(world, name), name, status: "ACTIVE", tags: input.tags ?? [],
    settings: input.settings ?? [{ name: "containerInsights", value: "disabled" }],
    configuration: input.configuration, capacityProviders: providers,
    defaultCapacityProviderStrategy: input.defaultCapacityProviderStrategy ?? [], createdAt: ctx.now,
  };
  const ns = input.serviceConnectDefaults ? clusterDefaultNamespace(world, ctx, input.serviceConnectDefaults.namespace) : undefined;
  if (ns) cluster.serviceConnectDefaults = { namespaceId: ns.id };
  world.clusters[name] = cluster;
  return { cluster: clusterOut(world, cluster) };
}

const DescribeSchema = z.object({
  clusters: z.array(z.string()).optional(),
  include: z.array(z.enum(["ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"])).optional(),
});

export function describeClusters(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  checkBatch(input.clusters, 100, "clusters");
  const names = input.clusters?.length ? input.clusters : ["default"];
  const clusters = [];
  const failures = [];
  for (const ref of names) {
    const c = world.clusters[lastSegment(ref)];
    if (c) clusters.push(clusterOut(world, c, input.include ?? []));
    else failures.push({ arn: ref.startsWith("arn:") ? ref : clusterArn(world, ref), reason: "MISSING" });
  }
  return { clusters, failures };
}

export function listClusters(world: World, raw: unknown) {
  const input = parseInput(z.object(PagingSchema), raw);
  const arns = Object.values(world.clusters).filter((c) => c.status === "ACTIVE")
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name)).map((c) => c.arn);
  const { page, nextToken } = paginate(arns, input.nextToken, input.maxResults);
  return { clusterArns: page, ...(nextToken ? { nextToken } : {}) };
}

export function deleteCluster(world: World, raw: unknown) {
  const input = parseInput(z.object({ cluster: z.string().min(1) }), raw);
  const cluster = activeCluster(world, input.cluster);
  if (Object.values(world.instances).some((i) => i.clusterName === cluster.name && i.status !== "INACTIVE")) {
    throw ecsError("ClusterContainsContainerInstancesException", "The Cluster cannot be deleted while Container Instances are active or draining.");
  }
  if (clusterServices(world, cluster.name).some((s) => s.status !== "INACTIVE")) {
    throw ecsError("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
  }
  if (clusterTasks(world, cluster.name).some((t) => t.lastStatus !== "STOPPED")) {
    throw ecsError("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
  }
  if (Object.values(peek(world).capacityProviders).some((cp) => cp.status === "ACTIVE" && cp.cluster === cluster.name)) {
    throw ecsError("ClientException", "The Cluster cannot be deleted while Cluster Scoped Capacity Providers are attached to the cluster.");
  }
  cluster.status = "INACTIVE";
  return { cluster: clusterOut(world, cluster) };
}

const UpdateSchema = z.object({
  cluster: z.string().min(1),
  settings: z.array(Setting).optional(),
  configuration: z.looseObject({}).optional(),
  serviceConnectDefaults: z.object({ namespace: z.string() }).optional(),
});

export function updateCluster(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(UpdateSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  if (input.settings) {
    for (const s of input.settings) {
      cluster.settings = [...cluster.settings.filter((x) => x.name !== s.name), s];
    }
  }
  if (input.configuration) cluster.configuration = input.configuration;
  if (input.serviceConnectDefaults) {
    const ns = clusterDefaultNamespace(world, ctx, input.serviceConnectDefaults.namespace);
    if (ns) cluster.serviceConnectDefaults = { namespaceId: ns.id };
    else delete cluster.serviceConnectDefaults;
  }
  return { cluster: clusterOut(world, cluster) };
}

const PutProvidersSchema = z.object({
  cluster: z.string().min(1),
  capacityProviders: z.array(z.string()),
  defaultCapacityProviderStrategy: z.array(StrategyItem),
});

export function putClusterCapacityProviders(world: World, raw: unknown) {
  const input = parseInput(PutProvidersSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  const names = input.capacityProviders.map(lastSegment);
  checkProviders(world, cluster.name, names);
  // The cluster's own Managed Instances providers stay: PutClusterCapacityProviders does not manage them.
  const scoped = cluster.capacityProviders.filter((p) => peekProvider(world, p)?.cluster === cluster.name && !names.includes(p));
  const providers = [...names, ...scoped];
  if (providers.length > MAX_PER_CLUSTER) throw tooManyProviders();
  checkStrategy(providers, input.defaultCapacityProviderStrategy);
  const removed = cluster.capacityProviders.filter((p) => !providers.includes(p));
  const inUse = Object.values(world.services).some((s) => s.clusterName === cluster.name && s.status === "ACTIVE" &&
    s.capacityProviderStrategy.some((i) => removed.includes(i.capacityProvider)));
  if (inUse) {
    throw ecsError("ResourceInUseException", "The specified capacity provider is in use and cannot be removed.");
  }
  if (Object.values(peek(world).tasks).some((t) => t.clusterName === cluster.name && t.lastStatus !== "STOPPED" && removed.includes(t.capacityProviderName ?? ""))) {
    throw ecsError("ResourceInUseException", "The specified capacity provider is in use and cannot be removed.");
  }
  cluster.capacityProviders = providers;
  cluster.defaultCapacityProviderStrategy = input.defaultCapacityProviderStrategy;
  return { cluster: clusterOut(world, cluster) };
}
