"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { NodeData } from "@/lib/domain/designer";
import { cardClass, Chip, IN_HANDLE, KIND_LABEL, useFarZoom } from "../shared";
import type { RfNode } from "../types";
import { NodeMarks } from "../marks";

/** A capacity provider the design creates: clusters associate it and service strategies name it (edges come in on the left). */
function CapacityProviderNodeView({ id, data, selected }: NodeProps<RfNode<"capacityProvider">>) {
  const far = useFarZoom();
  const s = (data as NodeData<"capacityProvider">).summary;
  return (
    <div className={cardClass(selected, "capacityProvider")} data-testid="capacity-provider-node" aria-label={`Capacity provider ${s.name}`}>
      {IN_HANDLE}
      <div className="flex items-center gap-1.5">
        <span className={KIND_LABEL}>Capacity provider</span>
        <NodeMarks id={id} counts={data.findings} name={s.name} />
      </div>
      <div className="truncate text-sm font-semibold text-slate-900">{s.name}</div>
      {!far && (
        <div className="mt-1 flex flex-wrap gap-1">
          <Chip tone="brand">{s.type === "ASG" ? "Auto Scaling group" : "Managed Instances"}</Chip>
          {s.type === "ASG" && !s.managedScaling && <Chip tone="amber">no managed scaling</Chip>}
          {s.detail && <Chip>{s.detail}</Chip>}
        </div>
      )}
    </div>
  );
}

export const CapacityProviderNode = memo(CapacityProviderNodeView);
