import * as clusters from "./clusters";
import * as instances from "./container-instances";
import { simNow } from "./clock";
import { EcsError } from "./errors";
import { tickTask } from "./lifecycle";
import { reconcileAll, recordFailure } from "./scheduler";
import * as services from "./services";
import * as tags from "./tags";
import * as taskDefinitions from "./task-definitions";
import * as tasks from "./tasks";
import type { Ctx, SandboxConfig, SandboxState, World } from "./types";
import { DEFAULT_CONFIG, emptyWorld } from "./world";

// The pure engine: (state, request, time) → (state, answer). Before each request the world is
// advanced to "now" by processing due task transitions in time order, reconciling services
// after each instant; then the operation runs on a draft, and the scheduler reacts to it.

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

/** The draft world of a region, created on first use. */
export function worldOf(state: SandboxState, region: string, now: number): World {
  return (state.worlds[region] ??= emptyWorld(region, regionSeed(state.seed, region), now));
}

/** Processes every due transition up to `to`, in time order (mutates the draft). */
export function advanceWorld(world: World, config: SandboxConfig, to: number) {
  let processed = 0;
  for (;;) {
    let next = Infinity;
    for (const t of Object.values(world.tasks)) if (t.nextAt !== undefined && t.nextAt < next) next = t.nextAt;
    if (next > to || processed >= config.maxEventsPerAdvance) break;
    world.now = Math.max(world.now, next);
    const ctx: Ctx = { now: world.now, config };
    const due = Object.values(world.tasks).filter((t) => t.nextAt !== undefined && t.nextAt <= next).sort((a, b) => a.seq - b.seq);
    for (const t of due) tickTask(world, ctx, t, (x) => recordFailure(world, x));
    processed += due.length;
    reconcileAll(world, ctx);
    purge(world, ctx);
  }
  world.now = Math.max(world.now, to);
  reconcileAll(world, { now: world.now, config });
}

/** Deleted services are forgotten an hour after they became INACTIVE, like STOPPED tasks. */
function purge(world: World, ctx: Ctx) {
  for (const s of Object.values(world.services)) {
    if (s.status === "INACTIVE" && s.inactiveAt !== undefined && ctx.now - s.inactiveAt > ctx.config.stoppedTaskRetention) {
      delete world.services[s.arn];
    }
  }
}

export type EngineResult = { state: SandboxState; output?: unknown; error?: EcsError };

export function handleOperation(state: SandboxState, req: { region: string; op: string; input: unknown; realNow: number }): EngineResult {
  const operation = Object.hasOwn(OPERATIONS, req.op) ? OPERATIONS[req.op] : undefined;
  if (!operation) {
    return { state, error: new EcsError("UnknownOperationException", `Unknown operation ${req.op}`) };
  }
  const next: SandboxState = structuredClone(state);
  const now = simNow(next.clock, req.realNow);
  const advanced = worldOf(next, req.region, now);
  advanceWorld(advanced, next.config, now);
  const draft = structuredClone(advanced);
  const ctx: Ctx = { now: draft.now, config: next.config };
  try {
    const output = operation(draft, req.input, ctx);
    reconcileAll(draft, ctx);
    next.worlds[req.region] = draft;
    return { state: next, output };
  } catch (e) {
    if (e instanceof EcsError) return { state: next, error: e };
    throw e;
  }
}
