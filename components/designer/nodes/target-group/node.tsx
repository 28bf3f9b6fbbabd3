"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { NodeData } from "@/lib/domain/designer";
import { cardClass, Chip, FindingBadge, InHandle, KindLabel } from "../shared";
import type { RfNode } from "../types";
import { PlanMark } from "../../plan-overlay";
import { LiveMark } from "../../live-overlay";

function TargetGroupNodeView({ id, data, selected }: NodeProps<RfNode<"targetGroup">>) {
  const s = (data as NodeData<"targetGroup">).summary;
  return (
    <div className={cardClass(selected, "targetGroup")} data-testid="target-group-node" aria-label={`Load balancer target group ${s.name}`}>
      <InHandle />
      <div className="flex items-center gap-1.5">
        <KindLabel>Load balancer</KindLabel>
        <span className="ml-auto flex items-center gap-1"><PlanMark id={id} /><LiveMark id={id} /><FindingBadge counts={data.findings} name={s.name} /></span>
      </div>
      <div className="truncate text-sm font-semibold text-slate-900">{s.name}</div>
      <div className="mt-1 flex flex-wrap gap-1">
        <Chip>{s.targetType}</Chip>
        <Chip tone="brand">{s.protocol ?? "?"}:{s.port ?? "?"}</Chip>
        {!s.hasArn && <Chip tone="amber">no ARN yet</Chip>}
      </div>
    </div>
  );
}

export const TargetGroupNode = memo(TargetGroupNodeView);
