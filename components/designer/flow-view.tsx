"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import {
  applyNodeChanges, Background, BackgroundVariant, Controls, MarkerType, MiniMap, ReactFlow,
  type Connection, type Edge, type EdgeChange, type Node, type NodeChange, type OnSelectionChangeParams,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { canConnect, connect, setLayout, type FlowEdge, type FlowNode, type NodeKind } from "@/lib/domain/designer";
import { PALETTE_MIME } from "./add-node";
import { useAddNode, useFlowWrapperRef } from "./flow-context";
import { nodeTypes } from "./nodes/registry";
import { useEditor, useEditorStore } from "./store/context";

export const SNAP: [number, number] = [8, 8];

const EDGE_STYLE: Record<FlowEdge["data"]["kind"], { stroke: string; strokeDasharray?: string }> = {
  uses: { stroke: "#174ba8" },
  loadBalancer: { stroke: "#047857" },
  dependsOn: { stroke: "#64748b", strokeDasharray: "5 4" },
  link: { stroke: "#b45309", strokeDasharray: "2 3" },
};

/**
 * React Flow, controlled from the editor store. Nodes live in local state while dragging (only the
 * dragged node changes per tick, so memoised node components elsewhere do not render); the
 * position reaches the design, and the undo history, once on drag stop.
 */
export function FlowView({ snap }: { snap: boolean }) {
  const store = useEditorStore();
  const storeNodes = useEditor((s) => s.nodes);
  const storeEdges = useEditor((s) => s.edges);
  const selection = useEditor((s) => s.selection);
  const selectedEdge = useEditor((s) => s.selectedEdge);
  const wrapper = useFlowWrapperRef();
  const addNode = useAddNode();

  // Which store node each canvas node was made from: an unchanged store node keeps its canvas object.
  const source = useRef(new WeakMap<Node, FlowNode>());
  const merge = useCallback((prev: Node[], from: FlowNode[], selection: string[]) => {
    const selected = new Set(selection);
    const prevById = new Map(prev.map((n) => [n.id, n]));
    return from.map((n) => {
      const old = prevById.get(n.id);
      const sel = selected.has(n.id);
      if (old && source.current.get(old) === n && !!old.selected === sel) return old;
      const next: Node = { ...(n as unknown as Node), selected: sel, ...(old?.measured ? { measured: old.measured } : {}) };
      source.current.set(next, n);
      return next;
    });
  }, []);
  // Initialised with the design's nodes so that fitView on mount sees them.
  const [nodes, setNodes] = useState<Node[]>(() => merge([], storeNodes, selection));
  useEffect(() => {
    setNodes((prev) => merge(prev, storeNodes, selection));
  }, [storeNodes, selection, merge]);

  const edges = useMemo<Edge[]>(() => storeEdges.map((e) => ({
    ...e,
    type: "smoothstep",
    selected: e.id === selectedEdge,
    style: { ...EDGE_STYLE[e.data.kind], strokeWidth: e.id === selectedEdge ? 2.5 : 1.5 },
    markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_STYLE[e.data.kind].stroke },
    labelStyle: { fontSize: 10, fill: "#334155" },
    labelBgStyle: { fill: "#f8fafc" },
  })), [storeEdges, selectedEdge]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    // Removal goes through the store (with dependants); React Flow never deletes on its own.
    setNodes((nds) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), nds));
  }, []);

  // Edge selection is mirrored into the store by onSelectionChange; nothing else about edges changes locally.
  const onEdgesChange = useCallback((_: EdgeChange[]) => {}, []);

  const onSelectionChange = useCallback(({ nodes: sel, edges: selEdges }: OnSelectionChangeParams) => {
    store.select(sel.map((n) => n.id), selEdges[0]?.id);
  }, [store]);

  const onNodeDragStop = useCallback((_: unknown, __: Node, dragged: Node[]) => {
    const entries: Record<string, { x: number; y: number }> = {};
    for (const n of dragged) entries[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    store.edit((d) => setLayout(d, entries));
  }, [store]);

  const isValidConnection = useCallback((c: Connection | Edge) =>
    canConnect(store.getState().history.present, c.source, c.target).ok, [store]);

  const onConnect = useCallback((c: Connection) => {
    store.edit((d) => connect(d, c.source, c.target));
  }, [store]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
    if (!kind) return;
    e.preventDefault();
    addNode(kind, "drop", { x: e.clientX, y: e.clientY });
  }, [addNode]);

  return (
    <div ref={wrapper} className="h-full w-full" data-testid="designer-flow" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onPaneClick={() => store.select([])}
        deleteKeyCode={null}
        snapToGrid={snap}
        snapGrid={SNAP}
        minZoom={0.2}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={snap ? SNAP[0] * 3 : 24} size={1} color="#cbd5e1" />
        <MiniMap pannable zoomable ariaLabel="Minimap" nodeStrokeWidth={2} nodeColor={miniColor} style={{ width: 160, height: 110 }} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function miniColor(n: Node): string {
  return ({ cluster: "#e2e8f0", taskDefinition: "#d9eaff", container: "#ffffff", service: "#ffffff", targetGroup: "#d1fae5" } as Record<string, string>)[n.type ?? ""] ?? "#fff";
}
