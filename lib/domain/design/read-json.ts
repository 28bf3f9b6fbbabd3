import { formatPath } from "./path";
import type { DesignIssue } from "./parse";

// How everything reads ECS JSON (imports, the CLI, stored designs, the sandbox's endpoint):
//
// - `null` means "not set". The AWS SDK for JavaScript v3 leaves null structure members, and
//   null items of (non-sparse) lists and maps, out of the request it sends; ECS has no sparse
//   lists or maps. `describe-task-definition` and the ECS console print unset fields as null
//   ("ulimits": null), so nulls are dropped here, at any depth, and a round trip never writes
//   one back.
// - Nesting is bounded. ECS JSON nests about ten levels deep; a document nested deeper than
//   MAX_JSON_DEPTH is refused, so no later walk can run out of stack, and a value that contains
//   itself (YAML aliases can build one) is refused as too deep rather than walked for ever.

/** The deepest nesting of objects and arrays read (ECS's own inputs nest about ten levels). */
export const MAX_JSON_DEPTH = 100;

/** How many dropped places a result names; `count` says how many there were in all. */
export const NAMED_NULLS = 20;

/** The nulls a document held. */
export type DroppedNulls = {
  count: number;
  /** The first NAMED_NULLS places, as `containerDefinitions[0].ulimits` (array items by their original index). */
  dropped: string[];
};

export type ReadJsonResult<T = unknown> =
  | ({ ok: true; value: T } & DroppedNulls)
  | { ok: false; issues: DesignIssue[] };

type Container = unknown[] | Record<string, unknown>;
const isContainer = (v: unknown): v is Container => typeof v === "object" && v !== null;

const CLEAN = 0, HAS_NULL = 1, TOO_DEEP = 2;

function scanChild(child: unknown, depth: number): number {
  if (child === null) return HAS_NULL;
  return typeof child === "object" ? scan(child as Container, depth) : CLEAN;
}

/** One allocation-free pass: whether `v` nests deeper than MAX_JSON_DEPTH, else whether it holds a null. */
function scan(v: Container, depth: number): number {
  if (depth > MAX_JSON_DEPTH) return TOO_DEEP;
  let found = CLEAN;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && found !== TOO_DEEP; i++) found = Math.max(found, scanChild(v[i], depth + 1));
  } else {
    for (const k in v) {
      if (found === TOO_DEEP) break;
      if (Object.hasOwn(v, k)) found = Math.max(found, scanChild(v[k], depth + 1));
    }
  }
  return found;
}

/** Where `v` first contains itself, or else first nests deeper than MAX_JSON_DEPTH. */
function deepPath(v: unknown, depth: number, open: Set<object>): { path: (string | number)[]; loop: boolean } | undefined {
  if (!isContainer(v)) return undefined;
  if (depth > MAX_JSON_DEPTH) return { path: [], loop: false };
  open.add(v);
  for (const [k, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
    if (isContainer(child) && open.has(child)) return { path: [k], loop: true };
    const at = deepPath(child, depth + 1, open);
    if (at) return { ...at, path: [k, ...at.path] };
  }
  open.delete(v);
  return undefined;
}

/** `v` without nulls; the same object when it held none. Only called on bounded depth. */
function dropNulls(v: unknown, path: (string | number)[], out: DroppedNulls): unknown {
  if (!isContainer(v)) return v;
  const drop = (k: string | number) => {
    if (out.count++ < NAMED_NULLS) out.dropped.push(formatPath([...path, k]));
  };
  if (Array.isArray(v)) {
    let changed = false;
    const items: unknown[] = [];
    v.forEach((item, i) => {
      if (item === null) { drop(i); changed = true; return; }
      const cleaned = dropNulls(item, [...path, i], out);
      if (cleaned !== item) changed = true;
      items.push(cleaned);
    });
    return changed ? items : v;
  }
  let changed = false;
  const obj: Record<string, unknown> = {};
  for (const [k, child] of Object.entries(v)) {
    if (child === null) { drop(k); changed = true; continue; }
    const cleaned = dropNulls(child, [...path, k], out);
    if (cleaned !== child) changed = true;
    // A "__proto__" member (JSON.parse makes one) stays a member; assigning it would set the prototype.
    if (k === "__proto__") Object.defineProperty(obj, k, { value: cleaned, enumerable: true, writable: true, configurable: true });
    else obj[k] = cleaned;
  }
  return changed ? obj : v;
}

/**
 * A parsed ECS JSON (or YAML) value as Stevedore reads it: refused when nested deeper than
 * MAX_JSON_DEPTH (naming where), else without its nulls (naming the first places). What holds
 * no null is returned as is, the very same object. Never throws.
 */
export function readEcsJson<T = unknown>(value: T, prefix = ""): ReadJsonResult<T> {
  const found = isContainer(value) ? scan(value, 1) : CLEAN;
  if (found === TOO_DEEP) return { ok: false, issues: tooDeepIssues(value, prefix) };
  const nulls: DroppedNulls = { count: 0, dropped: [] };
  const cleaned = found === HAS_NULL ? (dropNulls(value, [], nulls) as T) : value;
  return { ok: true, value: cleaned, ...nulls };
}

/** Why `value` cannot be read when it nests deeper than MAX_JSON_DEPTH (naming where), else none. For inputs whose nulls mean something else (Compose). */
export function depthIssues(value: unknown, prefix = ""): DesignIssue[] {
  return isContainer(value) && scan(value, 1) === TOO_DEEP ? tooDeepIssues(value, prefix) : [];
}

function tooDeepIssues(value: unknown, prefix: string): DesignIssue[] {
  const at = deepPath(value, 1, new Set()) ?? { path: [], loop: false };
  const path = formatPath(at.path);
  return [{
    path: prefix ? (path === "(document)" ? prefix : `${prefix}.${path}`) : path,
    message: at.loop
      ? "This value contains itself (a YAML alias inside its own anchor); ECS JSON cannot hold it"
      : `The document nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep; ECS JSON nests about ten`,
  }];
}
