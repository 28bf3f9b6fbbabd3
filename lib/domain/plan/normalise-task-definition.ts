import { TASK_DEFINITION_READ_ONLY_KEYS } from "../ecs-json";
import { HEALTH_CHECK_LIMITS, networkModeOf } from "../ecs-facts/task-definition";
import { parseTaskCpu, parseTaskMemory } from "../ecs-facts/task-size";
import { isObject, prune } from "./values";

type Json = Record<string, unknown>;

// What DescribeTaskDefinition adds to what RegisterTaskDefinition was given, so that a design
// and the revision registered from it compare equal. Applied to both sides, so a design that
// spells a default out (essential: true, protocol: "tcp") compares equal too.

const HEALTH_CHECK_DEFAULTS = {
  interval: HEALTH_CHECK_LIMITS.interval.default, timeout: HEALTH_CHECK_LIMITS.timeout.default, retries: HEALTH_CHECK_LIMITS.retries.default,
};

/** "1 vCPU" → "1024", "0.5 GB" → "512": ECS answers task cpu and memory in units/MiB. */
function units(v: unknown, parse: (value: string) => number | undefined): unknown {
  if (typeof v !== "string") return typeof v === "number" ? String(v) : v;
  const n = parse(v);
  return n === undefined ? v.trim() : String(n);
}

function normaliseContainer(c: Json, networkMode: string): Json {
  const out: Json = { ...c, essential: c.essential ?? true };
  if (out.cpu === 0) delete out.cpu;
  if (Array.isArray(c.portMappings)) {
    out.portMappings = c.portMappings.map((raw) => {
      const pm: Json = { ...(raw as Json), protocol: (raw as Json).protocol ?? "tcp" };
      // awsvpc and host mode publish the container port itself; bridge mode's 0 means "dynamic", as does leaving it out.
      if ((networkMode === "awsvpc" || networkMode === "host") && pm.hostPort === undefined && pm.containerPort !== undefined) pm.hostPort = pm.containerPort;
      if (networkMode === "bridge" && pm.hostPort === 0) delete pm.hostPort;
      return pm;
    });
  }
  // Order of environment variables and secrets has no meaning; ECS may answer them in another order.
  for (const key of ["environment", "secrets"] as const) {
    if (Array.isArray(c[key])) out[key] = [...(c[key] as Json[])].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  }
  if (isObject(c.healthCheck)) out.healthCheck = { ...HEALTH_CHECK_DEFAULTS, ...c.healthCheck };
  return out;
}

/**
 * A task definition reduced to what RegisterTaskDefinition means by it: no read-only keys, no
 * tags (compared apart: they do not need a new revision), defaults filled in, empties dropped.
 * Takes a RegisterTaskDefinition input or a DescribeTaskDefinition `taskDefinition`.
 */
export function normaliseTaskDefinition(raw: Json): Json {
  const td: Json = structuredClone(raw);
  for (const key of [...TASK_DEFINITION_READ_ONLY_KEYS, "tags", "id"]) delete td[key];
  const networkMode = networkModeOf({
    networkMode: typeof td.networkMode === "string" ? td.networkMode : undefined,
    requiresCompatibilities: Array.isArray(td.requiresCompatibilities) ? td.requiresCompatibilities.map(String) : undefined,
  });
  td.networkMode = networkMode;
  if (td.cpu !== undefined) td.cpu = units(td.cpu, parseTaskCpu);
  if (td.memory !== undefined) td.memory = units(td.memory, parseTaskMemory);
  if (td.enableFaultInjection === false) delete td.enableFaultInjection;
  if (Array.isArray(td.requiresCompatibilities)) td.requiresCompatibilities = [...td.requiresCompatibilities].sort();
  if (Array.isArray(td.containerDefinitions)) {
    td.containerDefinitions = (td.containerDefinitions as Json[]).map((c) => normaliseContainer(c, networkMode));
  }
  return prune(td) as Json;
}
