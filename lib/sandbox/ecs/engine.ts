import { peek } from "../core/draft";
import { runCall, type Call, type Dynamics, type EngineResult } from "../core/engine";
import type { Ctx, SandboxConfig, SandboxState, World } from "../core/types";
import { evaluateAlarms } from "../core/alarms";
import { nextScalingWakeUp, runAlarmActions, runDueScheduledActions } from "./auto-scaling";
import { nextCapacityWakeUp, reconcileCapacity } from "./capacity";
import { ECS_HANDLERS } from "./handlers";
import { nextMinute, recordMinute } from "./load";
import { tickTask } from "./lifecycle";
import { nextScheduleWakeUp, runDueSchedules } from "./scheduled-tasks";
import { reconcileAll, recordFailure } from "./scheduler";
import { followDeployments, nextWakeUp } from "./service-deployments";
import { reconcileShifting } from "./traffic-shift";
import { syncServiceConnect } from "./service-connect";

// How time moves ECS's part of a world. No timers: each call first advances the world to "now",
// processing due task transitions in time order and reconciling services after each instant;
// after an operation the scheduler reacts to it.

/** Processes every due transition up to `to`, in time order (mutates the draft). */
function advanceWorld(world: World, config: SandboxConfig, to: number) {
  let processed = 0;
  for (;;) {
    // A read-only scan (peek): only the tasks that fall due get copied into the draft.
    const all = Object.values(peek(world).tasks);
    let next = Infinity;
    for (const t of all) {
      if (t.nextAt !== undefined && t.nextAt < next) next = t.nextAt;
      // A target's health verdict falling due (load-balancing.ts) wakes the scheduler; nothing ticks.
      if (t.targetHealthAt !== undefined && t.targetHealthAt > world.now && t.targetHealthAt < next) next = t.targetHealthAt;
    }
    // Service deployments wake up by themselves when a bake time or a hook's timeout ends.
    next = Math.min(next, nextWakeUp(world));
    // So do Application Auto Scaling's scheduled actions (auto-scaling.ts).
    next = Math.min(next, nextScalingWakeUp(world));
    // And EventBridge Scheduler's schedules that run tasks (scheduled-tasks.ts).
    next = Math.min(next, nextScheduleWakeUp(world));
    // Capacity providers wake up for warm-ups, idle instances and terminations (capacity.ts).
    next = Math.min(next, nextCapacityWakeUp(world));
    // Every simulated minute the metrics of the minute just ended are recorded (load.ts).
    const minute = nextMinute(world);
    next = Math.min(next, minute);
    if (next > to || processed >= config.maxEventsPerAdvance) break;
    world.now = Math.max(world.now, next);
    const ctx: Ctx = { now: world.now, config };
    runDueScheduledActions(world);
    runDueSchedules(world, ctx);
    if (minute <= world.now) {
      recordMinute(world, minute);
      runAlarmActions(world, evaluateAlarms(world, minute));
    }
    const due = all.filter((t) => t.nextAt !== undefined && t.nextAt <= next).sort((a, b) => a.seq - b.seq);
    for (const d of due) {
      const t = world.tasks[d.arn];
      if (t) tickTask(world, ctx, t, (x) => recordFailure(world, x));
    }
    processed += Math.max(1, due.length);
    reconcile(world, ctx);
    purge(world, ctx);
  }
  world.now = Math.max(world.now, to);
  reconcile(world, { now: world.now, config });
}

/**
 * The scheduler's pass: traffic-shifting deployments their own way, the rest rolling; then service
 * deployments follow, and capacity providers act on what could not be placed (the scheduler
 * passes again when that brought instances).
 */
function reconcile(world: World, ctx: Ctx) {
  reconcileAll(world, ctx, reconcileShifting);
  followDeployments(world, ctx);
  syncServiceConnect(world, ctx);
  if (reconcileCapacity(world, ctx)) {
    reconcileAll(world, ctx, reconcileShifting);
    followDeployments(world, ctx);
    syncServiceConnect(world, ctx);
    reconcileCapacity(world, ctx);
  }
}

/** Deleted services are forgotten an hour after they became INACTIVE, like STOPPED tasks. */
function purge(world: World, ctx: Ctx) {
  for (const s of Object.values(peek(world).services)) {
    if (s.status === "INACTIVE" && s.inactiveAt !== undefined && ctx.now - s.inactiveAt > ctx.config.stoppedTaskRetention) {
      delete world.services[s.arn];
    }
  }
}

export const ECS_DYNAMICS: Dynamics = { advance: advanceWorld, settle: reconcile };

/** One ECS API call on the pure engine. */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(ECS_HANDLERS, ECS_DYNAMICS, state, call);
}
