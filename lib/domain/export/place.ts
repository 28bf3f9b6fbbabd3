import { concretePath, setFields, type Field } from "./fields";
import { isNot, MAPPING, type Entry, type Format, type Target } from "./mapping";

// Puts a design resource's set fields where the mapping says, in one format's names: one tree
// per target resource type (a cluster becomes aws_ecs_cluster and
// aws_ecs_cluster_capacity_providers), `[]` segments repeated per item. What the mapping says
// the format cannot hold, and keys the design model does not know, become Unexpressed notes.

/** A design field an export could not express, and why. */
export type Unexpressed = { resource: string; path: string; why: string };
export type Tree = { [key: string]: unknown };

/** A value placed whole (an attribute, even when it is an object or a list). */
export class Leaf {
  constructor(readonly value: unknown) {}
}

/** What a converter returns to leave a field out with a reason. */
export class Skip {
  constructor(readonly why?: string) {}
}

export const UNKNOWN_KEY = "a key Stevedore's design model does not know (kept in the design file, not exported)";

export type PlaceOptions = {
  format: Format;
  /** Names the resource in notes: `service "web"`. */
  resource: string;
  /** Mapping paths whose value is taken whole (its own entry's target gets it). */
  stop?: (path: string) => boolean;
  /** The value to place for a field (default: the field's value), or a Skip. */
  convert?: (f: Field, target: string) => unknown;
};

function targetOf(entry: Entry, format: Format): Target {
  return format === "terraform" ? entry.terraform : entry.cloudformation;
}

/** Splits `aws_ecs_service.load_balancer[].container_name` into type and segments. */
function split(target: string): { type: string; segments: string[] } {
  const dot = target.indexOf(".");
  return dot < 0 ? { type: target, segments: [] } : { type: target.slice(0, dot), segments: target.slice(dot + 1).split(".") };
}

export function placeValue(tree: Tree, segments: string[], indices: number[], value: unknown): void {
  let node: Tree = tree;
  let k = 0;
  const step = (seg: string): Tree => {
    if (seg.endsWith("[0]")) {
      const name = seg.slice(0, -3);
      const list = (Array.isArray(node[name]) ? node[name] : (node[name] = [])) as Tree[];
      return (list[0] ??= {});
    }
    if (seg.endsWith("[]")) {
      const name = seg.slice(0, -2);
      const list = (Array.isArray(node[name]) ? node[name] : (node[name] = [])) as Tree[];
      const i = indices[k++] ?? 0;
      return (list[i] ??= {});
    }
    const next = node[seg];
    if (typeof next === "object" && next !== null && !Array.isArray(next) && !(next instanceof Leaf)) return next as Tree;
    return (node[seg] = {}) as Tree;
  };
  for (const seg of segments.slice(0, -1)) node = step(seg);
  const last = segments[segments.length - 1];
  if (last.endsWith("[]") || last.endsWith("[0]")) Object.assign(step(last), value as Tree);
  else node[last] = value;
}

/** Places `value` (found at mapping path `root`) into `trees`; returns what could not be expressed. */
export function placeResource(trees: Map<string, Tree>, root: string, value: unknown, opts: PlaceOptions): Unexpressed[] {
  const { known, unknown } = setFields(root, value, opts.stop);
  const out: Unexpressed[] = unknown.map((f) => ({ resource: opts.resource, path: concretePath(f, root), why: UNKNOWN_KEY }));
  for (const f of known) {
    if (MAPPING[f.path].designOnly) continue;
    const target = targetOf(MAPPING[f.path], opts.format);
    if (isNot(target)) {
      out.push({ resource: opts.resource, path: concretePath(f, root), why: target.not });
      continue;
    }
    const v = opts.convert ? opts.convert(f, target) : f.value;
    if (v instanceof Skip) {
      if (v.why) out.push({ resource: opts.resource, path: concretePath(f, root), why: v.why });
      continue;
    }
    const { type, segments } = split(target);
    if (!trees.has(type)) trees.set(type, {});
    if (segments.length === 0) Object.assign(trees.get(type)!, v as Tree);
    else placeValue(trees.get(type)!, segments, f.indices, v);
  }
  return out;
}

/** Every set field of a resource the export leaves alone (an existing target group or load balancer), each with `why`. */
export function allUnexpressed(root: string, value: unknown, resource: string, why: string): Unexpressed[] {
  const { known, unknown } = setFields(root, value);
  return [...known.filter((f) => !MAPPING[f.path].designOnly), ...unknown].map((f) => ({ resource, path: concretePath(f, root), why }));
}

/** Arrays with holes (items that set nothing) closed up, at every depth. */
export function compact(v: unknown): unknown {
  if (v instanceof Leaf) return v;
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
  if (typeof v === "object" && v !== null && v.constructor === Object) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
  }
  return v;
}

/** A name usable as a Terraform label or CloudFormation logical id, unique within `taken`. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${base.endsWith("_") ? "" : "_"}${i}`;
  taken.add(name);
  return name;
}
