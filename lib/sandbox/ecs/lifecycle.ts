import { nextSeq, randomHex } from "../core/ids";
import type { ContainerState, Ctx, HealthStatus, Task, TaskDefinition, World } from "../core/types";
import { containerArn, taskArn } from "./arns";
import { peek } from "../core/draft";
import { exitLines, openContainerLogs, printLines, startupLines } from "./container-logs";
import { containerCommand, containerEnvironment, programOf } from "./programs";
import { ebsVolumeFor, type VolumeConfigurations } from "./storage";

// The task lifecycle: PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING →
// DEPROVISIONING → STOPPED. Each task carries the time of its next transition (`nextAt`); the
// engine calls `tickTask` when that time comes. No timers: time only moves when the engine
// advances it.

type Json = Record<string, unknown>;

export type LaunchParams = {
  clusterName: string;
  td: TaskDefinition;
  launchType: "EC2" | "FARGATE" | "MANAGED_INSTANCES";
  capacityProviderName?: string;
  containerInstanceArn?: string;
  availabilityZone: string;
  hostPorts: number[];
  dynamicPorts: number[];
  group: string;
  startedBy?: string;
  serviceArn?: string;
  deploymentId?: string;
  overrides?: Json;
  tags?: { key: string; value: string }[];
  platformVersion?: string;
  enableExecuteCommand?: boolean;
  /** The service's volumeConfigurations: a managed EBS volume is created for the task. */
  volumeConfigurations?: VolumeConfigurations;
};

export function launchTask(world: World, ctx: Ctx, p: LaunchParams): Task {
  const id = randomHex(world, 32);
  const mode = (p.td.body.networkMode as string) ?? "bridge";
  let dynamic = [...p.dynamicPorts];
  const containers: ContainerState[] = (p.td.body.containerDefinitions as Json[]).map((c) => {
    const hc = c.healthCheck as Json | undefined;
    const bindings = mode === "awsvpc" || mode === "none" ? [] : ((c.portMappings as Json[] | undefined) ?? []).map((pm) => {
      let hostPort = mode === "host" ? (pm.hostPort ?? pm.containerPort) as number : (pm.hostPort as number | undefined) ?? 0;
      if (!hostPort) [hostPort, ...dynamic] = dynamic;
      return { containerPort: pm.containerPort as number, hostPort, protocol: (pm.protocol as string) ?? "tcp" };
    });
    return {
      name: c.name as string, image: c.image as string, essential: c.essential !== false,
      cpu: c.cpu as number | undefined, memory: c.memory as number | undefined, memoryReservation: c.memoryReservation as number | undefined,
      lastStatus: "PENDING", healthStatus: "UNKNOWN",
      healthCheck: hc ? { interval: (hc.interval as number) ?? 30, retries: (hc.retries as number) ?? 3, startPeriod: (hc.startPeriod as number) ?? 0 } : undefined,
      ...(p.enableExecuteCommand ? { execAgent: { lastStatus: "PENDING" as const } } : {}),
      networkBindings: bindings, runtimeId: `${id}-${randomHex(world, 10)}`, containerArn: containerArn(world, p.clusterName, id),
    };
  });
  const task: Task = {
    arn: taskArn(world, p.clusterName, id), id, seq: nextSeq(world), clusterName: p.clusterName,
    taskDefinitionArn: p.td.arn, family: p.td.family, launchType: p.launchType, capacityProviderName: p.capacityProviderName,
    platformVersion: p.launchType === "FARGATE" ? p.platformVersion ?? "1.4.0" : undefined,
    containerInstanceArn: p.containerInstanceArn, availabilityZone: p.availabilityZone, networkMode: mode,
    privateIp: mode === "awsvpc" ? eniAddress(world, p.availabilityZone) : undefined,
    group: p.group, startedBy: p.startedBy, serviceArn: p.serviceArn, deploymentId: p.deploymentId,
    lastStatus: "PROVISIONING", desiredStatus: "RUNNING", healthStatus: "UNKNOWN", containers,
    cpu: p.td.cpu, memory: p.td.memory, hostPorts: [...p.hostPorts, ...p.dynamicPorts], createdAt: ctx.now,
    nextAt: ctx.now + ctx.config.delays.provisioning, overrides: p.overrides, tags: p.tags ?? [], version: 1,
    ...(p.enableExecuteCommand ? { enableExecuteCommand: true } : {}),
  };
  const ephemeral = (p.td.body.ephemeralStorage as { sizeInGiB?: number } | undefined)?.sizeInGiB;
  if (ephemeral !== undefined) task.ephemeralStorageGiB = ephemeral;
  const ebs = ebsVolumeFor(p.volumeConfigurations, `vol-${randomHex(world, 17)}`);
  if (ebs) task.ebsVolume = ebs;
  world.tasks[task.arn] = task;
  return task;
}

/**
 * The private address of a task's ENI: one of the default subnet of its zone (EC2's, past the
 * four addresses AWS reserves; so a target group of the VPC takes it as an `ip` target), or of
 * 10.0.0.0/16 while the Region's network has not been made yet.
 */
function eniAddress(world: World, zone: string): string {
  const subnet = Object.values(peek(world).subnets).find((s) => s.availabilityZone === zone && s.defaultForAz);
  if (!subnet) return `10.0.${world.seq % 250}.${((world.seq * 7) % 250) + 2}`;
  const [base, bits] = subnet.cidrBlock.split("/");
  const size = 2 ** (32 - Number(bits));
  const start = base.split(".").reduce((n, o) => n * 256 + Number(o), 0);
  const n = start + 4 + (world.seq % (size - 5));
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

const PRE_RUNNING = ["PROVISIONING", "PENDING", "ACTIVATING"];

export type StopSpec = { stopCode: string; reason: string; exitCode?: number; containerReason?: string; container?: string };

/** Asks a task to stop; returns false when it was already stopping. Hooks count circuit-breaker failures. */
export function stopTask(world: World, ctx: Ctx, task: Task, spec: StopSpec, onFailure?: (task: Task) => void): boolean {
  if (task.desiredStatus === "STOPPED") return false;
  const wasRunning = task.lastStatus === "RUNNING";
  task.desiredStatus = "STOPPED";
  task.stopCode = spec.stopCode;
  task.stoppedReason = spec.reason;
  task.stoppingAt = ctx.now;
  task.version++;
  for (const c of task.containers) {
    if (spec.container && c.name !== spec.container) continue;
    if (spec.exitCode !== undefined && c.lastStatus === "RUNNING") c.exitCode = spec.exitCode;
    if (spec.containerReason) c.reason = spec.containerReason;
  }
  // A script's process is killed with its task: what it had still to print is never printed.
  const played = new Set(task.containers.filter((c) => c.program).map((c) => c.name));
  for (const c of task.containers) c.program = undefined;
  if (wasRunning) {
    for (const c of task.containers) {
      if (c.lastStatus !== "RUNNING") continue;
      const crashed = spec.exitCode !== undefined && (!spec.container || c.name === spec.container);
      if (played.has(c.name) && !crashed) continue;
      printLines(world, ctx, task, c, crashed ? exitLines(c, spec.exitCode!, spec.containerReason) : exitLines(c, 143));
    }
    task.lastStatus = "DEACTIVATING";
    task.nextAt = ctx.now + ctx.config.delays.deactivating;
  } else if (PRE_RUNNING.includes(task.lastStatus)) {
    task.lastStatus = "STOPPING";
    task.nextAt = ctx.now + ctx.config.delays.stopping;
  }
  if (onFailure && (spec.stopCode === "TaskFailedToStart" || spec.stopCode === "EssentialContainerExited" || /health checks/.test(spec.reason))) {
    onFailure(task);
  }
  return true;
}

export function pullFailureReason(image: string) {
  return `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${image}: ${image}: not found`;
}

export function taskHealth(task: Task): HealthStatus {
  const checked = task.containers.filter((c) => c.essential && c.healthCheck);
  if (checked.length === 0) return "UNKNOWN";
  if (checked.some((c) => c.healthStatus === "UNHEALTHY")) return "UNHEALTHY";
  return checked.every((c) => c.healthStatus === "HEALTHY") ? "HEALTHY" : "UNKNOWN";
}

/** The next health verdict of a running container: first probe after `interval`, failure after the retries (or start period). */
export function scheduleHealth(c: ContainerState, now: number, failing: boolean) {
  if (!c.healthCheck) return;
  const { interval, retries, startPeriod } = c.healthCheck;
  c.healthFailing = failing;
  c.healthAt = failing ? now + Math.max(startPeriod, interval * retries) * 1000 : now + interval * 1000;
}

/** When something next happens in a running task's containers: a health verdict, a line a script prints, a script's exit. */
export function nextContainerAt(task: Task): number | undefined {
  const times = task.containers.flatMap((c) => [c.healthAt, c.program?.lines[0]?.at, c.program?.exitAt]).filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

function containerDefinition(world: World, task: Task, name: string): Json | undefined {
  const td = peek(world).taskDefinitions[task.family]?.find((d) => d.arn === task.taskDefinitionArn);
  return ((td?.body.containerDefinitions as Json[] | undefined) ?? []).find((c) => c.name === name);
}

/**
 * Plays what the containers' scripts do by `ctx.now`: prints their due lines, and exits those
 * whose time came. An essential container's exit stops its task (ECS's "Essential container in
 * task exited"); a non-essential one stops alone.
 */
function playPrograms(world: World, ctx: Ctx, task: Task, onFailure?: (task: Task) => void) {
  let essentialExited = false;
  for (const c of task.containers) {
    const p = c.program;
    if (!p || c.lastStatus !== "RUNNING") continue;
    const due = p.lines.filter((l) => l.at <= ctx.now);
    if (due.length) printLines(world, ctx, task, c, due.map((l) => l.text));
    p.lines = p.lines.filter((l) => l.at > ctx.now);
    if (p.exitAt > ctx.now) continue;
    c.program = undefined;
    c.lastStatus = "STOPPED";
    c.exitCode = p.exitCode;
    c.healthAt = undefined;
    if (c.execAgent) c.execAgent = { ...c.execAgent, lastStatus: "STOPPED" };
    if (c.essential) essentialExited = true;
  }
  if (essentialExited) stopTask(world, ctx, task, { stopCode: "EssentialContainerExited", reason: "Essential container in task exited" }, onFailure);
}

/** Advances a task whose `nextAt` has come. */
export function tickTask(world: World, ctx: Ctx, task: Task, onFailure?: (task: Task) => void) {
  const now = ctx.now;
  const d = ctx.config.delays;
  task.nextAt = undefined;
  switch (task.lastStatus) {
    case "PROVISIONING":
      task.lastStatus = "PENDING";
      task.pullStartedAt = now;
      task.nextAt = now + d.pending;
      break;
    case "PENDING": {
      task.pullStoppedAt = now;
      const bad = task.containers.find((c) => world.faults.pullFailures.includes(c.image));
      if (bad) {
        const reason = pullFailureReason(bad.image);
        stopTask(world, ctx, task, { stopCode: "TaskFailedToStart", reason, containerReason: reason }, onFailure);
      } else {
        // The log driver starts with the containers: awslogs needs its group (or leave to create it).
        const logFailure = openContainerLogs(world, ctx, task);
        if (logFailure) {
          stopTask(world, ctx, task, { stopCode: "TaskFailedToStart", reason: logFailure, containerReason: logFailure }, onFailure);
          break;
        }
        task.lastStatus = "ACTIVATING";
        task.nextAt = now + d.activating;
      }
      break;
    }
    case "ACTIVATING":
      task.lastStatus = "RUNNING";
      task.startedAt = now;
      for (const c of task.containers) {
        c.lastStatus = "RUNNING";
        if (c.execAgent) c.execAgent = { lastStatus: "RUNNING", lastStartedAt: now };
        const def = containerDefinition(world, task, c.name);
        const program = programOf(containerCommand(def, task.overrides, c.name), containerEnvironment(def, task.overrides, c.name));
        // A script prints its own lines; a long-lived program the sandbox's start-up lines.
        if (program) c.program = { lines: program.lines.map((l) => ({ at: now + l.at, text: l.text })), exitAt: now + program.exitAt, exitCode: program.exitCode };
        else printLines(world, ctx, task, c, startupLines(world, task, c));
        scheduleHealth(c, now, world.faults.unhealthyImages.includes(c.image));
      }
      task.nextAt = nextContainerAt(task);
      playPrograms(world, ctx, task, onFailure);
      if (task.lastStatus === "RUNNING") task.nextAt = nextContainerAt(task);
      break;
    case "RUNNING":
      for (const c of task.containers) {
        if (c.healthAt !== undefined && c.healthAt <= now) {
          c.healthStatus = c.healthFailing ? "UNHEALTHY" : "HEALTHY";
          c.healthAt = undefined;
        }
      }
      task.healthStatus = taskHealth(task);
      task.nextAt = nextContainerAt(task);
      playPrograms(world, ctx, task, onFailure);
      if (task.lastStatus === "RUNNING") task.nextAt = nextContainerAt(task);
      break;
    case "DEACTIVATING":
      task.lastStatus = "STOPPING";
      task.nextAt = now + d.stopping;
      break;
    case "STOPPING":
      task.lastStatus = "DEPROVISIONING";
      task.executionStoppedAt = now;
      for (const c of task.containers) {
        if (c.lastStatus === "RUNNING" && c.exitCode === undefined) c.exitCode = task.stopCode === "UserInitiated" || task.stopCode === "ServiceSchedulerInitiated" ? 143 : 0;
        c.lastStatus = "STOPPED";
        c.healthAt = undefined;
        if (c.execAgent) c.execAgent = { ...c.execAgent, lastStatus: "STOPPED" };
      }
      task.nextAt = now + d.deprovisioning;
      break;
    case "DEPROVISIONING":
      task.lastStatus = "STOPPED";
      task.stoppedAt = now;
      task.nextAt = now + ctx.config.stoppedTaskRetention;
      break;
    case "STOPPED":
      delete world.tasks[task.arn];
      return;
  }
  task.version++;
}
