import type { Design } from "../../lib/domain/design";
import { childSlot, containerNodeId, groupSize, SIZES, toFlow } from "../../lib/domain/designer";
import { generateDesign } from "../generate-design";

// A realistic design (bench/generate-design.ts) with about `nodes` canvas nodes (clusters, task
// definitions, containers, services, target groups) and a compact layout: children in their
// group's slots, groups packed in rows into a landscape rectangle, so the whole design fits the
// canvas as the baseline's grid does.

const GAP = 40;

export function canvasNodeCount(design: Design): { nodes: number; edges: number } {
  const { nodes, edges } = toFlow(design, []);
  return { nodes: nodes.length, edges: edges.length };
}

/** The generated design whose canvas node count is closest to `nodes`, laid out compactly. */
export function benchDesign(nodes: number, aspect = 1.4): Design {
  let best: Design | undefined;
  let bestDiff = Infinity;
  // Each resource is about 2.2 canvas nodes (containers are nodes of their own).
  const guess = Math.max(3, Math.round(nodes / 2.2));
  for (let r = Math.max(3, guess - 30); r <= guess + 30; r++) {
    const d = generateDesign(r);
    const diff = Math.abs(canvasNodeCount(d).nodes - nodes);
    if (diff < bestDiff) { best = d; bestDiff = diff; }
  }
  return compactLayout(best!, aspect);
}

function compactLayout(design: Design, aspect: number): Design {
  const layout: Design["layout"] = {};
  const groups: { id: string; width: number; height: number }[] = [];
  for (const c of design.clusters) {
    const kids = design.services.filter((s) => s.cluster === c.clusterName);
    const slots = kids.map((s, i) => {
      const p = childSlot(i, SIZES.service);
      layout[s.id] = p;
      return { ...p, ...SIZES.service };
    });
    groups.push({ id: c.id, ...groupSize(undefined, slots) });
  }
  for (const td of design.taskDefinitions) {
    const slots = td.containerDefinitions.map((c, i) => {
      const p = childSlot(i, SIZES.container);
      layout[containerNodeId(td.id, c.name)] = p;
      return { ...p, ...SIZES.container };
    });
    groups.push({ id: td.id, ...groupSize(undefined, slots) });
  }
  // Shelf packing, rows of a width that makes the whole roughly `aspect` wide per unit of height.
  const area = groups.reduce((a, g) => a + (g.width + GAP) * (g.height + GAP), 0);
  const rowWidth = Math.sqrt(area * aspect);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const g of groups) {
    if (x > 0 && x + g.width > rowWidth) { x = 0; y += rowHeight + GAP; rowHeight = 0; }
    layout[g.id] = { x, y };
    x += g.width + GAP;
    rowHeight = Math.max(rowHeight, g.height);
  }
  return { ...design, layout };
}
