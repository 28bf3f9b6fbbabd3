import { MAPPING } from "./mapping";

// The fields a design resource sets, by mapping path, with their values: what the exporters
// place and what they must account for. A key the mapping does not know (the design's loose
// objects keep unknown ECS keys) is reported apart, so the exporter lists it as not expressed.

export type Field = { path: string; indices: number[]; value: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const PREFIXES = new Set<string>();
for (const key of Object.keys(MAPPING)) {
  for (let i = key.indexOf("."); i >= 0; i = key.indexOf(".", i + 1)) PREFIXES.add(key.slice(0, i));
}
/** True when the mapping has entries below `path` (so its value is walked, not taken whole). */
const hasChildren = (path: string) => PREFIXES.has(path);

/**
 * The set fields of `value` found at mapping path `root` (e.g. `service`, or
 * `loadBalancer.listeners[]` for one listener). `stop` makes a path a leaf taken whole.
 */
export function setFields(root: string, value: unknown, stop: (path: string) => boolean = () => false): { known: Field[]; unknown: Field[] } {
  const known: Field[] = [];
  const unknown: Field[] = [];
  const walk = (path: string, v: unknown, indices: number[]) => {
    if (v === undefined || v === null) return;
    if (!stop(path) && Array.isArray(v) && hasChildren(`${path}[]`)) {
      v.forEach((item, i) => walkItem(`${path}[]`, item, [...indices, i]));
      return;
    }
    if (!stop(path) && isObject(v) && hasChildren(path)) {
      walkItem(path, v, indices);
      return;
    }
    known.push({ path, indices, value: v });
  };
  const walkItem = (path: string, v: unknown, indices: number[]) => {
    if (!isObject(v)) {
      if (v !== undefined && v !== null) known.push({ path, indices, value: v });
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || x === null) continue;
      const child = `${path}.${k}`;
      if (MAPPING[child]) walk(child, x, indices);
      else unknown.push({ path: child, indices, value: x });
    }
  };
  walkItem(root, value, []);
  return { known, unknown };
}

/** `service.b[].c` with indices [2] → `b[2].c`: a field's place in its resource (below `root`), for notes. */
export function concretePath(f: Field, root: string): string {
  let i = 0;
  return f.path.slice(root.length + 1).replace(/\[\]/g, () => `[${f.indices[i++] ?? ""}]`);
}

/** Sets a value at design path segments below `target` (`a[].b`: item indices[k] of a), making what is missing: the importers' inverse of setFields. */
export function putField(target: Record<string, unknown>, segs: string[], indices: number[], value: unknown) {
  let node = target;
  let k = 0;
  segs.forEach((seg, n) => {
    const last = n === segs.length - 1;
    if (seg.endsWith("[]")) {
      const name = seg.slice(0, -2);
      const list = (node[name] ??= []) as Record<string, unknown>[];
      const i = indices[k++] ?? 0;
      if (last) { (list as unknown[])[i] = value; return; }
      node = (list[i] ??= {});
    } else if (last) node[seg] = value;
    else node = (node[seg] ??= {}) as Record<string, unknown>;
  });
}
