"use client";

import { memo } from "react";
import { NodeResizer, type NodeProps } from "@xyflow/react";
import { SIZES, type NodeData } from "@/lib/domain/designer";
import { Chip, formatCpu, formatMemory, IN_HANDLE, KIND_LABEL, OUT_HANDLE, useFarZoom } from "../shared";
import type { RfNode } from "../types";
import { NodeMarks } from "../marks";
import { useResizeCommit } from "../use-resize-commit";

function ClusterNodeView({ id, data, selected, dragging }: NodeProps<RfNode<"cluster">>) {
  const far = useFarZoom();
  const s = (data as NodeData<"cluster">).summary;
  const onResizeEnd = useResizeCommit(id);
  const capacity = s.instances > 0
    ? `${s.instances} instance${s.instances === 1 ? "" : "s"} · ${formatCpu(s.cpu)} · ${formatMemory(s.memory)}`
    : s.capacityProviders.length ? s.capacityProviders.join(", ") : "Fargate (no instances)";
  return (
    <div
      className={`kind-cluster h-full w-full rounded-xl border-2 border-dashed bg-[var(--kind-bg)] ${selected ? "border-brand-600" : "[border-color:var(--kind)]"}`}
      data-testid="cluster-node" aria-label={`Cluster ${s.name}`}
    >
      {/* Not while the group is being dragged: the handles appear when it is dropped. */}
      <NodeResizer isVisible={!!selected && !dragging} minWidth={SIZES.group.minWidth} minHeight={SIZES.group.minHeight} onResizeEnd={onResizeEnd} />
      {/* Where a scheduled task's "in" edge ends (services sit inside the cluster instead). */}
      {IN_HANDLE}
      <div className="space-y-1 px-3 pt-2">
        <div className="flex items-center gap-2">
          <span className={KIND_LABEL}>Cluster</span>
          <span className="truncate text-sm font-semibold text-slate-900">{s.name}</span>
          <NodeMarks id={id} counts={data.findings} name={s.name} />
        </div>
        {!far && (<>
          <div className="flex flex-nowrap gap-1 overflow-hidden whitespace-nowrap">
            <Chip>{s.services} service{s.services === 1 ? "" : "s"}</Chip>
            <Chip tone="brand">{capacity}</Chip>
          </div>
        </>)}
      </div>
      {/* Drag from here to a capacity provider to associate it. */}
      {OUT_HANDLE}
    </div>
  );
}

export const ClusterNode = memo(ClusterNodeView);
