"use client";

import { useMemo, useState } from "react";
import { RESOURCE_KIND_LABEL as KIND_LABEL } from "@/lib/domain/designer/revision-diff";
import { SEVERITY_ORDER, countBySeverity, groupFindings } from "@/lib/domain/rules/group-findings";
import type { Finding, Severity } from "@/lib/domain/rules/types";
import { SEVERITY_LABEL } from "@/components/ui/severity";
import { FindingItem } from "./finding-item";

type Filter = "all" | Severity;

export function FindingsPanel({ findings }: { findings: Finding[] }) {
  const [filter, setFilter] = useState<Filter>("all");
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const shown = useMemo(() => (filter === "all" ? findings : findings.filter((f) => f.severity === filter)), [findings, filter]);
  const groups = useMemo(() => groupFindings(shown), [shown]);

  if (findings.length === 0) {
    return (
      <div data-testid="no-problems" className="flex items-center gap-3 rounded-xl border border-emerald-200 bg-emerald-50 px-5 py-4 text-emerald-950">
        <svg viewBox="0 0 20 20" className="h-6 w-6 shrink-0 text-emerald-700" fill="currentColor" aria-hidden="true">
          <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.86a.75.75 0 0 0-1.22-.88l-3.24 4.48-1.6-1.6a.75.75 0 1 0-1.06 1.06l2.25 2.25a.75.75 0 0 0 1.14-.09l3.73-5.22Z" clipRule="evenodd" />
        </svg>
        <div>
          <p className="font-semibold">No problems found</p>
          <p className="text-sm">ECS would accept every resource in this design as it stands.</p>
        </div>
      </div>
    );
  }

  const options: [Filter, string, number][] = [
    ["all", "All", findings.length],
    ...SEVERITY_ORDER.map((s) => [s, s === "info" ? "Info" : `${SEVERITY_LABEL[s]}s`, counts[s]] as [Filter, string, number]),
  ];

  return (
    <div className="space-y-4">
      <div role="group" aria-label="Filter by severity" className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 shadow-sm">
        {options.map(([value, label, n]) => (
          <button
            key={value}
            type="button"
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${filter === value ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {label} <span className="tabular-nums">({n})</span>
          </button>
        ))}
      </div>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-700">No {filter === "all" ? "" : `${filter} `}findings.</p>
      ) : (
        <div className="space-y-4">
          {groups.map((g) => (
            <section key={g.key} aria-label={`${KIND_LABEL[g.kind]} ${g.name}`} className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
              <h3 className="flex items-baseline gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2.5 text-sm">
                <span className="text-xs font-semibold uppercase tracking-wide text-slate-600">{KIND_LABEL[g.kind]}</span>
                <span className="font-semibold text-slate-900">{g.name}</span>
                <span className="ml-auto text-xs text-slate-600">{g.findings.length} finding{g.findings.length === 1 ? "" : "s"}</span>
              </h3>
              <ul className="divide-y divide-slate-200">
                {g.findings.map((f, i) => (
                  <FindingItem key={`${f.ruleId}:${i}`} finding={f} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
