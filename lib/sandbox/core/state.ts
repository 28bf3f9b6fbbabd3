import { MAPS, sameExceptNow } from "./draft";
import type { SandboxConfig, SandboxState, World } from "./types";

// A sandbox's state: one world per region, all on one simulated clock. Every function here is
// pure: a new state shares what did not change with the one it came from.

/** The sandbox's fixed account id: every ARN it mints names this account. */
export const SANDBOX_ACCOUNT = "000000000000";

/** The region of a request whose SigV4 scope names none (and of control calls that name none). */
export const DEFAULT_REGION = "us-east-1";

const DEFAULT_CONFIG: SandboxConfig = {
  delays: { provisioning: 1000, pending: 3000, activating: 1000, deactivating: 1000, stopping: 2000, deprovisioning: 1000 },
  stoppedTaskRetention: 60 * 60 * 1000,
  maxEventsPerAdvance: 20_000,
};

export function initialState(realNow: number, seed = 1, config: SandboxConfig = DEFAULT_CONFIG): SandboxState {
  return { version: 1, seed, clock: { speed: 1, realAnchor: realNow, simAnchor: realNow }, config, worlds: {} };
}

function emptyWorld(region: string, seed: number, now: number): World {
  return {
    region, account: SANDBOX_ACCOUNT, now, seq: 0, rng: seed | 0,
    clusters: {}, taskDefinitions: {}, services: {}, tasks: {}, instances: {}, capacityProviders: {}, autoScalingGroups: {},
    serviceDeployments: {}, serviceRevisions: {}, hookOutcomes: {},
    faults: { pullFailures: [], unhealthyImages: [] },
    vpcs: {}, subnets: {}, securityGroups: {},
    loadBalancers: {}, targetGroups: {}, listeners: {}, rules: {},
    roles: {},
    logGroups: {}, logStreams: {},
    namespaces: {}, discoveryServices: {}, discoveryOperations: {},
    scalableTargets: {}, scalingPolicies: {}, scheduledActions: {}, scalingActivities: {},
    scheduleGroups: {}, schedules: {},
    metrics: {}, alarms: {}, loads: {},
  };
}

/**
 * `world` with every entity map present: a world stored before a service existed lacks that
 * service's maps (the stored state is the same JSON shape, only shorter), so they are added,
 * empty, as it is read. The world itself when nothing is missing.
 */
export function completeWorld(world: World): World {
  if (MAPS.every((key) => world[key] !== undefined)) return world;
  const out = { ...world } as Record<string, unknown>;
  for (const key of MAPS) out[key] ??= {};
  return out as World;
}

function regionSeed(seed: number, region: string) {
  let h = seed | 0;
  for (const ch of region) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h;
}

/** A region's world, created on first use (a new, empty world for a region never seen). */
export function baseWorld(state: SandboxState, region: string, now: number): World {
  // Own worlds only: a region named like an Object.prototype member ("constructor") is a new one.
  const world = Object.hasOwn(state.worlds, region) ? state.worlds[region] : undefined;
  return world ? completeWorld(world) : emptyWorld(region, regionSeed(state.seed, region), now);
}

/** `state` with `world` as its region's world (`state` itself when that changes nothing). */
export function withWorld(state: SandboxState, region: string, world: World): SandboxState {
  const before = Object.hasOwn(state.worlds, region) ? state.worlds[region] : undefined;
  if (before === world) return state;
  const next = { ...state, worlds: { ...state.worlds, [region]: world } };
  successors.set(next, { from: state, onlyNow: before !== undefined && sameExceptNow(before, world) });
  return next;
}

/**
 * What the engine knows about the states it derives: from which state, and whether only worlds'
 * `now` moved. A side table (not part of the state) so that stores can skip computing
 * fingerprints; states not in it (read from a database, say) fall back to the fingerprint.
 */
const successors = new WeakMap<SandboxState, { from: SandboxState; onlyNow: boolean }>();

/** Whether `to` differs from `from` beyond the worlds' `now`; undefined when the engine cannot tell. */
export function changedSince(from: SandboxState, to: SandboxState): boolean | undefined {
  if (from === to) return false;
  const s = successors.get(to);
  return s && s.from === from ? !s.onlyNow : undefined;
}
