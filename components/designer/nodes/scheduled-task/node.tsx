"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { NodeData } from "@/lib/domain/designer";
import { cardClass, Chip, KIND_LABEL, OUT_HANDLE, useFarZoom } from "../shared";
import type { RfNode } from "../types";
import { NodeMarks } from "../marks";

/** A scheduled task: an EventBridge Scheduler schedule; its edges go to the task definition it runs and the cluster it runs in. */
function ScheduledTaskNodeView({ id, data, selected }: NodeProps<RfNode<"scheduledTask">>) {
  const far = useFarZoom();
  const s = (data as NodeData<"scheduledTask">).summary;
  return (
    <div className={cardClass(selected, "scheduledTask")} data-testid="scheduled-task-node" aria-label={`Scheduled task ${s.name}`}>
      <div className="flex items-center gap-1.5">
        <span className={KIND_LABEL}>Scheduled task</span>
        <NodeMarks id={id} counts={data.findings} name={s.name} />
      </div>
      <div className="truncate text-sm font-semibold text-slate-900">{s.name}</div>
      {!far && (
        <div className="mt-1 flex flex-wrap gap-1">
          <Chip tone={s.expression ? "brand" : "amber"}>{s.expression || "no schedule yet"}</Chip>
          {s.timezone && <Chip>{s.timezone}</Chip>}
          <Chip>{s.taskCount}× {s.launchType}</Chip>
          {!s.enabled && <Chip tone="amber">disabled</Chip>}
        </div>
      )}
      {OUT_HANDLE}
    </div>
  );
}

export const ScheduledTaskNode = memo(ScheduledTaskNodeView);
