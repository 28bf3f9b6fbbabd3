"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { NodeData } from "@/lib/domain/designer";
import { cardClass, Chip, IN_HANDLE, KIND_LABEL, OUT_HANDLE, useFarZoom } from "../shared";
import type { RfNode } from "../types";
import { NodeMarks } from "../marks";

/** A target group: load balancers forward into it (left), services register with it (right). */
function TargetGroupNodeView({ id, data, selected }: NodeProps<RfNode<"targetGroup">>) {
  const far = useFarZoom();
  const s = (data as NodeData<"targetGroup">).summary;
  return (
    <div className={cardClass(selected, "targetGroup")} data-testid="target-group-node" aria-label={`Target group ${s.name}`}>
      {IN_HANDLE}
      <div className="flex items-center gap-1.5">
        <span className={KIND_LABEL}>Target group</span>
        <NodeMarks id={id} counts={data.findings} name={s.name} />
      </div>
      <div className="truncate text-sm font-semibold text-slate-900">{s.name}</div>
      {!far && (<>
        <div className="mt-1 flex flex-wrap gap-1">
          <Chip>{s.targetType}</Chip>
          <Chip tone="brand">{s.protocol ?? "?"}:{s.port ?? "?"}</Chip>
          {s.healthCheckPath && <Chip>{s.healthCheckPath}</Chip>}
          {!s.hasArn && <Chip tone="amber">no ARN yet</Chip>}
        </div>
      </>)}
      {OUT_HANDLE}
    </div>
  );
}

export const TargetGroupNode = memo(TargetGroupNodeView);
