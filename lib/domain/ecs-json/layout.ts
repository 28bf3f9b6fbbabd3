import { containerKey, familyOf, type Design, type LayoutEntry } from "../design";

const COL = 320;
const ROW = 180;

/**
 * A simple grid for imported designs: one column per task definition, with its services
 * above it and its containers below it; clusters on the top row. Users rearrange from there.
 */
export function gridLayout(design: Omit<Design, "layout">): Record<string, LayoutEntry> {
  const layout: Record<string, LayoutEntry> = {};
  design.clusters.forEach((c, i) => { layout[c.id] = { x: i * COL, y: 0 }; });
  const placed = new Set<string>();
  design.taskDefinitions.forEach((td, col) => {
    const x = col * COL;
    design.services
      .filter((s) => familyOf(s.taskDefinition) === td.family)
      .forEach((s, i) => { layout[s.id] = { x: x + i * 24, y: ROW + i * 24 }; placed.add(s.id); });
    layout[td.id] = { x, y: 2 * ROW };
    td.containerDefinitions.forEach((c, i) => { layout[containerKey(td.id, c.name)] = { x, y: 3 * ROW + i * (ROW / 2) }; });
  });
  let extra = design.taskDefinitions.length;
  for (const s of design.services) {
    if (!placed.has(s.id)) layout[s.id] = { x: extra++ * COL, y: ROW };
  }
  return layout;
}
