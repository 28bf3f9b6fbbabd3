"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useReactFlow } from "@xyflow/react";
import { setLayout } from "@/lib/domain/designer";
import { ExportMenu } from "./export-menu";
import { ImportDialog } from "./import-dialog";
import { ConflictBanner, SaveIndicator } from "./save-indicator";
import { useEditor, useEditorStore } from "./store/context";
import { deleteSelection, duplicateSelection } from "./use-shortcuts";
import { usePlanOverlay } from "./plan-overlay";
import { LiveStatus } from "./live-overlay";
import { designCostTitle, totalText } from "@/components/cost/cost-figures";
import { useDesignCost } from "./use-design-cost";

/** The design's monthly total; the tooltip lists the lines and what they assume. */
function CostTotal() {
  const cost = useDesignCost();
  return (
    <span className="px-1 text-xs text-slate-700" data-testid="toolbar-cost" title={designCostTitle(cost)}>
      Cost <span className="font-semibold tabular-nums">{totalText(cost)}</span>
    </span>
  );
}

/** Where the plan overlay stands: planning, failed (with ECS's reason), or a link to the full plan. */
function PlanStatus() {
  const overlay = usePlanOverlay();
  const designId = useEditor((s) => s.designId);
  if (overlay.status === "off") return null;
  if (overlay.status === "loading") return <span className="px-1 text-xs text-slate-500" role="status">Planning…</span>;
  if (overlay.status === "error") return <span className="max-w-48 truncate px-1 text-xs text-red-700" role="alert" title={overlay.message}>Plan failed: {overlay.message}</span>;
  return <Link href={`/designs/${designId}/plan`} className="px-1 text-xs text-brand-700 underline">Full plan</Link>;
}

function ToolButton(props: { label: string; shortcut?: string; onClick: () => void; disabled?: boolean; pressed?: boolean; children: ReactNode }) {
  return (
    <button
      type="button" aria-label={props.label} title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      aria-pressed={props.pressed} disabled={props.disabled} onClick={props.onClick}
      className={`rounded px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 ${props.pressed ? "bg-slate-200" : ""}`}
    >
      {props.children}
    </button>
  );
}

type ToolbarProps = { designId: string; snap: boolean; onSnap: (v: boolean) => void; planOn: boolean; onPlan: (v: boolean) => void; liveOn?: boolean; onLive?: (v: boolean) => void };

export function Toolbar({ designId, snap, onSnap, planOn, onPlan, liveOn = false, onLive }: ToolbarProps) {
  const store = useEditorStore();
  const name = useEditor((s) => s.name);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const hasSelection = useEditor((s) => s.selection.length > 0 || !!s.selectedEdge);
  const { fitView } = useReactFlow();
  const [laying, setLaying] = useState(false);

  const runAutoLayout = async () => {
    setLaying(true);
    try {
      // elkjs is 1.5 MB of JavaScript: fetched on the first click, not with the canvas.
      const { autoLayout } = await import("@/lib/domain/designer/auto-layout");
      const layout = await autoLayout(store.getState().history.present);
      store.edit((d) => setLayout(d, layout));
      requestAnimationFrame(() => void fitView({ padding: 0.2, duration: 300, maxZoom: 1 }));
    } finally {
      setLaying(false);
    }
  };

  return (
    <div className="border-b border-slate-200 bg-white">
      <div className="flex h-11 items-center gap-1 px-3">
        <Link href={`/designs/${designId}`} className="mr-2 rounded px-2 py-1 text-sm text-brand-700 hover:bg-brand-50">← Design</Link>
        <h1 className="mr-3 max-w-64 truncate text-sm font-semibold text-slate-900">{name}</h1>
        <ToolButton label="Undo" shortcut="Ctrl+Z" onClick={() => store.undo()} disabled={!canUndo}>↶ Undo</ToolButton>
        <ToolButton label="Redo" shortcut="Shift+Ctrl+Z" onClick={() => store.redo()} disabled={!canRedo}>↷ Redo</ToolButton>
        <span className="mx-1 h-5 w-px bg-slate-200" />
        <ToolButton label="Delete" shortcut="Delete" onClick={() => deleteSelection(store)} disabled={!hasSelection}>Delete</ToolButton>
        <ToolButton label="Duplicate" shortcut="Ctrl+D" onClick={() => duplicateSelection(store)} disabled={!hasSelection}>Duplicate</ToolButton>
        <span className="mx-1 h-5 w-px bg-slate-200" />
        <ToolButton label="Auto-layout" onClick={runAutoLayout} disabled={laying}>{laying ? "Laying out…" : "Auto-layout"}</ToolButton>
        <ToolButton label="Zoom to fit" onClick={() => void fitView({ padding: 0.2, duration: 300, maxZoom: 1 })}>Fit</ToolButton>
        <ToolButton label="Snap to grid" onClick={() => onSnap(!snap)} pressed={snap}>Snap</ToolButton>
        <span className="mx-1 h-5 w-px bg-slate-200" />
        <ToolButton label="Show plan against the sandbox" onClick={() => onPlan(!planOn)} pressed={planOn}>Plan</ToolButton>
        <PlanStatus />
        {onLive && <ToolButton label="Show live state in the sandbox" onClick={() => onLive(!liveOn)} pressed={liveOn}>Live</ToolButton>}
        <LiveStatus />
        <span className="mx-1 h-5 w-px bg-slate-200" />
        <ToolButton label="Import" onClick={() => store.setImportOpen(true)}>Import…</ToolButton>
        <ExportMenu />
        <ImportDialog />
        <span className="mx-1 h-5 w-px bg-slate-200" />
        <CostTotal />
        <span className="ml-auto"><SaveIndicator /></span>
      </div>
      <ConflictBanner />
    </div>
  );
}
