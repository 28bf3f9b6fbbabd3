"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { NodeData } from "@/lib/domain/designer";
import { cardClass, Chip, IN_HANDLE, KIND_LABEL, OUT_HANDLE, useFarZoom } from "../shared";
import type { RfNode } from "../types";
import { NodeMarks } from "../marks";
import { monthly } from "@/lib/domain/cost";
import { serviceCostTitle } from "@/components/cost/cost-figures";
import { useDesignCost } from "../../use-design-cost";

function ServiceNodeView({ id, data, selected }: NodeProps<RfNode<"service">>) {
  const far = useFarZoom();
  const s = (data as NodeData<"service">).summary;
  const cost = useDesignCost();
  const sc = cost.regionKnown ? cost.services.find((x) => x.serviceId === id) : undefined;
  return (
    <div className={cardClass(selected, "service")} data-testid="service-node" aria-label={`Service ${s.name}`}>
      {IN_HANDLE}
      <div className="flex items-center gap-1.5">
        <span className={KIND_LABEL}>Service</span>
        <span className="truncate text-sm font-semibold text-slate-900">{s.name}</span>
        <NodeMarks id={id} counts={data.findings} name={s.name} />
      </div>
      {!far && (<>
        <div className="mt-1 flex flex-wrap gap-1">
          <Chip tone="brand">× {s.desiredCount} desired</Chip>
          <Chip>{s.launchType}</Chip>
        </div>
        <div className="mt-1 flex items-baseline gap-1 text-[11px] text-slate-600">
          <span className="min-w-0 flex-1 truncate">runs {s.taskDefinition || <em>no task definition</em>}</span>
          {sc && (
            <span title={serviceCostTitle(sc, cost)} data-testid="service-cost"
              className={`shrink-0 font-semibold tabular-nums ${sc.unknowns.length ? "text-amber-800" : "text-slate-800"}`}>
              {monthly(sc.monthly)}{sc.unknowns.length ? " + ?" : ""}
            </span>
          )}
        </div>
      </>)}
      {OUT_HANDLE}
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
