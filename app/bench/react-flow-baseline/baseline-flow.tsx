"use client";

import { memo, useCallback, useState } from "react";
import {
  applyEdgeChanges, applyNodeChanges, Handle, Position, ReactFlow,
  type Edge, type EdgeChange, type Node, type NodeChange, type NodeProps,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";

const CARD = { width: 220, height: 84 };
const GAP = { x: 40, y: 40 };

type CardData = { title: string; subtitle: string };

/** A simple card: a title, one line of text, an in and an out handle. */
const CardNode = memo(function CardNode({ data, selected }: NodeProps<Node<CardData>>) {
  return (
    <div
      style={{
        width: CARD.width, height: CARD.height, boxSizing: "border-box", padding: "8px 12px", borderRadius: 8, background: "#fff",
        border: `1px solid ${selected ? "#174ba8" : "#cbd5e1"}`, boxShadow: "0 1px 2px rgba(0,0,0,.05)", fontSize: 13,
      }}
    >
      <Handle type="target" position={Position.Left} />
      <div style={{ fontWeight: 600, color: "#0f172a", overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" }}>{data.title}</div>
      <div style={{ marginTop: 4, fontSize: 11, color: "#475569", overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" }}>{data.subtitle}</div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

const nodeTypes = { card: CardNode };

/** n cards in a grid about as wide as tall times 1.4 (a landscape canvas), e edges between them. */
function build(n: number, e: number): { nodes: Node<CardData>[]; edges: Edge[] } {
  const cols = Math.max(1, Math.round(Math.sqrt((n * 1.4 * (CARD.height + GAP.y)) / (CARD.width + GAP.x))));
  const nodes: Node<CardData>[] = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    type: "card",
    position: { x: (i % cols) * (CARD.width + GAP.x), y: Math.floor(i / cols) * (CARD.height + GAP.y) },
    width: CARD.width,
    height: CARD.height,
    data: { title: `card-${i}`, subtitle: `service ${i} · 2 tasks · FARGATE` },
  }));
  const edges: Edge[] = [];
  for (let i = 0; n > 1 && edges.length < e; i++) {
    const source = i % n;
    let target = (source * 37 + 11 + Math.floor(i / n)) % n;
    if (target === source) target = (target + 1) % n;
    edges.push({ id: `e${i}`, source: `n${source}`, target: `n${target}` });
  }
  return { nodes, edges };
}

export function BaselineFlow(props: { nodes: number; edges: number }) {
  const [graph] = useState(() => build(props.nodes, props.edges));
  const [nodes, setNodes] = useState(graph.nodes);
  const [edges, setEdges] = useState(graph.edges);
  const onNodesChange = useCallback((c: NodeChange<Node<CardData>>[]) => setNodes((n) => applyNodeChanges(c, n)), []);
  const onEdgesChange = useCallback((c: EdgeChange[]) => setEdges((e) => applyEdgeChanges(c, e)), []);
  return (
    <div className="h-full w-full" data-testid="baseline-flow">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        minZoom={0.05}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        proOptions={{ hideAttribution: true }}
      />
    </div>
  );
}
