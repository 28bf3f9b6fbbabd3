import type { Design, LoadBalancerDesign } from "../../design";
import type { PathSegment } from "../../rules/types";
import { followListenerEdits } from "../load-balancers";
import { getAt, setAt } from "../paths";
import type { FieldSpec } from "./types";

// Setting a nested field creates its parent objects with the keys the schema requires, and
// clearing the last field of an object removes the object: ECS JSON omits empty blocks, and a
// half-made block (a network configuration without subnets) would not parse.

const REQUIRED_DEFAULTS: Record<string, Record<string, unknown>> = {
  awsvpcConfiguration: { subnets: [] },
  healthCheck: { command: [] },
  logConfiguration: { logDriver: "awslogs" },
  deploymentCircuitBreaker: { enable: false, rollback: false },
  deploymentController: { type: "ECS" },
  ephemeralStorage: { sizeInGiB: 21 },
  serviceConnectConfiguration: { enabled: true },
  defaultAction: { type: "forward" },
  action: { type: "forward" },
  fixedResponse: { statusCode: "404" },
  redirect: { statusCode: "HTTP_301" },
};

function isEmptyValue(v: unknown): boolean {
  if (v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v && typeof v === "object") return Object.values(v).every(isEmptyValue);
  return false;
}

/** Sets `value` at `base + rel`, creating parents with their required keys and pruning emptied parents. */
export function setNested(design: Design, base: readonly PathSegment[], rel: readonly PathSegment[], value: unknown): Design {
  let d = design;
  const empty = value === undefined || (Array.isArray(value) && value.length === 0);
  // A required key of a block that stays (the subnets of a network configuration that still has
  // security groups) keeps its empty value, so the design still parses and the validator says why.
  const required = rel.length >= 2 ? REQUIRED_DEFAULTS[String(rel[rel.length - 2])]?.[String(rel[rel.length - 1])] : undefined;
  const v = empty ? required : value;
  if (v !== undefined) {
    for (let k = 1; k < rel.length; k++) {
      const at = [...base, ...rel.slice(0, k)];
      if (getAt(d, at) === undefined) d = setAt(d, at, { ...(REQUIRED_DEFAULTS[String(rel[k - 1])] ?? {}) });
    }
  }
  d = setAt(d, [...base, ...rel], v);
  for (let k = rel.length - 1; k >= 1; k--) {
    const at = [...base, ...rel.slice(0, k)];
    const obj = getAt(d, at);
    if (obj !== undefined && typeof obj === "object" && !Array.isArray(obj) && isEmptyValue(obj)) d = setAt(d, at, undefined);
  }
  return d;
}

/** The value a spec shows for a resource. */
export function readField(spec: FieldSpec, resource: Record<string, unknown>): unknown {
  return spec.read ? spec.read(resource) : getAt(resource, spec.path);
}

/**
 * One form edit: the spec's own mapping when it has one, else a nested set at its path. An edit
 * of a load balancer's listeners carries services' listener rule refs along (a new port or priority).
 */
export function writeField(design: Design, base: readonly PathSegment[], spec: FieldSpec, value: unknown): Design {
  let next: Design;
  if (spec.write) {
    const resource = getAt(design, base) as Record<string, unknown>;
    next = setAt(design, base, spec.write(resource, value));
  } else {
    next = setNested(design, base, spec.path, value);
  }
  if (base.length < 2 || base[0] !== "loadBalancers") return next;
  // A listener's port or a rule's priority is edited inside the load balancer (base goes down to it).
  const lb = base.slice(0, 2);
  const before = getAt(design, lb) as LoadBalancerDesign | undefined;
  const after = getAt(next, lb) as LoadBalancerDesign | undefined;
  if (!before || !after) return next;
  const services = followListenerEdits(next.services, before, after);
  return services === next.services ? next : { ...next, services };
}

/**
 * Which rendered field a finding is about: the longest field path that the finding's path starts
 * with (a finding on `portMappings.0.hostPort` lands on that input, one on `healthCheck.command`
 * deep inside a field lands on the field).
 */
export function fieldForPath(findingPath: readonly PathSegment[], fieldPaths: readonly string[]): string | undefined {
  const key = findingPath.map(String);
  let best: string | undefined;
  let bestLen = -1;
  for (const p of fieldPaths) {
    const segs = p.split(".");
    if (segs.length > key.length || segs.length <= bestLen) continue;
    if (segs.every((s, i) => s === key[i])) { best = p; bestLen = segs.length; }
  }
  return best;
}

export const pathKey = (path: readonly PathSegment[]) => path.map(String).join(".");
