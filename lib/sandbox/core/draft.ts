import { setOwn } from "./maps";
import type { World } from "./types";

// Copy-on-write drafts of a world. The engine is pure (a request never changes the state it was
// given), but cloning a whole world per request costs more than the request itself once there
// are a thousand tasks. A draft instead copies only the world object and its maps
// (shallowly); each map is a Proxy that deep-copies an entity (task, service, …) the first time
// it is read *through the map*, so code that mutates what it looked up always mutates its own
// copy, and everything untouched stays shared with the base world.
//
// Read-only hot paths (the due-event scan, the scheduler's "nothing to do" check, Describe
// output, placement) use `peek`, which hands out the entities as they are — possibly the base's
// own objects, which must never be written.
//
// `finishDraft` turns a draft back into a plain world: copies that ended up equal to their base
// are replaced by the base object, and the world itself is the base when nothing changed, so
// callers can tell "changed" from "untouched" by identity.

type Entity = object;
type MapKey =
  | "clusters" | "taskDefinitions" | "services" | "tasks" | "instances" | "capacityProviders" | "autoScalingGroups"
  | "serviceDeployments" | "serviceRevisions" | "hookOutcomes"
  | "vpcs" | "subnets" | "securityGroups"
  | "loadBalancers" | "targetGroups" | "listeners" | "rules"
  | "roles"
  | "logGroups" | "logStreams"
  | "namespaces" | "discoveryServices" | "discoveryOperations"
  | "scalableTargets" | "scalingPolicies" | "scheduledActions" | "scalingActivities"
  | "scheduleGroups" | "schedules"
  | "metrics" | "alarms" | "loads";
/** Every entity map of a world: ECS's, EC2's, ELBv2's. */
export const MAPS: readonly MapKey[] = [
  "clusters", "taskDefinitions", "services", "tasks", "instances", "capacityProviders", "autoScalingGroups",
  "serviceDeployments", "serviceRevisions", "hookOutcomes",
  "vpcs", "subnets", "securityGroups",
  "loadBalancers", "targetGroups", "listeners", "rules",
  "roles",
  "logGroups", "logStreams",
  "namespaces", "discoveryServices", "discoveryOperations",
  "scalableTargets", "scalingPolicies", "scheduledActions", "scalingActivities",
  "scheduleGroups", "schedules",
  "metrics", "alarms", "loads",
];

type MapDraft = { target: Record<string, Entity>; touched: Set<string> };
type Side = { base: World; maps: Record<MapKey, MapDraft>; byService?: Map<string, string[]> };

const sides = new WeakMap<World, Side>();

/**
 * Sets an own data member. Names come from requests (a family or a cluster may be called
 * "__proto__" or "constructor"), so a member is never written through a setter or read from the
 * prototype.
 */

/** A deep copy of plain JSON-like data (keeps `undefined` members, as structuredClone did). */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const k in v) setOwn(out, k, clone((v as Record<string, unknown>)[k]));
  return out as T;
}

/** Structural equality of plain JSON-like data (a copy that was only read equals its base). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    if (k !== kb[i] || !deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function mapDraft(side: Side, key: MapKey, base: Record<string, Entity>): Record<string, Entity> {
  const d: MapDraft = { target: { ...base }, touched: new Set() };
  side.maps[key] = d;
  return new Proxy(d.target, {
    get(target, prop, receiver) {
      if (typeof prop !== "string") return Reflect.get(target, prop, receiver);
      // A map holds entities only: a name like "constructor" finds nothing, as in ECS.
      if (!Object.hasOwn(target, prop)) return undefined;
      if (!d.touched.has(prop)) {
        setOwn(target, prop, clone(target[prop]));
        d.touched.add(prop);
      }
      return target[prop];
    },
    set(target, prop, value) {
      if (typeof prop !== "string") return Reflect.set(target, prop, value);
      d.touched.add(prop);
      if (key === "tasks" && side.byService && !Object.hasOwn(target, prop)) indexTask(side.byService, prop, value);
      setOwn(target, prop, value);
      return true;
    },
    deleteProperty(target, prop) {
      if (typeof prop === "string") d.touched.delete(prop);
      return Reflect.deleteProperty(target, prop);
    },
  });
}

/** A draft of `base` to mutate freely; `base` itself is never written. */
export function draftWorld(base: World): World {
  const side = { base, maps: {} } as Side;
  const draft: World = { ...base, faults: {
    ...base.faults, pullFailures: [...base.faults.pullFailures], unhealthyImages: [...base.faults.unhealthyImages],
    ...(base.faults.spotUnavailable ? { spotUnavailable: [...base.faults.spotUnavailable] } : {}),
  } };
  for (const key of MAPS) (draft as Record<MapKey, unknown>)[key] = mapDraft(side, key, base[key] as Record<string, Entity>);
  sides.set(draft, side);
  return draft;
}

/** The world's maps for reading only: entities may be shared with the base and must not be written. */
export function peek(world: World): Pick<World, MapKey> {
  const side = sides.get(world);
  if (!side) return world;
  const out = {} as Record<MapKey, unknown>;
  for (const key of MAPS) out[key] = side.maps[key].target;
  return out as Pick<World, MapKey>;
}

function indexTask(index: Map<string, string[]>, arn: string, task: { serviceArn?: string }) {
  if (!task.serviceArn) return;
  const list = index.get(task.serviceArn);
  if (list) list.push(arn);
  else index.set(task.serviceArn, [arn]);
}

/**
 * ARNs of the tasks a service ever had in this draft (some may be gone: look them up), in
 * launch order — or undefined for a plain world (callers then scan). A task's service never
 * changes, and new tasks are added by the map's `set`, so the index stays right.
 */
export function serviceTaskArns(world: World, serviceArn: string): string[] | undefined {
  const side = sides.get(world);
  if (!side) return undefined;
  if (!side.byService) {
    side.byService = new Map();
    const tasks = side.maps.tasks.target as Record<string, { serviceArn?: string }>;
    for (const arn in tasks) indexTask(side.byService, arn, tasks[arn]);
  }
  return side.byService.get(serviceArn) ?? [];
}

function finishMap(d: MapDraft, base: Record<string, Entity>): Record<string, Entity> {
  const { target } = d;
  for (const k of d.touched) if (Object.hasOwn(base, k) && Object.hasOwn(target, k) && deepEqual(target[k], base[k])) setOwn(target, k, base[k]);
  const keys = Object.keys(target);
  if (keys.length !== Object.keys(base).length) return target;
  for (const k of keys) if (target[k] !== base[k]) return target;
  return base;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The plain world a draft describes, sharing everything unchanged with its base (the base itself if nothing changed). */
export function finishDraft(draft: World): World {
  const side = sides.get(draft);
  if (!side) return draft;
  sides.delete(draft);
  const { base } = side;
  const out: World = { ...draft };
  let same = true;
  for (const key of MAPS) {
    const m = finishMap(side.maps[key], base[key] as Record<string, Entity>);
    (out as Record<MapKey, unknown>)[key] = m;
    if (m !== base[key]) same = false;
  }
  const f = draft.faults;
  if (sameList(f.pullFailures, base.faults.pullFailures) && sameList(f.unhealthyImages, base.faults.unhealthyImages)
    && sameList(f.spotUnavailable ?? [], base.faults.spotUnavailable ?? [])) out.faults = base.faults;
  else same = false;
  for (const k of Object.keys(out) as (keyof World)[]) if (out[k] !== base[k]) same = false;
  if (Object.keys(out).length !== Object.keys(base).length) same = false;
  return same ? base : out;
}

/** True when two worlds differ at most in `now` (what every request moves). */
export function sameExceptNow(a: World, b: World): boolean {
  const ka = Object.keys(a) as (keyof World)[];
  return ka.length === Object.keys(b).length && ka.every((k) => k === "now" || a[k] === b[k]);
}
