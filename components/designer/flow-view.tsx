"use client";

import { useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type DragEvent } from "react";
import {
  applyNodeChanges, Background, BackgroundVariant, Controls, getNodesBounds, getViewportForBounds, MarkerType, MiniMap, ReactFlow, useStore,
  type Connection, type Edge, type EdgeChange, type FinalConnectionState, type Node, type NodeChange, type OnSelectionChangeParams, type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import {
  applyNestDrop, canConnect, connect, connectionNeedsChoice, nestTargetAt, parseListenerHandle, setLayout, type FlowEdge, type FlowNode, type NodeKind,
} from "@/lib/domain/designer";
import { useDarkTheme } from "@/components/shell/theme-toggle";
import { ConnectMenu, type PendingConnection } from "./connect-menu";
import { EmptyCanvas } from "./empty-state";
import { PALETTE_MIME, useAddNode, useFlowWrapperRef } from "./flow-context";
import { nodeTypes } from "./nodes/registry";
import { FAR_ZOOM, FarZoomContext, SHADOW_MIN_ZOOM } from "./nodes/shared";
import { useEditor, useEditorStore } from "./store/context";

export const SNAP: [number, number] = [8, 8];

// Constant props: a new object each render would re-render the memoised MiniMap on every drag tick,
// and a new fitViewOptions is one more React Flow store update (every node's selector) per tick.
const MINIMAP_STYLE = { width: 160, height: 110 };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 2;
/** Above this many nodes the minimap is left out: it repaints every node on each pan frame. */
const MINIMAP_MAX_NODES = 200;
/** Below this zoom the dot grid is thousands of dots repainted on every pan frame, and too fine to help. */
const DOTS_MIN_ZOOM = 0.5;

/**
 * Group fills made opaque on the canvas: globals.css gives clusters and task definitions translucent
 * fills (`--kind-*-bg` with alpha), which the compositor blends over the canvas for every group on
 * every pan frame. These are the same colours already blended over the canvas background
 * (the page's #f8fafc light, #0b1220 dark), so nothing changes to the eye.
 */
const OPAQUE_GROUPS_LIGHT = { "--kind-cluster-bg": "rgb(241 244 254)", "--kind-taskDefinition-bg": "rgb(246 244 254)" } as CSSProperties;
const OPAQUE_GROUPS_DARK = { "--kind-cluster-bg": "rgb(21 25 56)", "--kind-taskDefinition-bg": "rgb(25 20 58)" } as CSSProperties;

/** The group a dragged child would move into (React Flow puts the class on the node's wrapper). */
const DROP_TARGET_CLASS = "drop-target rounded-xl ring-4 ring-brand-600 ring-offset-2";

// Edges take the colour of the kind they point at (globals.css `--kind-*`), so a glance tells
// "runs a task definition" from "registers with a target group"; container edges are dashed, and
// Service Connect calls (service to service, not a resource) long-dashed in the services' colour.
const EDGE_STYLE: Record<FlowEdge["data"]["kind"], { stroke: string; strokeDasharray?: string }> = {
  uses: { stroke: "var(--kind-taskDefinition-c)" },
  loadBalancer: { stroke: "var(--kind-service-c)" },
  forward: { stroke: "var(--kind-targetGroup-c)" },
  serviceConnect: { stroke: "var(--kind-service-c)", strokeDasharray: "8 4" },
  dependsOn: { stroke: "var(--kind-container-c)", strokeDasharray: "5 4" },
  link: { stroke: "#d97706", strokeDasharray: "2 3" },
  schedule: { stroke: "var(--kind-scheduledTask-c)", strokeDasharray: "6 3" },
  capacity: { stroke: "var(--kind-capacityProvider-c)" },
  strategy: { stroke: "var(--kind-capacityProvider-c)", strokeDasharray: "6 3" },
};

/** React Flow's nodes, the store nodes and selection they were made from, and which store node made each. */
type Canvas = { nodes: Node[]; storeNodes: FlowNode[]; selection: string[]; made: ReadonlyMap<string, { node: Node; from: FlowNode }> };

const NO_CANVAS: Canvas = { nodes: [], storeNodes: [], selection: [], made: new Map() };

/** The canvas nodes for the store's: an unchanged store node keeps its canvas object (and so is not rendered again). */
function mergeCanvas(prev: Canvas, storeNodes: FlowNode[], selection: string[]): Canvas {
  const selected = new Set(selection);
  const prevById = new Map(prev.nodes.map((n) => [n.id, n]));
  const made = new Map<string, { node: Node; from: FlowNode }>();
  const nodes = storeNodes.map((n) => {
    const old = prevById.get(n.id);
    const sel = selected.has(n.id);
    const was = prev.made.get(n.id);
    // A node React Flow changed (a drag) is a new object, so it is made again from the store.
    if (old && was?.node === old && was.from === n && !!old.selected === sel) {
      made.set(n.id, was);
      return old;
    }
    // No `extent: "parent"`: a container or service can be dragged out of its group, and a drop over
    // another group moves it there (onNodeDragStop); anywhere else it snaps back or gets a new group.
    const { extent: _extent, ...rest } = n;
    const next: Node = { ...(rest as unknown as Node), selected: sel, ...(old?.measured ? { measured: old.measured } : {}) };
    made.set(n.id, { node: next, from: n });
    return next;
  });
  return { nodes, storeNodes, selection, made };
}

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
  const dark = useDarkTheme();
  // Level of detail: one string selector, so FlowView renders only when a threshold is crossed.
  const zoomLevel = useStore((s) => (s.transform[2] < FAR_ZOOM ? "far" : s.transform[2] < SHADOW_MIN_ZOOM ? "mid" : "near"));

  // Initialised with the design's nodes so that fitView on mount sees them; remade while rendering
  // when the store's nodes or selection change (no effect: the canvas never shows a stale frame).
  const [canvas, setCanvas] = useState(() => mergeCanvas(NO_CANVAS, storeNodes, selection));
  if (canvas.storeNodes !== storeNodes || canvas.selection !== selection) setCanvas(mergeCanvas(canvas, storeNodes, selection));
  const nodes = canvas.nodes;
  // React Flow mounts once the canvas's size is known (before the first paint), at the viewport fitView will choose.
  const [start, setStart] = useState<{ viewport?: Viewport }>();
  useLayoutEffect(() => {
    const box = wrapper.current?.getBoundingClientRect();
    setStart({ viewport: box ? initialViewport(store.getState().nodes, box.width, box.height) : undefined });
  }, [store, wrapper]);

  // Zoomed far out an edge label is a couple of pixels high: left out, like the nodes' detail.
  const far = zoomLevel === "far";
  const edges = useMemo<Edge[]>(() => storeEdges.map((e) => ({
    ...e,
    label: far ? undefined : e.label,
    type: "smoothstep",
    selected: e.id === selectedEdge,
    style: { ...EDGE_STYLE[e.data.kind], strokeWidth: e.id === selectedEdge ? 2.5 : 1.5 },
    markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_STYLE[e.data.kind].stroke },
    labelStyle: { fontSize: 10, fill: "var(--edge-label-fg)" },
    labelBgStyle: { fill: "var(--edge-label-bg)" },
  })), [storeEdges, selectedEdge, far]);

  // Set between a mouse drag's start and stop: those moves are stored once, on stop.
  const mouseDrag = useRef(false);
  const onNodesChange = useCallback((changes: NodeChange[]) => {
    // Removal goes through the store (with dependants); React Flow never deletes on its own.
    setCanvas((c) => ({ ...c, nodes: applyNodeChanges(changes.filter((ch) => ch.type !== "remove"), c.nodes) }));
    // Arrow keys move selected nodes without any drag events: store those moves as they happen.
    if (mouseDrag.current) return;
    const entries: Record<string, { x: number; y: number }> = {};
    for (const c of changes) {
      if (c.type === "position" && c.position && !c.dragging) entries[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
    }
    if (Object.keys(entries).length > 0) store.edit((d) => setLayout(d, entries));
  }, [store]);
  const onNodeDragStart = useCallback(() => { mouseDrag.current = true; }, []);

  // Edges are derived from the design; the only local change is a click selecting one (it opens its inspector).
  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const picked = changes.find((c) => c.type === "select" && c.selected);
    if (picked && picked.type === "select") store.select([], picked.id);
  }, [store]);

  // A node grabbed for a drag is selected as the drag starts; the store (and so the inspector,
  // whose panel is a big render and layout) takes that selection when the drag ends, not mid-gesture.
  const draggedSelection = useRef<OnSelectionChangeParams>(undefined);
  const onSelectionChange = useCallback((change: OnSelectionChangeParams) => {
    if (mouseDrag.current) {
      draggedSelection.current = change;
      return;
    }
    draggedSelection.current = undefined;
    store.select(change.nodes.map((n) => n.id), change.edges[0]?.id);
  }, [store]);

  // The group a dragged container/service would land in, highlighted while dragging.
  const [dropTarget, setDropTarget] = useState<string>();
  const onNodeDrag = useCallback((_: unknown, node: Node, dragged: Node[]) => {
    const from = dragged.length === 1 ? store.getState().nodes.find((n) => n.id === node.id) : undefined;
    const target = from ? nestTargetAt(store.getState().nodes, from, node.position) : undefined;
    setDropTarget(target && target !== from?.parentId ? target : undefined);
  }, [store]);

  const resync = useCallback(() => {
    const s = store.getState();
    setCanvas((c) => mergeCanvas(c, s.nodes, s.selection));
  }, [store]);

  const onNodeDragStop = useCallback((_: unknown, node: Node, dragged: Node[]) => {
    mouseDrag.current = false;
    const picked = draggedSelection.current;
    draggedSelection.current = undefined;
    if (picked) store.select(picked.nodes.map((n) => n.id), picked.edges[0]?.id);
    setDropTarget(undefined);
    const from = dragged.length === 1 ? store.getState().nodes.find((n) => n.id === node.id) : undefined;
    if (from && (from.type === "container" || from.type === "service")) {
      const design = store.getState().history.present;
      const r = applyNestDrop(design, store.getState().nodes, from, node.position);
      if (r) {
        // One edit, so one undo step; a refused or no-op drop puts the node back where the design has it.
        if (r.ok && r.design !== design) store.edit(() => r, { select: [r.id] });
        else if (!r.ok) store.notify(`Cannot move: ${r.reason}`);
        resync();
        return;
      }
    }
    const entries: Record<string, { x: number; y: number }> = {};
    for (const n of dragged) entries[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    store.edit((d) => setLayout(d, entries));
  }, [store, resync]);

  // A drag from a load balancer's listener row names that listener (its handle id).
  const isValidConnection = useCallback((c: Connection | Edge) =>
    canConnect(store.getState().history.present, c.source, c.target, { listener: parseListenerHandle(c.sourceHandle) }).ok, [store]);

  // Container→container in bridge mode can mean dependsOn or link: ask on the new edge's end.
  const [pending, setPending] = useState<PendingConnection>();
  const onConnect = useCallback((c: Connection) => {
    const d = store.getState().history.present;
    if (connectionNeedsChoice(d, c.source, c.target)) setPending({ source: c.source, target: c.target });
    else store.edit((x) => connect(x, c.source, c.target, { listener: parseListenerHandle(c.sourceHandle) }));
  }, [store]);

  // A drop on a node the model refuses says why, instead of silently doing nothing.
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    const point = "changedTouches" in event ? event.changedTouches[0] : event;
    const box = wrapper.current?.getBoundingClientRect();
    if (box) setPending((p) => (p && !p.at ? { ...p, at: { x: point.clientX - box.left, y: point.clientY - box.top } } : p));
    if (state.isValid || !state.fromNode || !state.toNode || state.fromNode.id === state.toNode.id) return;
    const from = state.fromHandle?.type === "target" ? state.toNode.id : state.fromNode.id;
    const to = from === state.fromNode.id ? state.toNode.id : state.fromNode.id;
    const handle = state.fromHandle?.type === "source" ? state.fromHandle.id : state.toHandle?.id;
    const verdict = canConnect(store.getState().history.present, from, to, { listener: parseListenerHandle(handle) });
    if (!verdict.ok) store.notify(`Cannot connect: ${verdict.reason}`);
  }, [store, wrapper]);

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

  const shown = useMemo(
    () => (dropTarget ? nodes.map((n) => (n.id === dropTarget ? { ...n, className: DROP_TARGET_CLASS } : n)) : nodes),
    [nodes, dropTarget],
  );

  const onPaneClick = useCallback(() => store.select([]), [store]);

  return (
    <div
      ref={wrapper} className="group/flow relative h-full w-full" data-testid="designer-flow" data-zoom={zoomLevel}
      style={dark ? OPAQUE_GROUPS_DARK : OPAQUE_GROUPS_LIGHT} onDragOver={onDragOver} onDrop={onDrop}
    >
      <FarZoomContext.Provider value={far}>
      {start && <ReactFlow
        nodes={shown}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onNodeDrag={onNodeDrag}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        colorMode={dark ? "dark" : "light"}
        isValidConnection={isValidConnection}
        onPaneClick={onPaneClick}
        deleteKeyCode={null}
        snapToGrid={snap}
        snapGrid={SNAP}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        defaultViewport={start.viewport}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        proOptions={PRO_OPTIONS}
      >
        <Dots snap={snap} />
        {nodes.length <= MINIMAP_MAX_NODES && (
          <MiniMap pannable zoomable ariaLabel="Minimap" nodeStrokeWidth={2} nodeClassName={miniClass} style={MINIMAP_STYLE} />
        )}
        <Controls showInteractive={false} />
      </ReactFlow>}
      </FarZoomContext.Provider>
      <EmptyCanvas />
      {pending && <ConnectMenu pending={pending} onDone={() => setPending(undefined)} />}
    </div>
  );
}

/** The dot grid, only when zoomed in enough to see it; the selector re-renders only when the threshold is crossed. */
function Dots({ snap }: { snap: boolean }) {
  const visible = useStore((s) => s.transform[2] >= DOTS_MIN_ZOOM);
  if (!visible) return null;
  return <Background variant={BackgroundVariant.Dots} gap={snap ? SNAP[0] * 3 : 24} size={1} color="var(--canvas-dots)" />;
}

/**
 * Where fitView will put the design in a canvas of this size: React Flow starts there, so the
 * nodes' first render is already at their final zoom (and level of detail) instead of rendering
 * every node at zoom 1 and again once fitView zooms out. Children lie inside their groups, so the
 * top-level nodes bound the design. React Flow still runs its own fitView, which then moves nothing.
 */
function initialViewport(nodes: readonly FlowNode[], width: number, height: number): Viewport | undefined {
  const top = nodes.filter((n) => !n.parentId);
  if (top.length === 0 || !width || !height) return undefined;
  return getViewportForBounds(getNodesBounds(top as unknown as Node[]), width, height, MIN_ZOOM, FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding);
}

function miniClass(n: Node): string {
  return `minimap-kind kind-${n.type ?? "service"}`;
}
