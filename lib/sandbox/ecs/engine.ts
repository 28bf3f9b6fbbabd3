import * as clusters from "./clusters";
import * as instances from "./container-instances";
import { simNow } from "../core/clock";
import { EcsError } from "../core/errors";
import { tickTask } from "./lifecycle";
import { reconcileAll, recordFailure } from "./scheduler";
import * as services from "./services";
import * as tags from "./tags";
import * as taskDefinitions from "./task-definitions";
import * as tasks from "./tasks";
import type { Ctx, SandboxConfig, SandboxState, World } from "../core/types";
import { DEFAULT_CONFIG, emptyWorld } from "./lookups";
import { draftWorld, finishDraft, peek, sameExceptNow } from "../core/draft";
import { noteSuccessor } from "../store";

// The pure engine: (state, request, time) → (state, answer). Before each request the world is
// advanced to "now" by processing due task transitions in time order, reconciling services
// after each instant; then the operation runs on a draft, and the scheduler reacts to it.
// Drafts are copy-on-write (draft.ts): a request copies only what it touches, and a request
// that changes nothing hands back the very state it was given.

type Operation = (world: World, input: unknown, ctx: Ctx) => unknown;

export const OPERATIONS: Record<string, Operation> = {
  CreateCluster: clusters.createCluster,
  DescribeClusters: clusters.describeClusters,
  ListClusters: clusters.listClusters,
  DeleteCluster: clusters.deleteCluster,
  UpdateCluster: clusters.updateCluster,
  PutClusterCapacityProviders: clusters.putClusterCapacityProviders,
  RegisterTaskDefinition: taskDefinitions.registerTaskDefinition,
  DescribeTaskDefinition: taskDefinitions.describeTaskDefinition,
  ListTaskDefinitions: taskDefinitions.listTaskDefinitions,
  ListTaskDefinitionFamilies: taskDefinitions.listTaskDefinitionFamilies,
  DeregisterTaskDefinition: taskDefinitions.deregisterTaskDefinition,
  CreateService: services.createService,
  UpdateService: services.updateService,
  DeleteService: services.deleteService,
  DescribeServices: services.describeServices,
  ListServices: services.listServices,
  RunTask: tasks.runTask,
  StopTask: tasks.stopTaskOp,
  DescribeTasks: tasks.describeTasks,
  ListTasks: tasks.listTasks,
  RegisterContainerInstance: instances.registerContainerInstance,
  DeregisterContainerInstance: instances.deregisterContainerInstance,
  DescribeContainerInstances: instances.describeContainerInstances,
  ListContainerInstances: instances.listContainerInstances,
  UpdateContainerInstancesState: instances.updateContainerInstancesState,
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  ListTagsForResource: tags.listTagsForResource,
};

export function initialState(realNow: number, seed = 1, config: SandboxConfig = DEFAULT_CONFIG): SandboxState {
  return { version: 1, seed, clock: { speed: 1, realAnchor: realNow, simAnchor: realNow }, config, worlds: {} };
}

function regionSeed(seed: number, region: string) {
  let h = seed | 0;
  for (const ch of region) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h;
}

/** A region's world, created on first use (a new, empty world for a region never seen). */
export function baseWorld(state: SandboxState, region: string, now: number): World {
  return state.worlds[region] ?? emptyWorld(region, regionSeed(state.seed, region), now);
}

/** Processes every due transition up to `to`, in time order (mutates the draft). */
export function advanceWorld(world: World, config: SandboxConfig, to: number) {
  let processed = 0;
  for (;;) {
    // A read-only scan (peek): only the tasks that fall due get copied into the draft.
    const all = Object.values(peek(world).tasks);
    let next = Infinity;
    for (const t of all) if (t.nextAt !== undefined && t.nextAt < next) next = t.nextAt;
    if (next > to || processed >= config.maxEventsPerAdvance) break;
    world.now = Math.max(world.now, next);
    const ctx: Ctx = { now: world.now, config };
    const due = all.filter((t) => t.nextAt !== undefined && t.nextAt <= next).sort((a, b) => a.seq - b.seq);
    for (const d of due) {
      const t = world.tasks[d.arn];
      if (t) tickTask(world, ctx, t, (x) => recordFailure(world, x));
    }
    processed += due.length;
    reconcileAll(world, ctx);
    purge(world, ctx);
  }
  world.now = Math.max(world.now, to);
  reconcileAll(world, { now: world.now, config });
}

/** `world` advanced to `to`, as a new world sharing what did not change (`world` itself when nothing did). */
export function advancedWorld(world: World, config: SandboxConfig, to: number): World {
  const draft = draftWorld(world);
  advanceWorld(draft, config, to);
  return finishDraft(draft);
}

/** Deleted services are forgotten an hour after they became INACTIVE, like STOPPED tasks. */
function purge(world: World, ctx: Ctx) {
  for (const s of Object.values(peek(world).services)) {
    if (s.status === "INACTIVE" && s.inactiveAt !== undefined && ctx.now - s.inactiveAt > ctx.config.stoppedTaskRetention) {
      delete world.services[s.arn];
    }
  }
}

/**
 * Runs `operation` on a draft of `world` and reconciles; on an EcsError the world stays as it
 * was (the draft is dropped), as ECS leaves nothing half-done behind a failed call.
 */
export function runOnWorld(world: World, config: SandboxConfig, operation: (draft: World, ctx: Ctx) => unknown): { world: World; output?: unknown; error?: EcsError } {
  const draft = draftWorld(world);
  const ctx: Ctx = { now: draft.now, config };
  try {
    const output = operation(draft, ctx);
    reconcileAll(draft, ctx);
    return { world: finishDraft(draft), output };
  } catch (e) {
    if (e instanceof EcsError) return { world, error: e };
    throw e;
  }
}

/** `state` with `world` as its region's world (`state` itself when that changes nothing). */
export function withWorld(state: SandboxState, region: string, world: World): SandboxState {
  if (state.worlds[region] === world) return state;
  const next = { ...state, worlds: { ...state.worlds, [region]: world } };
  const before = state.worlds[region];
  noteSuccessor(state, next, before !== undefined && sameExceptNow(before, world));
  return next;
}

export type EngineResult = { state: SandboxState; output?: unknown; error?: EcsError };

export function handleOperation(state: SandboxState, req: { region: string; op: string; input: unknown; realNow: number }): EngineResult {
  const operation = Object.hasOwn(OPERATIONS, req.op) ? OPERATIONS[req.op] : undefined;
  if (!operation) {
    return { state, error: new EcsError("UnknownOperationException", `Unknown operation ${req.op}`) };
  }
  const now = simNow(state.clock, req.realNow);
  const advanced = advancedWorld(baseWorld(state, req.region, now), state.config, now);
  const r = runOnWorld(advanced, state.config, (draft, ctx) => operation(draft, req.input, ctx));
  return { state: withWorld(state, req.region, r.world), output: r.output, error: r.error };
}
