"use client";

import { memo } from "react";
import { NodeResizer, type NodeProps } from "@xyflow/react";
import { SIZES, type NodeData } from "@/lib/domain/designer";
import { Chip, formatCpu, formatMemory, IN_HANDLE, KIND_LABEL, UsageBar, useFarZoom } from "../shared";
import type { RfNode } from "../types";
import { NodeMarks } from "../marks";
import { useResizeCommit } from "../use-resize-commit";

function TaskDefinitionNodeView({ id, data, selected, dragging }: NodeProps<RfNode<"taskDefinition">>) {
  const far = useFarZoom();
  const s = (data as NodeData<"taskDefinition">).summary;
  const onResizeEnd = useResizeCommit(id);
  return (
    <div
      className={`kind-taskDefinition h-full w-full rounded-xl border-2 bg-[var(--kind-bg)] ${selected ? "border-brand-600" : "[border-color:var(--kind)]"}`}
      data-testid="task-definition-node" aria-label={`Task definition ${s.name}`}
    >
      {/* Not while the group is being dragged: the handles appear when it is dropped. */}
      <NodeResizer isVisible={!!selected && !dragging} minWidth={SIZES.group.minWidth} minHeight={SIZES.group.minHeight} onResizeEnd={onResizeEnd} />
      {IN_HANDLE}
      <div className="space-y-1 px-3 pt-2">
        <div className="flex items-center gap-2">
          <span className={KIND_LABEL}>Task definition</span>
          <span className="truncate text-sm font-semibold text-slate-900">{s.name}</span>
          <span className="shrink-0 text-[11px] text-slate-500" title="Containers (ECS allows 10)">{s.containers}/10</span>
          <NodeMarks id={id} counts={data.findings} name={s.name} />
        </div>
        {!far && (<>
          {/* One line whatever the width: the header height is fixed so children never sit under it. */}
          <div className="flex flex-nowrap gap-1 overflow-hidden whitespace-nowrap">
            <Chip tone="brand">{s.launchType}</Chip>
            <Chip>{s.networkMode}</Chip>
            <Chip>{formatCpu(s.cpu)} · {formatMemory(s.memory)}</Chip>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <UsageBar label="cpu" used={s.usedCpu} total={s.cpu} unit="units" />
            <UsageBar label="mem" used={s.usedMemory} total={s.memory} unit="MiB" />
          </div>
        </>)}
      </div>
    </div>
  );
}

export const TaskDefinitionNode = memo(TaskDefinitionNodeView);
