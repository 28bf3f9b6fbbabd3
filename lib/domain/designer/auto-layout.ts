import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkNode } from "elkjs/lib/elk-api";
import type { Design, LayoutEntry } from "../design";
import { buildEdges } from "./edges";
import { SIZES } from "./layout";
import { toFlow } from "./to-flow";

// elkjs is plain JavaScript (no DOM, no worker needed with the bundled build), so layout stays
// in the pure core and is tested like everything else. It is async because ELK's API is.

const GROUP_PADDING = `[top=${SIZES.group.header},left=${SIZES.group.pad},bottom=${SIZES.group.pad},right=${SIZES.group.pad}]`;

let elk: InstanceType<typeof ELK> | undefined;

/** A new layout map: layered left to right, services inside clusters, containers inside task definitions. */
export async function autoLayout(design: Design): Promise<Design["layout"]> {
  elk ??= new ELK();
  const { nodes } = toFlow(design, []);
  const byId = new Map<string, ElkNode>();
  const roots: ElkNode[] = [];
  for (const n of nodes) {
    const isGroup = n.type === "cluster" || n.type === "taskDefinition";
    const hasChildren = nodes.some((c) => c.parentId === n.id);
    const el: ElkNode = {
      id: n.id,
      // A group's size is what ELK computes from its children; an empty group keeps the minimum.
      ...(isGroup && hasChildren ? {} : { width: n.width, height: n.height }),
      // Groups never get narrower than the canvas draws them, or their header would wrap onto the children.
      layoutOptions: isGroup
        ? {
          "elk.padding": GROUP_PADDING, "elk.algorithm": "layered", "elk.direction": "DOWN",
          "elk.nodeSize.constraints": "MINIMUM_SIZE", "elk.nodeSize.minimum": `(${SIZES.group.minWidth}, ${SIZES.group.minHeight})`,
        }
        : {},
      children: [],
    };
    byId.set(n.id, el);
    if (n.parentId) byId.get(n.parentId)!.children!.push(el);
    else roots.push(el);
  }
  const graph: ElkNode = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.spacing.nodeNode": "40",
      "elk.layered.spacing.nodeNodeBetweenLayers": "80",
    },
    children: roots,
    edges: buildEdges(design).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await elk.layout(graph);
  const layout: Record<string, LayoutEntry> = {};
  const walk = (n: ElkNode) => {
    for (const c of n.children ?? []) {
      const isGroup = (c.children?.length ?? 0) > 0 || byId.get(c.id)?.layoutOptions?.["elk.padding"];
      layout[c.id] = isGroup
        ? { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0), width: Math.round(c.width ?? 0), height: Math.round(c.height ?? 0) }
        : { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
      walk(c);
    }
  };
  walk(out);
  return layout;
}
