"use client";

import { useState } from "react";
import { useReactFlow } from "@xyflow/react";
import type { Severity } from "@/lib/domain/rules";
import { findingNodeId } from "@/lib/domain/designer";
import { FindingItem } from "./inspector/finding-list";
import { useEditor, useEditorStore } from "./store/context";

type Filter = "all" | Severity;

/** Every finding of the design; clicking one selects its node and brings it into view. */
export function ProblemsPanel() {
  const findings = useEditor((s) => s.findings);
  const store = useEditorStore();
  const { fitView } = useReactFlow();
  const [filter, setFilter] = useState<Filter>("all");
  const [open, setOpen] = useState(true);
  const count = (sev: Severity) => findings.filter((f) => f.severity === sev).length;
  const shown = filter === "all" ? findings : findings.filter((f) => f.severity === filter);
  const filters: { value: Filter; label: string }[] = [
    { value: "all", label: `All ${findings.length}` },
    { value: "error", label: `Errors ${count("error")}` },
    { value: "warning", label: `Warnings ${count("warning")}` },
    { value: "info", label: `Info ${count("info")}` },
  ];
  return (
    <section aria-label="Problems" className="flex max-h-[40%] min-h-0 flex-col border-t border-slate-200 bg-slate-50">
      <div className="flex items-center gap-2 px-3 py-1.5">
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="text-sm font-semibold text-slate-900">
          Problems <span className="font-normal text-slate-500">({findings.length})</span>
        </button>
        <div role="radiogroup" aria-label="Filter problems by severity" className="ml-2 flex gap-1">
          {filters.map((f) => (
            <button
              key={f.value} type="button" role="radio" aria-checked={filter === f.value} onClick={() => setFilter(f.value)}
              className={`rounded-full px-2 py-0.5 text-xs ${filter === f.value ? "bg-slate-800 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100"}`}
            >
              {f.label}
            </button>
          ))}
        </div>
      </div>
      {open && (
        <ul className="min-h-0 flex-1 space-y-1 overflow-auto px-3 pb-2" data-testid="problems-list">
          {shown.length === 0 && <li className="text-xs text-emerald-700">No problems{filter === "all" ? "" : ` of this severity`}.</li>}
          {shown.map((f, i) => {
            const nodeId = findingNodeId(f);
            return (
              <FindingItem
                key={`${nodeId}-${f.ruleId}-${f.path.join(".")}-${i}`} finding={f}
                onSelect={nodeId ? () => { store.focusField(nodeId, f.path); void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 }); } : undefined}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}
