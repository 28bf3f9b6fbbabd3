import { formatPath } from "@/lib/domain/design/parse";
import type { Finding } from "@/lib/domain/rules/types";
import { SEVERITY_LABEL, SEVERITY_STYLE, SeverityIcon } from "@/components/ui/severity";
import { RuleConceptLink } from "@/components/learn/concept-link";

export function FindingItem({ finding: f }: { finding: Finding }) {
  return (
    <li data-testid="finding" data-rule-id={f.ruleId} data-severity={f.severity} className={`border-l-4 bg-white px-4 py-3 ${SEVERITY_STYLE[f.severity].border}`}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <SeverityIcon severity={f.severity} />
        <span className="sr-only">{SEVERITY_LABEL[f.severity]}:</span>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs font-semibold text-slate-800">{f.ruleId}</code>
        <span className="text-slate-500" aria-hidden="true">·</span>
        <span className="font-mono text-xs text-slate-700" title="Field">{formatPath(f.path)}</span>
        {f.resource.container && (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">container {f.resource.container}</span>
        )}
      </div>
      <p className="mt-1.5 text-sm text-slate-900">{f.message}</p>
      {f.fix && (
        <p className="mt-1.5 flex gap-1.5 text-sm text-emerald-900">
          <span className="font-semibold">Fix:</span>
          <span>{f.fix.description}</span>
        </p>
      )}
      <RuleConceptLink ruleId={f.ruleId} />
    </li>
  );
}
