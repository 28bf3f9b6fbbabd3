"use client";

import { useMemo, type ComponentType } from "react";
import { resolveNode, type NodeKind, type Resolved } from "@/lib/domain/designer";
import { NODE_KINDS } from "../nodes/registry";
import type { PanelProps } from "../nodes/panel-types";
import { useEditor } from "../store/context";
import { NodeFindings } from "./finding-list";

/** The selected node's panel (from the kind registry) with its findings and their fixes on top. */
export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const design = useEditor((s) => s.history.present);
  const findings = useEditor((s) => s.findings);
  const nodeId = selection.length === 1 ? selection[0] : undefined;
  const r = useMemo(() => (nodeId ? resolveNode(design, nodeId) : undefined), [design, nodeId]);

  return (
    <aside aria-label="Inspector" className="flex w-80 shrink-0 flex-col overflow-y-auto border-l border-slate-200 bg-white p-3">
      {!r ? (
        <p className="text-sm text-slate-600">
          {selection.length > 1 ? `${selection.length} nodes selected.` : "Select a node to edit it."}
        </p>
      ) : (
        <div className="space-y-3" data-testid="inspector">
          <h2 className="text-sm font-semibold text-slate-900">{NODE_KINDS[r.kind].label}</h2>
          <NodeFindings findings={findings} nodeId={nodeId!} />
          <PanelFor nodeId={nodeId!} r={r} design={design} key={nodeId} />
        </div>
      )}
    </aside>
  );
}

function PanelFor({ nodeId, r, design }: { nodeId: string; r: Resolved; design: PanelProps<NodeKind>["design"] }) {
  const Panel = NODE_KINDS[r.kind].panel as ComponentType<PanelProps<NodeKind>>;
  return <Panel nodeId={nodeId} r={r as PanelProps<NodeKind>["r"]} design={design} />;
}
