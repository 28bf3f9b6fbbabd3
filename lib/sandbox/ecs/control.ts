import { z } from "zod";
import { setSpeed, simNow, stepClock } from "../core/clock";
import { advancedWorld, runInRegion, type EngineResult } from "../core/engine";
import type { AwsError } from "../core/errors";
import { DEFAULT_REGION, completeWorld, initialState } from "../core/state";
import { peek } from "../core/draft";
import { nextSeq } from "../core/ids";
import { own, setOwn } from "../core/maps";
import type { Ctx, Load, SandboxState, World } from "../core/types";
import { lastSegment } from "./arns";
import { INSTANCE_TYPES, addInstance, instanceOut, loseInstance } from "./container-instances";
import { ECS_DYNAMICS } from "./engine";
import { clientError, invalidParameter, serviceNotFound } from "./errors";
import { parseInput } from "./input";
import { exitLines, printLines } from "./container-logs";
import { DEFAULT_CPU_MS_PER_REQUEST, DEFAULT_MEMORY_MIB_PER_REQUEST, loadAt, serviceLoadKey } from "./load";
import { nextContainerAt, scheduleHealth, stopTask } from "./lifecycle";
import { activeCluster, findTask, peekService } from "./lookups";
import { recordFailure } from "./scheduler";

// The sandbox's own control API (not part of ECS): capacity, faults and the clock.

/** The stoppedReason of a Fargate Spot interruption (the ECS Developer Guide's Fargate capacity providers page). */
export const SPOT_INTERRUPTED = "Your Spot Task was interrupted.";

const str = z.string();
// A Region's name (eu-west-1): the world it names is created on first use, so nothing else is one.
const region = { region: str.regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "Not a Region name, such as eu-west-1").optional() };
const taskRef = { ...region, cluster: str.optional(), task: str.min(1), container: str.optional() };

const rps = z.number().min(0).max(1_000_000);
const minutes = z.number().min(0).max(30 * 24 * 60);
/** A request rate over simulated time (core/types.ts LoadShape); "off" removes the load. */
const LoadShapeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("constant"), rps }),
  z.object({ kind: z.literal("ramp"), from: rps, to: rps, minutes }),
  z.object({ kind: z.literal("daily"), peak: rps, trough: rps, peakHour: z.number().min(0).max(24).default(14) }),
  z.object({ kind: z.literal("spike"), base: rps.default(0), height: rps, atMinutes: minutes.default(0), minutes: minutes.min(1) }),
  z.object({ kind: z.literal("off") }),
]);

export const ControlSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("addInstances"), ...region, cluster: str.optional(), count: z.number().int().min(1).max(100).default(1),
    cpu: z.number().int().positive().optional(), memory: z.number().int().positive().optional(), instanceType: str.optional(),
    availabilityZones: z.array(str).min(1).optional(), attributes: z.array(z.object({ name: str, value: str.optional() })).optional() }),
  z.object({ action: z.literal("crashTask"), ...taskRef, exitCode: z.number().int().default(1), reason: str.optional() }),
  z.object({ action: z.literal("outOfMemory"), ...taskRef }),
  z.object({ action: z.literal("failImagePull"), ...region, image: str.min(1) }),
  z.object({ action: z.literal("clearImagePull"), ...region, image: str.min(1) }),
  z.object({ action: z.literal("failHealthCheck"), ...region, cluster: str.optional(), task: str.optional(), container: str.optional(), image: str.optional() }),
  z.object({ action: z.literal("clearHealthCheck"), ...region, image: str.min(1) }),
  z.object({ action: z.literal("drainInstance"), ...region, cluster: str.optional(), containerInstance: str.min(1) }),
  z.object({ action: z.literal("loseInstance"), ...region, cluster: str.optional(), containerInstance: str.min(1) }),
  z.object({ action: z.literal("interruptSpot"), ...region, cluster: str.optional(), service: str.optional(), count: z.number().int().min(1).max(100).default(1) }),
  z.object({ action: z.literal("setSpotCapacity"), ...region, cluster: str.optional(), available: z.boolean() }),
  z.object({ action: z.literal("setHookOutcome"), ...region, hookTargetArn: str.min(1), outcome: z.enum(["SUCCEEDED", "FAILED", "IN_PROGRESS"]).default("SUCCEEDED") }),
  z.object({ action: z.literal("setLoad"), ...region, cluster: str.optional(), service: str.optional(), targetGroupArn: str.optional(), load: LoadShapeSchema,
    cpuMsPerRequest: z.number().positive().max(60_000).default(DEFAULT_CPU_MS_PER_REQUEST), memoryMiBPerRequest: z.number().min(0).max(65_536).default(DEFAULT_MEMORY_MIB_PER_REQUEST) }),
  z.object({ action: z.literal("setSpeed"), speed: z.number().min(0).max(10_000) }),
  z.object({ action: z.literal("step"), seconds: z.number().min(0).max(30 * 24 * 3600) }),
  z.object({ action: z.literal("setDelays"), delays: z.object({
    provisioning: z.number().min(0), pending: z.number().min(0), activating: z.number().min(0),
    deactivating: z.number().min(0), stopping: z.number().min(0), deprovisioning: z.number().min(0),
  }).partial() }),
  z.object({ action: z.literal("reset"), seed: z.number().int().optional() }),
  z.object({ action: z.literal("status"), ...region }),
]);
export type ControlInput = z.input<typeof ControlSchema>;

function instanceIn(world: World, clusterRef: string | undefined, ref: string) {
  const cluster = activeCluster(world, clusterRef);
  const id = lastSegment(ref);
  const i = Object.values(world.instances).find((x) => x.clusterName === cluster.name && (x.id === id || x.ec2InstanceId === id));
  if (!i || i.status === "INACTIVE") throw invalidParameter("The referenced container instance was not found.");
  return i;
}

function taskIn(world: World, clusterRef: string | undefined, ref: string) {
  const cluster = activeCluster(world, clusterRef);
  const t = findTask(world, cluster.name, ref);
  if (!t) throw invalidParameter("The referenced task was not found.");
  return t;
}

export function handleControl(state: SandboxState, raw: unknown, realNow: number): EngineResult {
  let input: z.infer<typeof ControlSchema>;
  try {
    input = parseInput(ControlSchema, raw);
  } catch (e) {
    return { state, error: e as AwsError };
  }
  if (input.action === "reset") return { state: initialState(realNow, input.seed ?? state.seed, state.config), output: { reset: true } };
  // Only the clock, the config or one world change here; everything else stays shared (the
  // engine never mutates a state it was given).
  if (input.action === "setSpeed") {
    const clock = setSpeed(state.clock, input.speed, realNow);
    return { state: { ...state, clock }, output: { speed: input.speed, now: simNow(clock, realNow) / 1000 } };
  }
  if (input.action === "setDelays") {
    const config = { ...state.config, delays: { ...state.config.delays, ...input.delays } };
    return { state: { ...state, config }, output: { delays: config.delays } };
  }
  if (input.action === "step") {
    const clock = stepClock(state.clock, input.seconds * 1000, realNow);
    const now = simNow(clock, realNow);
    const worlds: SandboxState["worlds"] = {};
    for (const [region, w] of Object.entries(state.worlds)) worlds[region] = advancedWorld(ECS_DYNAMICS, completeWorld(w), state.config, now);
    return { state: { ...state, clock, worlds }, output: { now: now / 1000 } };
  }
  return runInRegion(ECS_DYNAMICS, state, input.region ?? DEFAULT_REGION, realNow, (draft, ctx) => apply(draft, ctx, input));
}

type Input = z.infer<typeof ControlSchema>;

function apply(world: World, ctx: Ctx, input: Input): unknown {
  const failure = (t: Parameters<typeof recordFailure>[1]) => recordFailure(world, t);
  switch (input.action) {
    case "addInstances": {
      const cluster = activeCluster(world, input.cluster);
      const type = input.instanceType ?? "m5.large";
      const size = INSTANCE_TYPES[type] ?? INSTANCE_TYPES["m5.large"];
      const zones = input.availabilityZones ?? ["a", "b", "c"].map((z) => `${world.region}${z}`);
      const added = Array.from({ length: input.count }, (_, k) => addInstance(world, ctx, {
        clusterName: cluster.name, cpu: input.cpu ?? size.cpu, memory: input.memory ?? size.memory, instanceType: type,
        availabilityZone: zones[k % zones.length], attributes: input.attributes,
      }));
      return { containerInstances: added.map((i) => instanceOut(world, i)) };
    }
    case "crashTask":
    case "outOfMemory": {
      const t = taskIn(world, input.cluster, input.task);
      const container = input.container ?? t.containers.find((c) => c.essential)?.name;
      const oom = input.action === "outOfMemory";
      const exitCode = oom ? 137 : input.exitCode;
      const containerReason = oom ? "OutOfMemoryError: Container killed due to memory usage" : input.reason;
      const target = t.containers.find((c) => c.name === container);
      if (target && !target.essential && t.lastStatus === "RUNNING") {
        // As in ECS, a non-essential container that exits stops alone; the task keeps running.
        printLines(world, ctx, t, target, exitLines(target, exitCode, containerReason));
        target.lastStatus = "STOPPED";
        target.exitCode = exitCode;
        if (containerReason) target.reason = containerReason;
        target.healthAt = undefined;
        refreshNext(t);
        return { taskArn: t.arn };
      }
      stopTask(world, ctx, t, { stopCode: "EssentialContainerExited", reason: "Essential container in task exited", exitCode, containerReason, container }, failure);
      return { taskArn: t.arn };
    }
    case "setLoad": return setLoad(world, ctx, input);
    case "failImagePull":
      if (!world.faults.pullFailures.includes(input.image)) world.faults.pullFailures.push(input.image);
      return { faults: world.faults };
    case "clearImagePull":
      world.faults.pullFailures = world.faults.pullFailures.filter((i) => i !== input.image);
      return { faults: world.faults };
    case "failHealthCheck": {
      if (input.image) {
        if (!world.faults.unhealthyImages.includes(input.image)) world.faults.unhealthyImages.push(input.image);
        for (const t of Object.values(world.tasks)) {
          if (t.lastStatus !== "RUNNING") continue;
          for (const c of t.containers) if (c.image === input.image && !c.healthFailing) scheduleHealth(c, ctx.now, true);
          refreshNext(t);
        }
        return { faults: world.faults };
      }
      if (!input.task) throw clientError("failHealthCheck needs a task or an image.");
      const t = taskIn(world, input.cluster, input.task);
      if (t.lastStatus !== "RUNNING") throw invalidParameter("The task is not RUNNING.");
      // A container behind a target group fails the group's checks too, with or without a health check of its own.
      const behindTargetGroup = (name: string) => !!t.registrations?.some((r) => r.containerName === name);
      const targets = t.containers.filter((c) => (c.healthCheck || behindTargetGroup(c.name)) && (!input.container || c.name === input.container));
      if (!targets.length) throw invalidParameter("The task has no container with a health check.");
      for (const c of targets) {
        if (c.healthCheck) scheduleHealth(c, ctx.now, true);
        else c.healthFailing = true;
      }
      refreshNext(t);
      return { taskArn: t.arn };
    }
    case "clearHealthCheck":
      world.faults.unhealthyImages = world.faults.unhealthyImages.filter((i) => i !== input.image);
      return { faults: world.faults };
    case "drainInstance": {
      const i = instanceIn(world, input.cluster, input.containerInstance);
      i.status = "DRAINING";
      i.version++;
      return { containerInstance: instanceOut(world, i) };
    }
    case "loseInstance": {
      const i = instanceIn(world, input.cluster, input.containerInstance);
      loseInstance(world, ctx, i, `Host EC2 (instance ${i.ec2InstanceId}) terminated.`);
      return { containerInstance: instanceOut(world, i) };
    }
    case "interruptSpot": {
      // AWS takes Fargate Spot capacity back: the oldest running FARGATE_SPOT tasks get the
      // termination notice (SIGTERM, then stopped); a service's scheduler replaces them.
      const cluster = activeCluster(world, input.cluster);
      const service = input.service ? lastSegment(input.service) : undefined;
      const spot = Object.values(world.tasks)
        .filter((t) => t.clusterName === cluster.name && t.capacityProviderName === "FARGATE_SPOT" && t.lastStatus === "RUNNING" && t.desiredStatus === "RUNNING")
        .filter((t) => !service || t.group === `service:${service}`)
        .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0) || a.id.localeCompare(b.id))
        .slice(0, input.count);
      if (!spot.length) throw invalidParameter("No RUNNING FARGATE_SPOT task to interrupt.");
      for (const t of spot) stopTask(world, ctx, t, { stopCode: "TerminationNotice", reason: SPOT_INTERRUPTED });
      return { taskArns: spot.map((t) => t.arn) };
    }
    case "setSpotCapacity": {
      // One cluster, or (no cluster named) the whole Region; capacity back everywhere clears both.
      const scope = input.cluster ? activeCluster(world, input.cluster).name : "*";
      const rest = (world.faults.spotUnavailable ?? []).filter((c) => c !== scope && (input.cluster || input.available === false));
      const next = input.available ? rest : [...rest, scope];
      if (next.length) world.faults.spotUnavailable = next;
      else delete world.faults.spotUnavailable;
      return { faults: world.faults };
    }
    case "setHookOutcome":
      // What the AWS_LAMBDA lifecycle hooks calling this function answer from now on (no Lambda runs in the sandbox).
      world.hookOutcomes[input.hookTargetArn] = { outcome: input.outcome };
      return { hookTargetArn: input.hookTargetArn, outcome: input.outcome };
    case "status":
      return {
        now: world.now / 1000, tasks: Object.keys(world.tasks).length, services: Object.keys(world.services).length,
        instances: Object.keys(world.instances).length, faults: world.faults,
        loads: Object.values(peek(world).loads).sort((a, b) => a.seq - b.seq).map((l) => ({
          key: l.key, load: l.shape, since: l.since / 1000, rpsNow: loadAt(l.shape, l.since, world.now), cpuMsPerRequest: l.cpuMsPerRequest, memoryMiBPerRequest: l.memoryMiBPerRequest,
        })),
      };
    default:
      throw clientError("Unknown control action.");
  }
}

function refreshNext(t: World["tasks"][string]) {
  const at = nextContainerAt(t);
  if (at !== undefined) t.nextAt = Math.min(t.nextAt ?? Infinity, at);
}

/**
 * Sets (or with `load.kind` "off" removes) the simulated request rate of a service (cluster +
 * service) or of a target group (targetGroupArn), from now on.
 */
function setLoad(world: World, ctx: Ctx, input: Extract<Input, { action: "setLoad" }>) {
  if ((input.service === undefined) === (input.targetGroupArn === undefined)) throw clientError("setLoad needs either service (with cluster) or targetGroupArn.");
  let key: string;
  if (input.service !== undefined) {
    const cluster = activeCluster(world, input.cluster);
    const svc = peekService(world, cluster.name, input.service);
    if (!svc || svc.status !== "ACTIVE") throw serviceNotFound();
    key = serviceLoadKey(svc);
  } else {
    key = input.targetGroupArn ?? "";
    if (!Object.hasOwn(peek(world).targetGroups, key)) throw invalidParameter(`Target group '${key}' not found.`);
  }
  const { load } = input;
  if (load.kind === "off") {
    delete world.loads[key];
    return { key, load: null };
  }
  const had = own(world.loads, key);
  const stored: Load = { key, shape: load, since: ctx.now, cpuMsPerRequest: input.cpuMsPerRequest, memoryMiBPerRequest: input.memoryMiBPerRequest, seq: had?.seq ?? nextSeq(world) };
  setOwn(world.loads, key, stored);
  return { key, load: stored.shape, since: ctx.now / 1000, rpsNow: loadAt(load, ctx.now, ctx.now) };
}
