import type { Design } from "../design";
import { addTaskDefinition } from "./add";
import { groupAt, childPositionAt } from "./hit-test";
import { SIZES } from "./layout";
import { moveContainer, setLayout, setServiceCluster } from "./move";
import { resolveNode } from "./resolve";
import { fail, type EditResult } from "./result";
import type { FlowNode } from "./to-flow";

// Drag to nest: a container dragged over another task definition moves there, a service dragged
// over another cluster moves there. Pure: the canvas hands in its nodes (top-level positions are
// absolute, children relative to their parent) and the dragged node's current relative position.

type NodeLike = Pick<FlowNode, "id" | "type" | "position" | "width" | "height" | "parentId">;

/** What a drop of a child node does: nothing special, move into another group, or (containers) a new task definition. */
export type NestDrop =
  | { kind: "none" }
  | { kind: "stay"; parentId: string }
  | { kind: "move"; parentId: string; targetId: string; at: { x: number; y: number } }
  | { kind: "newTaskDefinition"; parentId: string; at: { x: number; y: number } };

/** The centre of `node` in flow coordinates when it sits at `position` (relative to its parent, if any). */
export function absoluteCentre(nodes: readonly NodeLike[], node: NodeLike, position = node.position): { x: number; y: number } {
  const parent = node.parentId ? nodes.find((n) => n.id === node.parentId) : undefined;
  const ox = parent ? parent.position.x : 0;
  const oy = parent ? parent.position.y : 0;
  return { x: ox + position.x + node.width / 2, y: oy + position.y + node.height / 2 };
}

const GROUP_OF = { container: "taskDefinition", service: "cluster" } as const;

/** The group a dragged container/service would land in (to highlight while dragging); undefined for other kinds. */
export function nestTargetAt(nodes: readonly NodeLike[], node: NodeLike, position = node.position): string | undefined {
  if (node.type !== "container" && node.type !== "service") return undefined;
  const centre = absoluteCentre(nodes, node, position);
  return groupAt(nodes as FlowNode[], centre, GROUP_OF[node.type])?.id;
}

/**
 * Classifies a drop of `node` at relative `position`. Containers dropped outside every task definition
 * get a new one; services dropped outside every cluster stay where they were (snap back).
 */
export function classifyNestDrop(nodes: readonly NodeLike[], node: NodeLike, position = node.position): NestDrop {
  if (node.type !== "container" && node.type !== "service") return { kind: "none" };
  if (node.type === "service" && !node.parentId) {
    // A loose service dropped on a cluster joins it; elsewhere it is an ordinary move.
    const centre = absoluteCentre(nodes, node, position);
    const target = groupAt(nodes as FlowNode[], centre, "cluster");
    if (!target) return { kind: "none" };
    return { kind: "move", parentId: "", targetId: target.id, at: childAt(target, centre, SIZES.service) };
  }
  const parentId = node.parentId!;
  const centre = absoluteCentre(nodes, node, position);
  const target = groupAt(nodes as FlowNode[], centre, GROUP_OF[node.type]);
  if (target && target.id === parentId) return { kind: "stay", parentId };
  if (target) return { kind: "move", parentId, targetId: target.id, at: childAt(target, centre, node.type === "container" ? SIZES.container : SIZES.service) };
  if (node.type === "container") {
    const g = SIZES.group;
    return { kind: "newTaskDefinition", parentId, at: { x: Math.round(centre.x - SIZES.container.width / 2 - g.pad), y: Math.round(centre.y - SIZES.container.height / 2 - g.header) } };
  }
  return { kind: "stay", parentId };
}

function childAt(target: NodeLike, centre: { x: number; y: number }, size: { width: number; height: number }) {
  return childPositionAt(target as FlowNode, centre, size, SIZES.group.header, SIZES.group.pad);
}

/**
 * The edit for a drop of a dragged child: one Design change (one undo step). `stay` keeps the node in
 * its parent: a position inside it is stored, one outside it snaps back (the layout is unchanged).
 */
export function applyNestDrop(design: Design, nodes: readonly NodeLike[], node: NodeLike, position = node.position): EditResult | undefined {
  const drop = classifyNestDrop(nodes, node, position);
  switch (drop.kind) {
    case "none":
      return undefined;
    case "stay": {
      const parent = nodes.find((n) => n.id === drop.parentId);
      const centre = absoluteCentre(nodes, node, position);
      const over = parent && groupAt([parent as FlowNode], centre, parent.type);
      if (!over) return { ok: true, design, id: node.id };
      // Over its own group: kept below the header and off the left/top edge (the group grows to the right and down).
      const at = { x: Math.round(Math.max(SIZES.group.pad, position.x)), y: Math.round(Math.max(SIZES.group.header, position.y)) };
      return { ok: true, id: node.id, design: setLayout(design, { [node.id]: at }) };
    }
    case "move":
      return node.type === "container"
        ? moveContainer(design, node.id, drop.targetId, drop.at)
        : setServiceCluster(design, node.id, drop.targetId, drop.at);
    case "newTaskDefinition": {
      const r = resolveNode(design, node.id);
      const family = r?.kind === "container" ? r.container.name : undefined;
      const td = addTaskDefinition(design, { family, at: drop.at, withContainer: false });
      if (!td.ok) return td;
      const moved = moveContainer(td.design, node.id, td.id!, { x: SIZES.group.pad, y: SIZES.group.header });
      return moved.ok ? moved : fail(moved.reason);
    }
  }
}
