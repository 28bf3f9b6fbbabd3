import { scheduledTaskStartedBy } from "../../domain/ecs-facts/scheduler";
import { peek } from "../core/draft";
import { AwsError } from "../core/errors";
import type { Ctx, Schedule, World } from "../core/types";
import { scheduleWake } from "./auto-scaling";
import { runTask } from "./tasks";

// What EventBridge Scheduler does to ECS as time passes: an ENABLED schedule whose target is a
// cluster runs RunTask with its EcsParameters at each invocation time on the sandbox clock (ECS's
// advance wakes up for them, engine.ts). The API (../scheduler) creates the schedules; this file
// is what both it and the clock use. A flexible time window invokes at its start (the sandbox
// is deterministic); a failed RunTask is counted on the schedule, not retried.
// ECS names who started a task in `startedBy`: scheduledTaskStartedBy (lib/domain/ecs-facts/scheduler.ts).

/** When the clock next looks at a schedule after `after` (undefined: never again: disabled, past its end, a fired at()). */
export function scheduleWakeOf(s: Pick<Schedule, "expression" | "timezone" | "startDate" | "endDate" | "modifiedAt" | "state">, after: number): { wakeAt?: number; runsAtWake: boolean } {
  if (s.state !== "ENABLED") return { runsAtWake: false };
  return scheduleWake({ schedule: s.expression, timezone: s.timezone, startTime: s.startDate, endTime: s.endDate, createdAt: s.modifiedAt }, after);
}

/** The earliest instant a schedule wants the clock to stop at (Infinity: none). */
export function nextScheduleWakeUp(world: World): number {
  let next = Infinity;
  for (const s of Object.values(peek(world).schedules)) if (s.wakeAt !== undefined && s.wakeAt < next) next = s.wakeAt;
  return next;
}

const ECS_CLUSTER_ARN = /^arn:aws[\w-]*:ecs:[\w-]+:\d{12}:cluster\/.+$/;

/** Scheduler's EcsParameters (PascalCase, tags as maps) as RunTask's input (camelCase, tags as key/value). */
export function runTaskInput(s: Pick<Schedule, "name" | "target">): Record<string, unknown> {
  const t = s.target as { Arn: string; Input?: string; EcsParameters?: Record<string, unknown> };
  const p = (t.EcsParameters ?? {}) as Record<string, unknown> & { NetworkConfiguration?: { awsvpcConfiguration?: { Subnets: string[]; SecurityGroups?: string[]; AssignPublicIp?: string } }; Tags?: Record<string, string>[] };
  const vpc = p.NetworkConfiguration?.awsvpcConfiguration;
  let overrides: unknown;
  if (t.Input !== undefined) {
    try {
      overrides = JSON.parse(t.Input);
    } catch {
      overrides = undefined;
    }
  }
  return Object.fromEntries(Object.entries({
    cluster: t.Arn, taskDefinition: p.TaskDefinitionArn, count: p.TaskCount ?? 1, launchType: p.LaunchType,
    capacityProviderStrategy: p.CapacityProviderStrategy, platformVersion: p.PlatformVersion, group: p.Group,
    networkConfiguration: vpc ? { awsvpcConfiguration: { subnets: vpc.Subnets, securityGroups: vpc.SecurityGroups, assignPublicIp: vpc.AssignPublicIp } } : undefined,
    enableECSManagedTags: p.EnableECSManagedTags, enableExecuteCommand: p.EnableExecuteCommand,
    placementConstraints: p.PlacementConstraints, placementStrategy: p.PlacementStrategy, propagateTags: p.PropagateTags,
    referenceId: p.ReferenceId, tags: p.Tags?.flatMap((m) => Object.entries(m).map(([key, value]) => ({ key, value }))),
    overrides: overrides !== null && typeof overrides === "object" && !Array.isArray(overrides) ? overrides : undefined,
    startedBy: scheduledTaskStartedBy(s.name),
  }).filter(([, v]) => v !== undefined));
}

/** Invokes the schedule's target once: RunTask in this world, its failure counted on the schedule. */
function invoke(world: World, ctx: Ctx, s: Schedule) {
  s.invocations++;
  if (!ECS_CLUSTER_ARN.test(String(s.target.Arn)) || !s.target.EcsParameters) {
    s.failedInvocations++;
    s.lastFailure = "The sandbox invokes ECS RunTask targets only (Target.Arn a cluster ARN, with EcsParameters).";
    return;
  }
  try {
    const out = runTask(world, runTaskInput(s), ctx) as { failures: { reason?: string }[] };
    if (out.failures.length > 0) {
      s.failedInvocations++;
      s.lastFailure = `RunTask failures: ${out.failures.map((f) => f.reason).join(", ")}`;
    }
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    s.failedInvocations++;
    s.lastFailure = `${e.type}: ${e.message}`;
  }
}

/** Runs the schedules due at world.now; a one-time at() schedule with ActionAfterCompletion DELETE is deleted after it ran. */
export function runDueSchedules(world: World, ctx: Ctx) {
  const due = Object.entries(peek(world).schedules).filter(([, s]) => s.wakeAt !== undefined && s.wakeAt <= world.now).sort(([, a], [, b]) => a.seq - b.seq);
  for (const [key] of due) {
    const s = world.schedules[key];
    const runs = s.runsAtWake;
    const wake = scheduleWakeOf(s, s.wakeAt ?? world.now);
    s.wakeAt = wake.wakeAt;
    s.runsAtWake = wake.runsAtWake;
    if (!runs) continue;
    invoke(world, ctx, s);
    if (s.wakeAt === undefined && s.actionAfterCompletion === "DELETE") delete world.schedules[key];
  }
}
