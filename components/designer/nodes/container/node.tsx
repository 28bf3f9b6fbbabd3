"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { NodeData } from "@/lib/domain/designer";
import { cardClass, Chip, IN_HANDLE, OUT_HANDLE, useFarZoom } from "../shared";
import type { RfNode } from "../types";
import { NodeMarks } from "../marks";

function ContainerNodeView({ id, data, selected }: NodeProps<RfNode<"container">>) {
  const far = useFarZoom();
  const s = (data as NodeData<"container">).summary;
  return (
    <div className={cardClass(selected, "container")} data-testid="container-node" aria-label={`Container ${s.name}`}>
      {IN_HANDLE}
      <div className="flex items-center gap-1.5">
        <span className={`h-2 w-2 shrink-0 rounded-full ${s.essential ? "bg-emerald-600" : "bg-slate-300"}`} title={s.essential ? "Essential" : "Not essential"} />
        <span className="truncate text-sm font-semibold text-slate-900">{s.name}</span>
        <NodeMarks id={id} counts={data.findings} name={s.name} />
      </div>
      {!far && (<>
        <div className="mt-0.5 truncate font-mono text-[11px] text-slate-600" title={s.image}>{s.image}</div>
        <div className="mt-1 text-[11px] text-slate-600">
          {s.cpu !== undefined ? `${s.cpu} cpu` : "cpu shared"} · {s.memory !== undefined ? `${s.memory} MiB` : "memory shared"}
        </div>
        <div className="mt-1 flex flex-wrap gap-1 overflow-hidden" style={{ maxHeight: 20 }}>
          {s.ports.length === 0 ? <span className="text-[11px] text-slate-400">no ports</span> : s.ports.map((p) => <Chip key={p}>{p}</Chip>)}
        </div>
      </>)}
      {OUT_HANDLE}
    </div>
  );
}

export const ContainerNode = memo(ContainerNodeView);
