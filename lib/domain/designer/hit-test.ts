import type { FlowNode } from "./to-flow";
import type { NodeKind } from "./resolve";

/** The top-level group node of `kind` under a flow point (the last drawn wins, as on screen). */
export function groupAt(nodes: readonly FlowNode[], point: { x: number; y: number }, kind: NodeKind): FlowNode | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (n.type !== kind || n.parentId) continue;
    if (point.x >= n.position.x && point.x <= n.position.x + n.width && point.y >= n.position.y && point.y <= n.position.y + n.height) return n;
  }
  return undefined;
}

/** A child's top-left for a drop at `point` (centred on it), kept inside the parent below its header. */
export function childPositionAt(parent: FlowNode, point: { x: number; y: number }, size: { width: number; height: number }, header: number, pad: number) {
  return {
    x: Math.round(Math.max(pad, point.x - parent.position.x - size.width / 2)),
    y: Math.round(Math.max(header, point.y - parent.position.y - size.height / 2)),
  };
}
