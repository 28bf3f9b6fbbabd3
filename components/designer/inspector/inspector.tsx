"use client";

import { KindHelp } from "@/components/learn/concept-link";
import { useMemo, useState, type ComponentType } from "react";
import { resolveNode, type NodeKind, type Resolved } from "@/lib/domain/designer";
import { NODE_KINDS } from "../nodes/registry";
import type { PanelProps } from "../nodes/panel-types";
import { useEditor } from "../store/context";
import { EdgePanel } from "./edge-panel";
import { NodeFindings } from "./finding-list";
import { JsonTab } from "./json-tab";
import { NetworkSourceSelect } from "../network-source";

type Tab = "form" | "json";

/** The selected node's panel (from the kind registry) with its findings on top; ECS JSON for task definitions and services. */
export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const selectedEdge = useEditor((s) => s.selectedEdge);
  const design = useEditor((s) => s.history.present);
  const findings = useEditor((s) => s.findings);
  const focus = useEditor((s) => s.focus);
  const nodeId = selection.length === 1 ? selection[0] : undefined;
  const r = useMemo(() => (nodeId ? resolveNode(design, nodeId) : undefined), [design, nodeId]);
  const [tab, setTab] = useState<Tab>("form");
  const [focusSeen, setFocusSeen] = useState(focus);
  // A finding clicked in Problems always shows the form, where its field is.
  if (focus !== focusSeen) { setFocusSeen(focus); if (focus) setTab("form"); }
  const hasJson = r?.kind === "taskDefinition" || r?.kind === "service";

  return (
    <aside aria-label="Inspector" className="flex w-96 shrink-0 flex-col overflow-y-auto border-l border-slate-200 bg-white p-3">
      {!r ? (
        selectedEdge && selection.length === 0 ? <EdgePanel edgeId={selectedEdge} /> : (
          <p className="text-sm text-slate-600">
            {selection.length > 1 ? `${selection.length} nodes selected.` : "Select a node to edit it."}
          </p>
        )
      ) : (
        <div className="space-y-3" data-testid="inspector">
          <div className="flex items-center gap-2">
            <h2 className="text-sm font-semibold text-slate-900">{NODE_KINDS[r.kind].label}</h2>
            {hasJson && (
              <div role="tablist" aria-label="Inspector view" className="ml-auto flex rounded-md bg-slate-100 p-0.5 text-xs">
                {(["form", "json"] as const).map((t) => (
                  <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}
                    className={`rounded px-2 py-0.5 font-medium ${tab === t ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}>
                    {t === "form" ? "Form" : "JSON"}
                  </button>
                ))}
              </div>
            )}
          </div>
          <KindHelp kind={r.kind} />
          <NodeFindings findings={findings} nodeId={nodeId!} />
          {(r.kind === "service" || r.kind === "taskDefinition" || r.kind === "loadBalancer" || r.kind === "targetGroup" || r.kind === "capacityProvider" || r.kind === "scheduledTask") && tab === "form" && <NetworkSourceSelect />}
          {hasJson && tab === "json"
            ? <JsonTab key={nodeId} nodeId={nodeId!} kind={r.kind as "taskDefinition" | "service"} />
            : <PanelFor nodeId={nodeId!} r={r} design={design} key={nodeId} />}
        </div>
      )}
    </aside>
  );
}

function PanelFor({ nodeId, r, design }: { nodeId: string; r: Resolved; design: PanelProps<NodeKind>["design"] }) {
  const Panel = NODE_KINDS[r.kind].panel as ComponentType<PanelProps<NodeKind>>;
  return <Panel nodeId={nodeId} r={r as PanelProps<NodeKind>["r"]} design={design} />;
}
