"use client";

import { Handle, Position } from "@xyflow/react";
import { createContext, useContext, type ReactNode } from "react";
import type { FindingCounts } from "@/lib/domain/designer";
import { SeverityIcon } from "@/components/ui/severity";

/**
 * Zoomed far out (FlowView provides it from one boolean `useStore` selector, so it changes only when
 * the threshold is crossed): node bodies drop their detail (chips, usage bars) and keep the kind and
 * name, which is all that is legible at that size, and much less to paint on every pan frame. Node
 * views read it once and leave their secondary rows out (`{!far && …}`).
 */
export const FarZoomContext = createContext(false);
export const useFarZoom = () => useContext(FarZoomContext);


/** Error and warning counts of a node; nothing when clean, so a badge always means work to do. */
export function FindingBadge({ counts, name }: { counts: FindingCounts; name: string }) {
  if (counts.error === 0 && counts.warning === 0) return null;
  const severity = counts.error > 0 ? "error" : "warning";
  const n = counts.error > 0 ? counts.error : counts.warning;
  const label = `${n} ${severity}${n === 1 ? "" : "s"} on ${name}`;
  return (
    <span
      data-testid="finding-badge"
      aria-label={label}
      title={label}
      className={`inline-flex shrink-0 items-center gap-0.5 rounded-full px-1.5 py-0.5 text-[11px] font-semibold ring-1 ring-inset ${
        severity === "error" ? "bg-red-50 text-red-800 ring-red-300" : "bg-amber-50 text-amber-900 ring-amber-300"
      }`}
    >
      <SeverityIcon severity={severity} className="h-3 w-3" />
      {n}
    </span>
  );
}

/** A node's kind word in its header (a class, not a component: a big canvas renders thousands). */
export const KIND_LABEL = "text-[10px] font-semibold uppercase tracking-wider text-[color:var(--kind-text)]";

export function Chip({ children, tone = "slate" }: { children: ReactNode; tone?: "slate" | "brand" | "amber" }) {
  if (useFarZoom()) return null;
  const tones = { slate: "bg-slate-100 text-slate-700", brand: "bg-brand-50 text-brand-800", amber: "bg-amber-50 text-amber-900" };
  return <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${tones[tone]}`}>{children}</span>;
}

/** A usage bar: how much of the task's size the containers claim; red once they claim more than there is. */
export function UsageBar({ label, used, total, unit }: { label: string; used: number; total?: number; unit: string }) {
  const far = useFarZoom();
  if (!total || far) return null;
  const pct = Math.min(100, Math.round((used / total) * 100));
  const over = used > total;
  return (
    <div className="flex items-center gap-1.5 text-[11px] text-slate-600" title={`${label}: containers reserve ${used} of ${total} ${unit}`}>
      <span className="w-8 shrink-0">{label}</span>
      <span
        className="h-1.5 flex-1 overflow-hidden rounded bg-slate-200"
        role="meter" aria-label={`${label} reserved by containers`} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used}
      >
        <span className={`block h-full ${over ? "bg-red-600" : "bg-brand-600"}`} style={{ width: `${over ? 100 : pct}%` }} />
      </span>
      <span className={`shrink-0 tabular-nums ${over ? "font-semibold text-red-700" : ""}`}>{used}/{total}</span>
    </div>
  );
}

/** A node's connection handles: one element each, rendered by every node (no wrapper component per handle). */
export const IN_HANDLE = <Handle type="target" position={Position.Left} className="!h-2.5 !w-2.5 !border-2 !border-white !bg-slate-500" />;
export const OUT_HANDLE = <Handle type="source" position={Position.Right} className="!h-2.5 !w-2.5 !border-2 !border-white !bg-brand-600" />;

/**
 * Cards carry their kind's colour (globals.css `--kind-*`, tuned per theme) on the left edge. The
 * shadow goes when FlowView's wrapper (`group/flow`) says the zoom is below SHADOW_MIN_ZOOM: at that
 * size it is invisible but still costs a shadow per card on every pan frame.
 */
export const cardClass = (selected: boolean | undefined, kind: "service" | "container" | "targetGroup" | "loadBalancer" | "capacityProvider" | "scheduledTask") =>
  `h-full w-full rounded-lg border border-l-4 bg-white px-3 py-2 shadow-sm kind-${kind} [border-left-color:var(--kind)] ${selected ? "border-brand-600 ring-2 ring-brand-600/30" : `border-slate-300 ${NO_SHADOW_ZOOMED_OUT}`}`;

/** No box-shadow at all (not a transparent one) on an unselected card below SHADOW_MIN_ZOOM; a selected card keeps its ring. */
const NO_SHADOW_ZOOMED_OUT = "group-data-[zoom=far]/flow:[box-shadow:none] group-data-[zoom=mid]/flow:[box-shadow:none]";

/** Zoom levels for the canvas's level of detail: below FAR_ZOOM node bodies are name only, below SHADOW_MIN_ZOOM no shadows. */
export const FAR_ZOOM = 0.4;
export const SHADOW_MIN_ZOOM = 0.6;

/** Task memory and cpu in the units people say out loud. */
export function formatCpu(units: number | undefined): string {
  return units === undefined ? "no cpu" : `${units / 1024} vCPU`;
}
export function formatMemory(mib: number | undefined): string {
  if (mib === undefined) return "no memory";
  return mib >= 1024 && mib % 1024 === 0 ? `${mib / 1024} GB` : `${mib} MiB`;
}
