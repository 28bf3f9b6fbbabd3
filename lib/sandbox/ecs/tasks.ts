import { z } from "zod";
import { lastSegment } from "./arns";
import { clientTokenConflict, invalidParameter, serviceNotFound } from "./errors";
import { PagingSchema, TagListSchema, checkBatch, paginate, parseInput, requestFingerprint } from "./input";
import { checkLaunchable, launchTasks, resolveLaunch } from "./launch";
import { stopTask } from "./lifecycle";
import { hasActiveInstances } from "./placement";
import { recordFailure } from "./scheduler";
import type { Ctx, Task, World } from "../core/types";
import { activeCluster, clusterTasks, findTask, peekService, peekTask, usableTaskDefinition } from "./lookups";
import { peek } from "../core/draft";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { VolumeConfigurationsSchema, checkVolumeConfigurations, ebsAttachment } from "./storage";

const str = z.string();
const PRE_RUNNING = ["PROVISIONING", "PENDING", "ACTIVATING"];

export function taskOut(world: World, t: Task, withTags = false) {
  const clusterArn = peek(world).clusters[t.clusterName].arn;
  const eni = t.networkMode === "awsvpc" ? `eni-${t.id.slice(0, 17)}` : undefined;
  const ebs = ebsAttachment(t);
  return compact({
    taskArn: t.arn, clusterArn, taskDefinitionArn: t.taskDefinitionArn, containerInstanceArn: t.containerInstanceArn,
    overrides: { containerOverrides: [], inferenceAcceleratorOverrides: [], ...(t.overrides ?? {}) },
    lastStatus: t.lastStatus, desiredStatus: t.desiredStatus, healthStatus: t.healthStatus,
    cpu: String(t.cpu), memory: String(t.memory), group: t.group, startedBy: t.startedBy, version: t.version,
    launchType: t.launchType, capacityProviderName: t.capacityProviderName, platformVersion: t.platformVersion,
    platformFamily: t.launchType === "FARGATE" ? "Linux" : undefined,
    availabilityZone: t.availabilityZone, stopCode: t.stopCode, stoppedReason: t.stoppedReason,
    connectivity: PRE_RUNNING.includes(t.lastStatus) && t.lastStatus !== "ACTIVATING" ? undefined : "CONNECTED",
    connectivityAt: epochSeconds(t.pullStartedAt), createdAt: epochSeconds(t.createdAt), pullStartedAt: epochSeconds(t.pullStartedAt),
    pullStoppedAt: epochSeconds(t.pullStoppedAt), startedAt: epochSeconds(t.startedAt), stoppingAt: epochSeconds(t.stoppingAt),
    executionStoppedAt: epochSeconds(t.executionStoppedAt), stoppedAt: epochSeconds(t.stoppedAt),
    enableExecuteCommand: t.enableExecuteCommand ?? false,
    attributes: [{ name: "ecs.cpu-architecture", value: "x86_64" }],
    attachments: [
      ...(eni ? [{
        id: eni, type: "ElasticNetworkInterface", status: t.lastStatus === "STOPPED" ? "DELETED" : "ATTACHED",
        details: [{ name: "networkInterfaceId", value: eni }, { name: "privateIPv4Address", value: t.privateIp ?? "" }],
      }] : []),
      ...(ebs ? [ebs] : []),
    ],
    containers: t.containers.map((c) => compact({
      containerArn: c.containerArn, taskArn: t.arn, name: c.name, image: c.image,
      runtimeId: t.lastStatus === "RUNNING" || c.lastStatus === "STOPPED" ? c.runtimeId : undefined,
      lastStatus: c.lastStatus, exitCode: c.exitCode, reason: c.reason, healthStatus: c.healthStatus,
      networkBindings: c.networkBindings.map((b) => ({ bindIP: "0.0.0.0", ...b })),
      networkInterfaces: eni ? [{ attachmentId: eni, privateIpv4Address: t.privateIp }] : [],
      cpu: String(c.cpu ?? 0), memory: c.memory !== undefined ? String(c.memory) : undefined,
      memoryReservation: c.memoryReservation !== undefined ? String(c.memoryReservation) : undefined,
      managedAgents: c.execAgent
        ? [compact({ name: "ExecuteCommandAgent", lastStatus: c.execAgent.lastStatus, lastStartedAt: epochSeconds(c.execAgent.lastStartedAt) })]
        : undefined,
    })),
    ephemeralStorage: t.launchType === "FARGATE" ? { sizeInGiB: t.ephemeralStorageGiB ?? 20 } : undefined,
    tags: withTags ? t.tags : undefined,
  });
}

const Constraint = z.object({ type: z.enum(["distinctInstance", "memberOf"]), expression: str.optional() });
const Strategy = z.object({ type: z.enum(["binpack", "random", "spread"]), field: str.optional() });
export const PlacementSchemas = { Constraint, Strategy };

const RunTaskSchema = z.object({
  cluster: str.optional(), taskDefinition: str.min(1), count: z.number().int().optional(),
  launchType: str.optional(),
  capacityProviderStrategy: z.array(z.object({ capacityProvider: str, weight: z.number().int().optional(), base: z.number().int().optional() })).optional(),
  networkConfiguration: z.looseObject({ awsvpcConfiguration: z.looseObject({ subnets: z.array(str) }) }).optional(),
  overrides: z.looseObject({}).optional(), placementConstraints: z.array(Constraint).max(10).optional(),
  placementStrategy: z.array(Strategy).max(5).optional(), startedBy: str.max(128).optional(), group: str.optional(),
  tags: TagListSchema.optional(), platformVersion: str.optional(), enableECSManagedTags: z.boolean().optional(),
  propagateTags: z.enum(["TASK_DEFINITION", "SERVICE", "NONE"]).optional(), clientToken: str.min(1).max(64).optional(),
  referenceId: str.optional(), enableExecuteCommand: z.boolean().optional(), volumeConfigurations: VolumeConfigurationsSchema.optional(),
});

/** How long ECS remembers a RunTask client token (ECS_Idempotency.html: 24 hours). */
const RUN_TASK_TOKEN_TTL_MS = 24 * 3_600_000;

/**
 * The tasks an earlier RunTask with this token started in the cluster, if ECS still remembers
 * it: within 24 hours, and (a sandbox limit) while one of its tasks is still describable.
 */
function earlierRun(world: World, clusterName: string, token: string, now: number): Task[] {
  return Object.values(peek(world).tasks)
    .filter((t) => t.clusterName === clusterName && t.clientToken === token && now - t.createdAt < RUN_TASK_TOKEN_TTL_MS)
    .sort((a, b) => a.seq - b.seq);
}

export function runTask(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(RunTaskSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  const print = requestFingerprint(input);
  if (input.clientToken) {
    // Idempotent per cluster: the same token and parameters answer with the original tasks, the
    // same token with other parameters is a ConflictException naming them.
    const earlier = earlierRun(world, cluster.name, input.clientToken, ctx.now);
    if (earlier.length > 0) {
      if (earlier[0].requestFingerprint !== print) throw clientTokenConflict(earlier.map((t) => t.arn));
      return { tasks: earlier.map((t) => taskOut(world, t, true)), failures: [] };
    }
  }
  const count = input.count ?? 1;
  if (count < 1 || count > 10) throw invalidParameter("The count parameter must be between 1 and 10.");
  const td = usableTaskDefinition(world, input.taskDefinition);
  const target = resolveLaunch(world, cluster, input.launchType, input.capacityProviderStrategy);
  checkLaunchable(td, target, input.networkConfiguration);
  if (input.volumeConfigurations?.length) checkVolumeConfigurations(input.volumeConfigurations, td, target.launchType === "FARGATE", "task");
  if (target.launchType === "FARGATE" && (input.placementConstraints?.length || input.placementStrategy?.length)) {
    throw invalidParameter("Task placement is not supported for the FARGATE launch type.");
  }
  // Capacity providers bring (or scale for) instances of their own.
  if (target.launchType === "EC2" && !target.strategy && !hasActiveInstances(world, cluster.name)) {
    throw invalidParameter("No Container Instances were found in your cluster.");
  }
  const tdConstraints = (td.body.placementConstraints as { type: string; expression?: string }[] | undefined) ?? [];
  const { tasks, failure } = launchTasks(world, ctx, {
    clusterName: cluster.name, td, target, group: input.group ?? `family:${td.family}`, startedBy: input.startedBy,
    overrides: input.overrides, tags: [...(input.tags ?? []), ...(input.propagateTags === "TASK_DEFINITION" ? td.tags : [])],
    constraints: [...(input.placementConstraints ?? []), ...tdConstraints],
    strategies: input.placementStrategy?.length ? input.placementStrategy : [{ type: "random" }],
    platformVersion: input.platformVersion, enableExecuteCommand: input.enableExecuteCommand, volumeConfigurations: input.volumeConfigurations,
  }, count);
  if (input.clientToken) for (const t of tasks) Object.assign(t, { clientToken: input.clientToken, requestFingerprint: print });
  const failures = failure
    ? Array.from({ length: count - tasks.length }, () => ({ arn: failure.arn, reason: failure.code === "SPOT_CAPACITY" || failure.code === "RESOURCE:INSTANCE_TYPE" ? failure.message : failure.code }))
    : [];
  return { tasks: tasks.map((t) => taskOut(world, t, true)), failures };
}

const StopSchema = z.object({ cluster: str.optional(), task: str.min(1), reason: str.max(255).optional() });

export function stopTaskOp(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(StopSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  const task = findTask(world, cluster.name, input.task);
  if (!task) throw invalidParameter("The referenced task was not found.");
  stopTask(world, ctx, task, { stopCode: "UserInitiated", reason: input.reason ?? "Task stopped by user" }, (t) => recordFailure(world, t));
  return { task: taskOut(world, task) };
}

const DescribeSchema = z.object({ cluster: str.optional(), tasks: z.array(str), include: z.array(z.enum(["TAGS"])).optional() });

export function describeTasks(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  if (input.tasks.length === 0) throw invalidParameter("Tasks cannot be empty.");
  checkBatch(input.tasks, 100, "tasks");
  const tasks = [];
  const failures = [];
  for (const ref of input.tasks) {
    const t = peekTask(world, cluster.name, ref);
    if (t) tasks.push(taskOut(world, t, input.include?.includes("TAGS")));
    else failures.push({ arn: ref, reason: "MISSING" });
  }
  return { tasks, failures };
}

const ListSchema = z.object({
  cluster: str.optional(), containerInstance: str.optional(), family: str.optional(), startedBy: str.optional(),
  serviceName: str.optional(), desiredStatus: z.enum(["RUNNING", "PENDING", "STOPPED"]).optional(),
  launchType: str.optional(), ...PagingSchema,
});

export function listTasks(world: World, raw: unknown) {
  const input = parseInput(ListSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  if (input.serviceName && !peekService(world, cluster.name, input.serviceName)) throw serviceNotFound();
  const desired = input.desiredStatus ?? "RUNNING";
  const instanceId = input.containerInstance && lastSegment(input.containerInstance);
  const arns = clusterTasks(world, cluster.name).filter((t) =>
    (desired === "PENDING" ? t.desiredStatus === "RUNNING" && PRE_RUNNING.includes(t.lastStatus) : t.desiredStatus === desired) &&
    (!input.family || t.family === input.family) &&
    (!input.startedBy || t.startedBy === input.startedBy) &&
    (!input.serviceName || t.group === `service:${lastSegment(input.serviceName)}`) &&
    (!instanceId || (t.containerInstanceArn !== undefined && lastSegment(t.containerInstanceArn) === instanceId)) &&
    (!input.launchType || t.launchType === input.launchType)).map((t) => t.arn);
  const { page, nextToken } = paginate(arns, input.nextToken, input.maxResults);
  return { taskArns: page, ...(nextToken ? { nextToken } : {}) };
}
