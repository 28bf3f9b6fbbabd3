import { peek } from "../core/draft";
import { addLogGroup, addLogStream, appendLogEvents, driverBatches, findLogGroup, findLogStream, streamKey } from "../core/log-store";
import type { ContainerState, Ctx, Task, World } from "../core/types";

// What the simulated containers print, as ECS's awslogs driver ships it to CloudWatch Logs
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html): into the
// group `awslogs-group`, stream `<awslogs-stream-prefix>/<container>/<task-id>` (without a
// prefix, the container's runtime id), created when the container starts. The group must exist
// unless `awslogs-create-group` is "true"; otherwise the task fails to start with the
// ResourceInitializationError ECS gives. What a container prints tells the same story as its
// task's stop: a start-up line, a stack trace before a crash (exit 1), nothing after an OOM kill
// (exit 137), a shutdown line on SIGTERM. Groups of another Region than the task's
// (awslogs-region) are not written: each Region is its own world.

type Json = Record<string, unknown>;

/** A container's awslogs settings, or undefined when its log driver is another (or none). */
export type AwsLogsTarget = { group: string; stream: string; createGroup: boolean; region?: string };

function containerDefinitions(world: World, task: Task): Json[] {
  const family = peek(world).taskDefinitions[task.family];
  const td = family?.find((d) => d.arn === task.taskDefinitionArn);
  return (td?.body.containerDefinitions as Json[] | undefined) ?? [];
}

/** Where a container's awslogs driver writes, as its task definition configures it. */
export function awsLogsTarget(world: World, task: Task, container: ContainerState): AwsLogsTarget | undefined {
  const def = containerDefinitions(world, task).find((c) => c.name === container.name);
  const log = def?.logConfiguration as Json | undefined;
  if (log?.logDriver !== "awslogs") return undefined;
  const options = (log.options as Record<string, string> | undefined) ?? {};
  const group = options["awslogs-group"];
  if (!group) return undefined;
  const prefix = options["awslogs-stream-prefix"];
  return {
    group, createGroup: options["awslogs-create-group"] === "true", region: options["awslogs-region"],
    stream: prefix ? `${prefix}/${container.name}/${task.id}` : container.runtimeId,
  };
}

const writable = (world: World, target: AwsLogsTarget) => target.region === undefined || target.region === world.region;

/** ECS's stoppedReason when the awslogs driver cannot create its stream because the group is missing. */
export const MISSING_LOG_GROUP_REASON =
  "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1";

/**
 * Sets up the log streams of a task's containers as they start (creating the group when
 * `awslogs-create-group` is "true"); the stop reason of a task that cannot start because a group
 * is missing, or undefined.
 */
export function openContainerLogs(world: World, ctx: Ctx, task: Task): string | undefined {
  const targets = task.containers.map((c) => awsLogsTarget(world, task, c)).filter((t): t is AwsLogsTarget => !!t && writable(world, t));
  if (targets.some((t) => !t.createGroup && !findLogGroup(world, t.group))) return MISSING_LOG_GROUP_REASON;
  for (const t of targets) {
    if (!findLogGroup(world, t.group)) addLogGroup(world, t.group, ctx.now);
    if (!findLogStream(world, t.group, t.stream)) addLogStream(world, t.group, t.stream, ctx.now);
  }
  return undefined;
}

/** Appends lines a container prints at `ctx.now` to its stream (nothing without awslogs). */
export function printLines(world: World, ctx: Ctx, task: Task, container: ContainerState, lines: string[]) {
  printEvents(world, ctx.now, task, container, lines.map((message) => ({ timestamp: ctx.now, message })));
}

/**
 * Ships lines a container printed (at their own times, in order) to its stream as the driver
 * does at `now`: in PutLogEvents batches, a too-long line split (nothing without awslogs).
 */
export function printEvents(world: World, now: number, task: Task, container: ContainerState, events: { timestamp: number; message: string }[]) {
  const target = awsLogsTarget(world, task, container);
  if (!target || !writable(world, target) || !findLogStream(world, target.group, target.stream)) return;
  for (const batch of driverBatches(events)) appendLogEvents(world, streamKey(target.group, target.stream), batch, now);
}

/** The container that answers a task's requests: the one behind its load balancer, else the first that maps a port, else the first essential one. */
export function servingContainer(world: World, task: Task): ContainerState | undefined {
  const named = task.registrations?.[0]?.containerName;
  const defs = containerDefinitions(world, task);
  const mapsPort = (c: ContainerState) => ((defs.find((d) => d.name === c.name)?.portMappings as Json[] | undefined) ?? []).length > 0;
  return task.containers.find((c) => c.name === named) ?? task.containers.find(mapsPort) ?? task.containers.find((c) => c.essential);
}

/** The start-up lines of a container that has just started (the ports its definition maps). */
export function startupLines(world: World, task: Task, container: ContainerState): string[] {
  const def = containerDefinitions(world, task).find((c) => c.name === container.name);
  const ports = ((def?.portMappings as Json[] | undefined) ?? []).map((pm) => pm.containerPort as number);
  return [
    `Starting ${container.name} (${container.image})`,
    ports.length ? `${container.name} listening on port ${ports.join(", ")}` : `${container.name} ready`,
  ];
}

/**
 * What a container prints as it exits with `exitCode`: a stack trace with the reason before a
 * crash, nothing when it was killed (137: an OOM kill or SIGKILL prints nothing more), a
 * shutdown line on SIGTERM (143) or a clean exit (0).
 */
export function exitLines(container: ContainerState, exitCode: number, reason?: string): string[] {
  if (exitCode === 137) return [];
  if (exitCode === 0 || exitCode === 143) return [`Received SIGTERM, ${container.name} shutting down`];
  return [
    `Error: ${reason ?? "unhandled exception"}`,
    `    at main (/app/${container.name}/index.js:42:11)`,
    "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    `${container.name} exited with code ${exitCode}`,
  ];
}
