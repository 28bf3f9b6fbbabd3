import type { Design, LayoutEntry } from "../design";
import { containerNodeId } from "./resolve";

// Node sizes shared by toFlow, placement and auto-layout, so that what is placed in the pure core
// is what the canvas draws. Children (containers, services) are positioned relative to their
// parent, as React Flow does with parentId; the layout map stores exactly those positions.

export const SIZES = {
  container: { width: 220, height: 96 },
  service: { width: 220, height: 84 },
  targetGroup: { width: 220, height: 80 },
  scheduledTask: { width: 220, height: 84 },
  /** A load balancer card: a header, then one row per listener and per listener rule. */
  loadBalancer: { width: 260, header: 58, row: 22, pad: 10 },
  group: { header: 84, pad: 16, gap: 16, minWidth: 300, minHeight: 160 },
} as const;

const COLUMNS = 2;

/** Position of the n-th child slot inside a group (two columns under the header). */
export function childSlot(n: number, child: { width: number; height: number }): { x: number; y: number } {
  const g = SIZES.group;
  return {
    x: g.pad + (n % COLUMNS) * (child.width + g.gap),
    y: g.header + Math.floor(n / COLUMNS) * (child.height + g.gap),
  };
}

/** The first slot not overlapped by an existing child, so adding never stacks nodes. */
export function freeChildSlot(taken: LayoutEntry[], child: { width: number; height: number }): { x: number; y: number } {
  for (let n = 0; ; n++) {
    const p = childSlot(n, child);
    const hit = taken.some((t) => Math.abs(t.x - p.x) < child.width / 2 && Math.abs(t.y - p.y) < child.height / 2);
    if (!hit) return p;
  }
}

/** Size of a group node: its stored size, grown to fit its children. */
export function groupSize(stored: LayoutEntry | undefined, children: { x: number; y: number; width: number; height: number }[]) {
  const g = SIZES.group;
  let width = Math.max(stored?.width ?? 0, g.minWidth);
  let height = Math.max(stored?.height ?? 0, g.minHeight);
  for (const c of children) {
    width = Math.max(width, c.x + c.width + g.pad);
    height = Math.max(height, c.y + c.height + g.pad);
  }
  return { width, height };
}

/** Where a new top-level node goes when the caller gives no position: below everything. */
export function belowEverything(design: Design): { x: number; y: number } {
  let bottom = 0;
  const top = [...design.clusters, ...design.taskDefinitions, ...(design.targetGroups ?? []), ...(design.loadBalancers ?? []), ...(design.capacityProviders ?? []), ...(design.scheduledTasks ?? [])].map((r) => r.id);
  for (const id of top) {
    const l = design.layout[id];
    if (l) bottom = Math.max(bottom, l.y + (l.height ?? SIZES.group.minHeight) + 40);
  }
  return { x: 0, y: bottom };
}

export function containerLayouts(design: Design, tdId: string): LayoutEntry[] {
  const td = design.taskDefinitions.find((t) => t.id === tdId);
  if (!td) return [];
  return td.containerDefinitions.map((c) => design.layout[containerNodeId(tdId, c.name)]).filter((l): l is LayoutEntry => !!l);
}

/** Renames or drops layout keys without copying the map when nothing changes. */
export function moveLayoutKey(layout: Design["layout"], from: string, to: string | undefined, entry?: LayoutEntry): Design["layout"] {
  if (!(from in layout) && !entry) return layout;
  const next = { ...layout };
  const value = entry ?? next[from];
  delete next[from];
  if (to !== undefined && value) next[to] = value;
  return next;
}
