import type { Design } from "../design";
import type { ResourceKind } from "../rules/types";

// What changed between two versions of a design, resource by resource: added, removed, and
// changed with the field paths that differ. Canvas positions (layout) are not resources and are
// reported apart, as a count. Pure, for the Revisions preview on the design page.

/** What the UI calls each kind of resource, as a heading. */
export const RESOURCE_KIND_LABEL: Record<ResourceKind, string> = {
  cluster: "Cluster", taskDefinition: "Task definition", service: "Service", loadBalancer: "Load balancer", targetGroup: "Target group",
  capacityProvider: "Capacity provider", scheduledTask: "Scheduled task",
};

export type ResourceRef = { kind: ResourceKind; id: string; name: string };
export type ResourceChange = ResourceRef & { paths: string[] };

export type DesignDiff = {
  added: ResourceRef[];
  removed: ResourceRef[];
  changed: ResourceChange[];
  /** Resources (and containers) whose canvas position or size differs. */
  layoutChanged: number;
};

type AnyRecord = Record<string, unknown>;

const COLLECTIONS: { kind: ResourceKind; key: "clusters" | "taskDefinitions" | "services" | "targetGroups" | "loadBalancers" | "capacityProviders" | "scheduledTasks"; name: (r: AnyRecord) => string }[] = [
  { kind: "cluster", key: "clusters", name: (r) => String(r.clusterName ?? r.id) },
  { kind: "taskDefinition", key: "taskDefinitions", name: (r) => String(r.family ?? r.id) },
  { kind: "service", key: "services", name: (r) => String(r.serviceName ?? r.id) },
  { kind: "loadBalancer", key: "loadBalancers", name: (r) => String(r.name ?? r.id) },
  { kind: "targetGroup", key: "targetGroups", name: (r) => String(r.name ?? r.id) },
  { kind: "capacityProvider", key: "capacityProviders", name: (r) => String(r.name ?? r.id) },
  { kind: "scheduledTask", key: "scheduledTasks", name: (r) => String(r.name ?? r.id) },
];

/** Arrays of named things are compared by name (so a reorder or an insert does not change every index). */
const KEYED_ARRAYS: Record<string, string> = { containerDefinitions: "name", environment: "name", secrets: "name", volumes: "name" };

/** Changes going from `from` (e.g. an earlier revision) to `to` (e.g. the current version). */
export function diffDesigns(from: Design, to: Design): DesignDiff {
  const out: DesignDiff = { added: [], removed: [], changed: [], layoutChanged: 0 };
  for (const c of COLLECTIONS) {
    const a = ((from[c.key] ?? []) as AnyRecord[]);
    const b = ((to[c.key] ?? []) as AnyRecord[]);
    const before = new Map(a.map((r) => [String(r.id), r]));
    const after = new Map(b.map((r) => [String(r.id), r]));
    for (const [id, r] of after) {
      const old = before.get(id);
      if (!old) { out.added.push({ kind: c.kind, id, name: c.name(r) }); continue; }
      const paths: string[] = [];
      diffValue(old, r, "", paths);
      const fieldPaths = paths.filter((p) => p !== "id");
      if (fieldPaths.length) out.changed.push({ kind: c.kind, id, name: c.name(r), paths: fieldPaths });
    }
    for (const [id, r] of before) if (!after.has(id)) out.removed.push({ kind: c.kind, id, name: c.name(r) });
  }
  const keys = new Set([...Object.keys(from.layout ?? {}), ...Object.keys(to.layout ?? {})]);
  for (const k of keys) if (!equal(from.layout?.[k], to.layout?.[k])) out.layoutChanged++;
  return out;
}

/** True when the two versions have the same resources (layout aside). */
export function isEmptyDiff(d: DesignDiff): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

function diffValue(a: unknown, b: unknown, path: string, out: string[]): void {
  if (equal(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = KEYED_ARRAYS[lastKey(path)];
    if (key && [...a, ...b].every((x) => isRecord(x) && typeof x[key] === "string")) {
      const am = new Map(a.map((x) => [(x as AnyRecord)[key] as string, x]));
      const bm = new Map(b.map((x) => [(x as AnyRecord)[key] as string, x]));
      for (const [k, v] of bm) {
        const p = `${path}[${k}]`;
        if (!am.has(k)) out.push(`${p} (added)`);
        else diffValue(am.get(k), v, p, out);
      }
      for (const k of am.keys()) if (!bm.has(k)) out.push(`${path}[${k}] (removed)`);
      return;
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}[${i}]`;
      if (i >= a.length) out.push(`${p} (added)`);
      else if (i >= b.length) out.push(`${p} (removed)`);
      else diffValue(a[i], b[i], p, out);
    }
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diffValue(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  out.push(path || "(value)");
}

function lastKey(path: string): string {
  const m = /([A-Za-z0-9_]+)$/.exec(path);
  return m ? m[1] : "";
}

function isRecord(x: unknown): x is AnyRecord {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
  }
  return false;
}
