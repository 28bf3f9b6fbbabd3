"use client";

import { memo, useEffect } from "react";
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from "@xyflow/react";
import { listenerHandle, SIZES, type NodeData } from "@/lib/domain/designer";
import { cardClass, Chip, KIND_LABEL, useFarZoom } from "../shared";
import type { RfNode } from "../types";
import { NodeMarks } from "../marks";

const S = SIZES.loadBalancer;
const HANDLE = "!h-2.5 !w-2.5 !border-2 !border-white !bg-[color:var(--kind)]";

/**
 * A load balancer: a row per listener ("HTTP:80 → web-tg") and per rule, each listener row with
 * its own handle, so a drag from a row to a target group adds a forward to that listener. Rows
 * sit at fixed offsets (SIZES.loadBalancer) so the handles line up with them at every zoom.
 */
function LoadBalancerNodeView({ id, data, selected }: NodeProps<RfNode<"loadBalancer">>) {
  const far = useFarZoom();
  const s = (data as NodeData<"loadBalancer">).summary;
  const rows = s.rows.length ? s.rows : undefined;
  const top = (i: number) => S.header + i * S.row;
  // React Flow measures a node's handles when it mounts or resizes; a listener added or removed
  // moves or adds handles without always resizing the card, so it is told to measure again.
  const updateInternals = useUpdateNodeInternals();
  const handles = s.rows.map((r, i) => (r.rule === undefined ? `${r.listener}@${i}` : "")).join(",");
  useEffect(() => { updateInternals(id); }, [id, handles, updateInternals]);
  return (
    <div className={`${cardClass(selected, "loadBalancer")} relative`} data-testid="load-balancer-node" aria-label={`Load balancer ${s.name}`}>
      <div className="flex items-center gap-1.5">
        <span className={KIND_LABEL}>Load balancer</span>
        <Chip tone="brand">{s.type}</Chip>
        <NodeMarks id={id} counts={data.findings} name={s.name} />
      </div>
      <div className="flex items-baseline gap-1.5">
        <span className="truncate text-sm font-semibold text-slate-900">{s.name}</span>
        {!far && <span className="shrink-0 text-[11px] text-slate-600">{s.existing ? "existing" : s.scheme}</span>}
      </div>
      {!far && (rows ? rows.map((r, i) => (
        <div
          key={`${r.listener}-${r.rule ?? "d"}`} data-testid="listener-row"
          className={`absolute inset-x-0 flex items-center gap-1.5 border-t border-slate-200 pr-4 text-[11px] ${r.rule === undefined ? "pl-3" : "pl-6 text-slate-600"}`}
          style={{ top: top(i), height: S.row }}
        >
          <span className={`shrink-0 font-mono ${r.rule === undefined ? "font-semibold text-slate-900" : ""}`}>{r.label}</span>
          <span aria-hidden className="text-slate-500">→</span>
          <span className={`truncate ${r.to === "no target group yet" ? "italic text-amber-800" : "text-slate-700"}`}>{r.to}</span>
        </div>
      )) : (
        <div className="absolute inset-x-0 flex items-center border-t border-slate-200 px-3 text-[11px] italic text-slate-600" style={{ top: top(0), height: S.row }}>
          {s.existing ? "Existing: its listeners stay as they are" : "No listener yet: add one, or drag to a target group"}
        </div>
      ))}
      {s.rows.map((r, i) => (r.rule === undefined ? (
        <Handle key={`h-${r.listener}`} id={listenerHandle(r.listener)} type="source" position={Position.Right} className={HANDLE} style={{ top: top(i) + S.row / 2 }} />
      ) : null))}
      {s.rows.length === 0 && !s.existing && (
        <Handle id={listenerHandle(undefined)} type="source" position={Position.Right} className={HANDLE} style={{ top: top(0) + S.row / 2 }} />
      )}
    </div>
  );
}

export const LoadBalancerNode = memo(LoadBalancerNodeView);
