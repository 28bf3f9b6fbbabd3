import { DEFAULT_ECS_COOLDOWN_SECONDS, firesBetween, parseSchedule, targetTrackingDesired } from "../../domain/ecs-facts/auto-scaling";
import { alarmDatapoints } from "../core/alarms";
import { peek } from "../core/draft";
import { nextSeq, uuid } from "../core/ids";
import { own } from "../core/maps";
import type { MetricAlarm, ScalableTarget, ScalingPolicy, ScheduledAction, Service, World } from "../core/types";
import { peekService } from "./lookups";

// What Application Auto Scaling does to ECS services as time passes: scheduled actions run on
// the sandbox clock (ECS's advance wakes up for them, engine.ts), set their target's minimum and
// maximum, and move the service's desired count into the new range; every change is recorded as
// a scaling activity in AAS's words. The API (../application-autoscaling) registers targets and
// actions; this file is what both it and the clock use to change a desired count.
//
// Dynamic scaling follows CloudWatch alarms (core/alarms.ts, evaluated every simulated minute):
// an alarm in ALARM invokes the scaling policies among its AlarmActions once a minute
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html: "for
// Auto Scaling actions, the alarm continues to invoke the action once per minute that the alarm
// remains in the new state"). A target tracking policy's AlarmHigh only scales out and its
// AlarmLow only scales in, to ceil(desired × metric / target) (targetTrackingDesired) within
// [min, max], after the cooldowns, unless scale-in is disabled; a step scaling policy takes the
// step whose bounds hold (metric − threshold) and waits out its Cooldown after each change.
// Suspended dynamic scaling (SuspendedState) does nothing.

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

/** Sets the service's desired count for a policy and records why, in AAS's words. */
function scaleTo(world: World, policy: ScalingPolicy, alarm: MetricAlarm, svc: Service, to: number) {
  const from = svc.desiredCount;
  const live = world.services[svc.arn];
  live.desiredCount = to;
  live.steady = false;
  const p = world.scalingPolicies[`${policy.resourceId}|${policy.name}`];
  if (to > from) p.lastScaleOutAt = world.now;
  else p.lastScaleInAt = world.now;
  recordActivity(world, policy.resourceId, `Setting desired count to ${to}.`, `monitor alarm ${alarm.name} in state ALARM triggered policy ${policy.name}`,
    `Successfully set desired count to ${to}. Change successfully fulfilled by ecs.`);
}

const since = (world: World, at: number | undefined) => (at === undefined ? undefined : (world.now - at) / 1000);

/** The number of tasks a step scaling policy asks for, or undefined when no step holds or its cooldown runs. */
function stepDesired(world: World, policy: ScalingPolicy, alarm: MetricAlarm, metric: number, current: number): number | undefined {
  const c = policy.stepScalingPolicyConfiguration as {
    AdjustmentType?: string; Cooldown?: number; MinAdjustmentMagnitude?: number;
    StepAdjustments?: { MetricIntervalLowerBound?: number; MetricIntervalUpperBound?: number; ScalingAdjustment: number }[];
  } | undefined;
  if (!c) return undefined;
  const last = Math.max(policy.lastScaleOutAt ?? -Infinity, policy.lastScaleInAt ?? -Infinity);
  if (world.now - last < (c.Cooldown ?? DEFAULT_ECS_COOLDOWN_SECONDS) * 1000) return undefined;
  const delta = metric - alarm.threshold;
  const step = (c.StepAdjustments ?? []).find((s) => (s.MetricIntervalLowerBound ?? -Infinity) <= delta && delta < (s.MetricIntervalUpperBound ?? Infinity));
  if (!step) return undefined;
  if (c.AdjustmentType === "ExactCapacity") return step.ScalingAdjustment;
  if (c.AdjustmentType === "PercentChangeInCapacity") {
    let by = Math.trunc((current * step.ScalingAdjustment) / 100);
    if (c.MinAdjustmentMagnitude !== undefined && Math.abs(by) < c.MinAdjustmentMagnitude) by = Math.sign(step.ScalingAdjustment) * c.MinAdjustmentMagnitude;
    return current + by;
  }
  return current + step.ScalingAdjustment;
}

/**
 * Whether every other target tracking policy of the target that may scale in is ready to: "it
 * scales out if any of the policies are ready for scale out, but scales in only if all of the
 * target tracking policies (with the scale-in portion enabled) are ready to scale in"
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html).
 */
function othersAgreeToScaleIn(world: World, policy: ScalingPolicy): boolean {
  const w = peek(world);
  return Object.values(w.scalingPolicies).every((p) => {
    if (p.arn === policy.arn || p.resourceId !== policy.resourceId || p.policyType !== "TargetTrackingScaling") return true;
    if ((p.targetTrackingScalingPolicyConfiguration as { DisableScaleIn?: boolean } | undefined)?.DisableScaleIn) return true;
    const low = p.alarms.find((a) => a.AlarmName.includes("-AlarmLow-"));
    return !!low && own(w.alarms, low.AlarmName)?.state === "ALARM";
  });
}

/** Runs the scaling policies that the alarms now in ALARM name among their actions. */
export function runAlarmActions(world: World, firing: MetricAlarm[]) {
  const policies = Object.values(peek(world).scalingPolicies);
  for (const alarm of firing) {
    for (const action of alarm.alarmActions) {
      const policy = policies.find((p) => p.arn === action);
      if (!policy) continue;
      const target = own(peek(world).scalableTargets, policy.resourceId);
      const svc = serviceOfResource(world, policy.resourceId);
      if (!target || !svc) continue;
      const metric = alarmDatapoints(world, alarm, world.now).find((p) => p.v !== undefined)?.v;
      if (metric === undefined) continue;
      const current = svc.desiredCount;
      let to: number | undefined;
      if (policy.policyType === "TargetTrackingScaling") {
        const c = policy.targetTrackingScalingPolicyConfiguration as { TargetValue: number; DisableScaleIn?: boolean; ScaleOutCooldown?: number; ScaleInCooldown?: number };
        const d = targetTrackingDesired({
          current, metric, targetValue: c.TargetValue, minCapacity: target.minCapacity, maxCapacity: target.maxCapacity, disableScaleIn: c.DisableScaleIn,
          sinceScaleOut: since(world, policy.lastScaleOutAt), sinceScaleIn: since(world, policy.lastScaleInAt), scaleOutCooldown: c.ScaleOutCooldown, scaleInCooldown: c.ScaleInCooldown,
        });
        const high = alarm.name.includes("-AlarmHigh-");
        if ((d.reason === "scale-out" && high) || (d.reason === "scale-in" && !high && othersAgreeToScaleIn(world, policy))) to = d.desired;
      } else {
        const wanted = stepDesired(world, policy, alarm, metric, current);
        if (wanted !== undefined) to = Math.max(target.minCapacity, Math.min(target.maxCapacity, wanted));
      }
      if (to === undefined || to === current) continue;
      const suspended = to > current ? target.suspendedState.DynamicScalingOutSuspended : target.suspendedState.DynamicScalingInSuspended;
      if (!suspended) scaleTo(world, policy, alarm, svc, to);
    }
  }
}
