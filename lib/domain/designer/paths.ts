import type { Design } from "../design";
import type { Edit, PathSegment } from "../rules/types";

// Immutable get/set by path with structural sharing: only the objects on the path are copied,
// so every untouched resource keeps its identity and the validator's per-object cache hits.

export function getAt(root: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Sets `value` at `path`; `undefined` removes the key (or the array element). Missing parents are created. */
export function setAt<T>(root: T, path: readonly PathSegment[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const base = (root ?? (typeof head === "number" ? [] : {})) as Record<string | number, unknown> | unknown[];
  const current = (base as Record<string | number, unknown>)[head];
  if (rest.length === 0 && current === value && (value !== undefined || !(head in (base as object)))) return root;
  const next = rest.length === 0 ? value : setAt(current, rest, value);
  if (rest.length > 0 && next === current) return root;
  if (Array.isArray(base)) {
    const copy = base.slice();
    if (next === undefined && typeof head === "number") copy.splice(head, 1);
    else copy[head as number] = next;
    return copy as T;
  }
  const copy = { ...(base as Record<string, unknown>) };
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy as T;
}

/** Applies a finding's fix edits (absolute paths from the design root), in order. */
export function applyEdits(design: Design, edits: readonly Edit[]): Design {
  return edits.reduce<Design>((d, e) => setAt(d, e.path, e.value), design);
}

/** One field edit from a form: same semantics as a fix edit. */
export function setField(design: Design, path: readonly PathSegment[], value: unknown): Design {
  return setAt(design, path, value);
}

/** `list.map(f)`, but the same array when `f` returned every element unchanged. */
export function mapShared<T>(list: T[], f: (x: T, i: number) => T): T[] {
  let out: T[] | undefined;
  list.forEach((x, i) => {
    const y = f(x, i);
    if (y !== x && !out) out = list.slice(0, i);
    if (out) out.push(y);
  });
  return out ?? list;
}
