"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { NodeData } from "@/lib/domain/designer";
import { cardClass, Chip, Detail, IN_HANDLE, KindLabel } from "../shared";
import type { RfNode } from "../types";
import { NodeMarks } from "../marks";

function TargetGroupNodeView({ id, data, selected }: NodeProps<RfNode<"targetGroup">>) {
  const s = (data as NodeData<"targetGroup">).summary;
  return (
    <div className={cardClass(selected, "targetGroup")} data-testid="target-group-node" aria-label={`Load balancer target group ${s.name}`}>
      {IN_HANDLE}
      <div className="flex items-center gap-1.5">
        <KindLabel>Load balancer</KindLabel>
        <NodeMarks id={id} counts={data.findings} name={s.name} />
      </div>
      <div className="truncate text-sm font-semibold text-slate-900">{s.name}</div>
      <Detail>
        <div className="mt-1 flex flex-wrap gap-1">
          <Chip>{s.targetType}</Chip>
          <Chip tone="brand">{s.protocol ?? "?"}:{s.port ?? "?"}</Chip>
          {!s.hasArn && <Chip tone="amber">no ARN yet</Chip>}
        </div>
      </Detail>
    </div>
  );
}

export const TargetGroupNode = memo(TargetGroupNodeView);
