import { z } from "zod";
import { randomHex } from "../core/ids";
import { containerInstanceArn, lastSegment } from "./arns";
import { invalidParameter } from "./errors";
import { PagingSchema, TagListSchema, checkBatch, paginate, parseInput } from "./input";
import { stopTask } from "./lifecycle";
import { instanceUsage, liveTasksOn } from "./placement";
import { parseQuery } from "./query";
import type { ContainerInstance, Ctx, KeyValue, Tag, World } from "../core/types";
import { activeCluster } from "./lookups";
import { compact, epochSeconds } from "../protocols/json-1-1";

const str = z.string();

/**
 * Instance types: the cpu units and memory (MiB) ECS registers for them, and their vCPUs and
 * memory as EC2 lists them (what a Managed Instances provider's instanceRequirements select by).
 */
export const INSTANCE_TYPES: Record<string, { cpu: number; memory: number; vcpus: number; memoryMiB: number; burstable?: boolean }> = {
  "t3.micro": { cpu: 2048, memory: 982, vcpus: 2, memoryMiB: 1024, burstable: true },
  "t3.small": { cpu: 2048, memory: 1955, vcpus: 2, memoryMiB: 2048, burstable: true },
  "t3.medium": { cpu: 2048, memory: 3910, vcpus: 2, memoryMiB: 4096, burstable: true },
  "t3.large": { cpu: 2048, memory: 7936, vcpus: 2, memoryMiB: 8192, burstable: true },
  "m5.large": { cpu: 2048, memory: 7680, vcpus: 2, memoryMiB: 8192 },
  "m5.xlarge": { cpu: 4096, memory: 15576, vcpus: 4, memoryMiB: 16384 },
  "c5.large": { cpu: 2048, memory: 3759, vcpus: 2, memoryMiB: 4096 },
  "c5.xlarge": { cpu: 4096, memory: 7624, vcpus: 4, memoryMiB: 8192 },
};

export type NewInstance = {
  clusterName: string; cpu: number; memory: number; instanceType: string; availabilityZone: string;
  ec2InstanceId?: string; attributes?: KeyValue[]; tags?: Tag[]; capacityProviderName?: string;
};

export function addInstance(world: World, ctx: Ctx, p: NewInstance): ContainerInstance {
  const id = randomHex(world, 32);
  const builtIn: KeyValue[] = [
    { name: "ecs.instance-type", value: p.instanceType }, { name: "ecs.availability-zone", value: p.availabilityZone },
    { name: "ecs.os-type", value: "linux" }, { name: "ecs.cpu-architecture", value: "x86_64" },
    { name: "ecs.ami-id", value: "ami-0sandbox0000000" },
  ];
  const custom = (p.attributes ?? []).filter((a) => !builtIn.some((b) => b.name === a.name));
  const instance: ContainerInstance = {
    arn: containerInstanceArn(world, p.clusterName, id), id, clusterName: p.clusterName,
    ec2InstanceId: p.ec2InstanceId ?? `i-${randomHex(world, 17)}`, instanceType: p.instanceType, availabilityZone: p.availabilityZone,
    status: "ACTIVE", agentConnected: true, cpu: p.cpu, memory: p.memory, attributes: [...builtIn, ...custom],
    registeredAt: ctx.now, tags: p.tags ?? [], version: 1,
    ...(p.capacityProviderName ? { capacityProviderName: p.capacityProviderName, idleSince: ctx.now } : {}),
  };
  world.instances[instance.arn] = instance;
  return instance;
}

const resources = (cpu: number, memory: number, ports: number[]) => [
  { name: "CPU", type: "INTEGER", doubleValue: 0, longValue: 0, integerValue: cpu },
  { name: "MEMORY", type: "INTEGER", doubleValue: 0, longValue: 0, integerValue: memory },
  { name: "PORTS", type: "STRINGSET", doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ports.map(String) },
  { name: "PORTS_UDP", type: "STRINGSET", doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
];

export function instanceOut(world: World, i: ContainerInstance, withTags = true) {
  const usage = instanceUsage(world, i);
  return compact({
    containerInstanceArn: i.arn, ec2InstanceId: i.ec2InstanceId, version: i.version,
    versionInfo: { agentVersion: "1.87.0", agentHash: "sandbox", dockerVersion: "DockerVersion: 25.0.8" },
    remainingResources: resources(i.cpu - usage.cpu, i.memory - usage.memory, usage.ports),
    registeredResources: resources(i.cpu, i.memory, [22, 2375, 2376, 51678, 51679]),
    status: i.status, agentConnected: i.agentConnected,
    runningTasksCount: usage.tasks.filter((t) => t.lastStatus === "RUNNING").length,
    pendingTasksCount: usage.tasks.filter((t) => ["PROVISIONING", "PENDING", "ACTIVATING"].includes(t.lastStatus)).length,
    attributes: i.attributes, registeredAt: epochSeconds(i.registeredAt), attachments: [],
    tags: withTags ? i.tags : undefined, capacityProviderName: i.capacityProviderName,
  });
}

const ResourceSchema = z.looseObject({ name: str, type: str.optional(), integerValue: z.number().int().optional(), stringSetValue: z.array(str).optional() });
const RegisterSchema = z.looseObject({
  cluster: str.optional(), instanceIdentityDocument: str.optional(), instanceIdentityDocumentSignature: str.optional(),
  totalResources: z.array(ResourceSchema).optional(), versionInfo: z.looseObject({}).optional(), containerInstanceArn: str.optional(),
  attributes: z.array(z.object({ name: str, value: str.optional() }).loose()).optional(), platformDevices: z.array(z.looseObject({})).optional(),
  tags: TagListSchema.optional(),
});

export function registerContainerInstance(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(RegisterSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  let doc: Record<string, string> = {};
  if (input.instanceIdentityDocument) {
    try { doc = JSON.parse(input.instanceIdentityDocument); } catch { throw invalidParameter("The instance identity document is not valid JSON."); }
  }
  const instanceType = doc.instanceType ?? "m5.large";
  const known = INSTANCE_TYPES[instanceType] ?? INSTANCE_TYPES["m5.large"];
  const total = (name: string) => input.totalResources?.find((r) => r.name === name)?.integerValue;
  const instance = addInstance(world, ctx, {
    clusterName: cluster.name, cpu: total("CPU") ?? known.cpu, memory: total("MEMORY") ?? known.memory, instanceType,
    availabilityZone: doc.availabilityZone ?? `${world.region}a`, ec2InstanceId: doc.instanceId,
    attributes: input.attributes?.map((a) => ({ name: a.name, value: a.value })), tags: input.tags,
  });
  return { containerInstance: instanceOut(world, instance) };
}

function findInstance(world: World, clusterName: string, ref: string) {
  const id = lastSegment(ref);
  return Object.values(world.instances).find((i) => i.clusterName === clusterName && i.id === id);
}

const DeregisterSchema = z.object({ cluster: str.optional(), containerInstance: str.min(1), force: z.boolean().optional() });

export function deregisterContainerInstance(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(DeregisterSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  const instance = findInstance(world, cluster.name, input.containerInstance);
  if (!instance || instance.status === "INACTIVE") throw invalidParameter("The referenced container instance was not found.");
  const tasks = liveTasksOn(world, instance);
  if (tasks.length && !input.force) {
    throw invalidParameter("Found running tasks on the instance. Stop them or use force to deregister the container instance.");
  }
  loseInstance(world, ctx, instance, `Container instance ${instance.id} was deregistered.`);
  return { containerInstance: instanceOut(world, instance) };
}

/** The instance leaves the cluster; its tasks stop, and services replace theirs elsewhere. */
export function loseInstance(world: World, ctx: Ctx, instance: ContainerInstance, reason: string) {
  instance.status = "INACTIVE";
  instance.agentConnected = false;
  instance.version++;
  // liveTasksOn is read-only: stop the world's own copy of each task.
  for (const seen of liveTasksOn(world, instance)) {
    const t = world.tasks[seen.arn];
    stopTask(world, ctx, t, { stopCode: "TerminationNotice", reason, exitCode: 137 });
  }
}

const DescribeSchema = z.object({ cluster: str.optional(), containerInstances: z.array(str), include: z.array(z.enum(["TAGS", "CONTAINER_INSTANCE_HEALTH"])).optional() });

export function describeContainerInstances(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  if (input.containerInstances.length === 0) throw invalidParameter("Container instances cannot be empty.");
  checkBatch(input.containerInstances, 100, "containerInstances");
  const containerInstances = [];
  const failures = [];
  for (const ref of input.containerInstances) {
    const i = findInstance(world, cluster.name, ref);
    if (i) containerInstances.push(instanceOut(world, i, input.include?.includes("TAGS")));
    else failures.push({ arn: ref, reason: "MISSING" });
  }
  return { containerInstances, failures };
}

const ListSchema = z.object({ cluster: str.optional(), filter: str.optional(), status: z.enum(["ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED"]).optional(), ...PagingSchema });

export function listContainerInstances(world: World, raw: unknown) {
  const input = parseInput(ListSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  const predicate = input.filter ? parseQuery(input.filter) : () => true;
  const arns = Object.values(world.instances)
    .filter((i) => i.clusterName === cluster.name && i.status !== "INACTIVE" && (!input.status || i.status === input.status) && predicate(i))
    .sort((a, b) => a.registeredAt - b.registeredAt || a.arn.localeCompare(b.arn)).map((i) => i.arn);
  const { page, nextToken } = paginate(arns, input.nextToken, input.maxResults);
  return { containerInstanceArns: page, ...(nextToken ? { nextToken } : {}) };
}

const UpdateStateSchema = z.object({ cluster: str.optional(), containerInstances: z.array(str), status: z.enum(["ACTIVE", "DRAINING"]) });

export function updateContainerInstancesState(world: World, raw: unknown) {
  const input = parseInput(UpdateStateSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  checkBatch(input.containerInstances, 10, "containerInstances");
  const containerInstances = [];
  const failures = [];
  for (const ref of input.containerInstances) {
    const i = findInstance(world, cluster.name, ref);
    if (!i || i.status === "INACTIVE") { failures.push({ arn: ref, reason: "MISSING" }); continue; }
    if (i.status !== input.status) { i.status = input.status; i.version++; }
    containerInstances.push(instanceOut(world, i));
  }
  return { containerInstances, failures };
}
