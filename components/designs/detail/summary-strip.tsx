import type { Design } from "@/lib/domain/design";
import type { Severity } from "@/lib/domain/rules/types";
import { SEVERITY_STYLE, SeverityIcon } from "@/components/ui/severity";

export function SummaryStrip({ design, counts }: { design: Design; counts: Record<Severity, number> }) {
  const resources: [string, number][] = [
    ["Clusters", design.clusters.length],
    ["Task definitions", design.taskDefinitions.length],
    ["Services", design.services.length],
  ];
  const problems: [Severity, string][] = [
    ["error", "Errors"],
    ["warning", "Warnings"],
    ["info", "Info"],
  ];
  return (
    <dl data-testid="summary-strip" className="grid grid-cols-3 gap-px overflow-hidden rounded-xl border border-slate-200 bg-slate-200 shadow-sm sm:grid-cols-6">
      {resources.map(([label, n]) => (
        <div key={label} className="bg-white px-4 py-3">
          <dt className="text-xs font-medium text-slate-600">{label}</dt>
          <dd className="mt-0.5 text-2xl font-semibold tabular-nums text-slate-900">{n}</dd>
        </div>
      ))}
      {problems.map(([severity, label]) => (
        <div key={severity} className="bg-white px-4 py-3">
          <dt className="flex items-center gap-1 text-xs font-medium text-slate-600">
            <SeverityIcon severity={severity} className="h-3.5 w-3.5" />
            {label}
          </dt>
          <dd className={`mt-0.5 text-2xl font-semibold tabular-nums ${counts[severity] > 0 ? SEVERITY_STYLE[severity].icon : "text-slate-900"}`}>
            {counts[severity]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
