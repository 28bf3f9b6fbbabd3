import type { Node } from "@xyflow/react";
import type { NodeData, NodeKind } from "@/lib/domain/designer";

/** A React Flow node whose data is the domain's NodeData for that kind. */
export type RfNode<K extends NodeKind = NodeKind> = Node<NodeData<K> & Record<string, unknown>, K>;
