import { firesBetween, parseSchedule } from "@/lib/domain/ecs-facts/auto-scaling";
import { peek } from "../core/draft";
import { nextSeq, uuid } from "../core/ids";
import { own } from "../core/maps";
import type { ScalableTarget, ScheduledAction, Service, World } from "../core/types";
import { peekService } from "./lookups";

// What Application Auto Scaling does to ECS services as time passes: scheduled actions run on
// the sandbox clock (ECS's advance wakes up for them, engine.ts), set their target's minimum and
// maximum, and move the service's desired count into the new range; every change is recorded as
// a scaling activity in AAS's words. The API (../application-autoscaling) registers targets and
// actions; this file is what both it and the clock use to change a desired count.
//
// Target tracking is not driven yet (no metrics in the sandbox): the decision is
// targetTrackingDesired in lib/domain/ecs-facts/auto-scaling.ts, for the load simulation to call.

/** `service/<cluster>/<service>` → the live (not INACTIVE) service it names, read only. */
export function serviceOfResource(world: World, resourceId: string): Service | undefined {
  const m = /^service\/([^/]+)\/([^/]+)$/.exec(resourceId);
  const svc = m ? peekService(world, m[1], m[2]) : undefined;
  return svc && svc.status === "ACTIVE" ? svc : undefined;
}

/** Records a scaling activity of `resourceId`, finished at once (the sandbox's ECS takes a new desired count immediately). */
export function recordActivity(world: World, resourceId: string, description: string, cause: string, statusMessage: string) {
  const activityId = uuid(world);
  world.scalingActivities[activityId] = {
    activityId, resourceId, description, cause, startTime: world.now, endTime: world.now, statusCode: "Successful", statusMessage, seq: nextSeq(world),
  };
}

/**
 * Moves the service's desired count into [min, max] when it is outside, as AAS does when a
 * target's range changes; `cause` is the activity's Cause ("minimum capacity was set to 2").
 */
export function clampDesired(world: World, target: ScalableTarget, cause: (to: number) => string) {
  const found = serviceOfResource(world, target.resourceId);
  if (!found) return;
  const n = found.desiredCount;
  const to = Math.max(target.minCapacity, Math.min(target.maxCapacity, n));
  if (to === n) return;
  const svc = world.services[found.arn];
  svc.desiredCount = to;
  svc.steady = false;
  recordActivity(world, target.resourceId, `Setting desired count to ${to}.`, cause(to), `Successfully set desired count to ${to}. Change successfully fulfilled by ecs.`);
}

const WEEK = 7 * 24 * 3600 * 1000;

/** When the scaler next looks at `a` after `after`: its next run within a week, else a rescan a week on. */
export function scheduleWake(a: Pick<ScheduledAction, "schedule" | "timezone" | "startTime" | "endTime" | "createdAt">, after: number): { wakeAt?: number; runsAtWake: boolean } {
  const parsed = parseSchedule(a.schedule);
  if (typeof parsed === "string") return { runsAtWake: false };
  const from = Math.max(after, (a.startTime ?? -Infinity) - 1);
  const until = from + WEEK;
  const [next] = firesBetween(parsed, { after: from, until, timezone: a.timezone, anchor: a.startTime ?? a.createdAt, limit: 1 });
  if (next !== undefined) return a.endTime !== undefined && next > a.endTime ? { runsAtWake: false } : { wakeAt: next, runsAtWake: true };
  if (parsed.kind === "at" || (a.endTime !== undefined && until > a.endTime)) return { runsAtWake: false };
  return { wakeAt: until, runsAtWake: false };
}

/** The earliest instant a scheduled action wants the clock to stop at (Infinity: none). */
export function nextScalingWakeUp(world: World): number {
  let next = Infinity;
  for (const a of Object.values(peek(world).scheduledActions)) if (a.wakeAt !== undefined && a.wakeAt < next) next = a.wakeAt;
  return next;
}

/** Runs the scheduled actions due at world.now: each sets its target's range, then the desired count follows. */
export function runDueScheduledActions(world: World) {
  const due = Object.values(peek(world).scheduledActions).filter((a) => a.wakeAt !== undefined && a.wakeAt <= world.now).sort((x, y) => x.seq - y.seq);
  for (const d of due) {
    const a = world.scheduledActions[`${d.resourceId}|${d.name}`];
    const runs = a.runsAtWake;
    const wake = scheduleWake(a, a.wakeAt ?? world.now);
    a.wakeAt = wake.wakeAt;
    a.runsAtWake = wake.runsAtWake;
    if (!runs) continue;
    const target = own(world.scalableTargets, a.resourceId);
    if (!target || target.suspendedState.ScheduledScalingSuspended) continue;
    const t = world.scalableTargets[a.resourceId];
    const { MinCapacity: min, MaxCapacity: max } = a.scalableTargetAction;
    const set: string[] = [];
    if (min !== undefined) { t.minCapacity = min; set.push(`min capacity to ${min}`); }
    if (max !== undefined) { t.maxCapacity = max; set.push(`max capacity to ${max}`); }
    if (!set.length) continue;
    recordActivity(world, a.resourceId, `Setting ${set.join(" and ")}`, `scheduled action name ${a.name} was triggered`, `Successfully set ${set.join(" and ")}`);
    clampDesired(world, t, (to) => (to === t.minCapacity ? `minimum capacity was set to ${t.minCapacity}` : `maximum capacity was set to ${t.maxCapacity}`));
  }
}
