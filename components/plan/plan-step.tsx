import type { PlanStep } from "@/lib/domain/plan";
import { ActionBadge } from "./action-badge";

function show(v: unknown): string {
  if (v === undefined) return "(none)";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** One resource of the plan: what changes (old → new), why a replace, and the exact AWS calls (ECS or ELBv2). */
export function PlanStepItem({ step }: { step: PlanStep }) {
  return (
    <li className="px-4 py-3" data-testid="plan-step" data-action={step.action} aria-label={`${step.action} ${step.name}`}>
      <div className="flex flex-wrap items-center gap-3">
        <ActionBadge action={step.action} />
        <span className="font-mono text-sm font-semibold text-slate-900">{step.name}</span>
      </div>
      {step.reason && <p className="mt-2 text-sm text-amber-900"><span className="font-semibold">Why replace:</span> {step.reason}</p>}
      {step.changes.length > 0 && (
        <table className="mt-2 w-full table-fixed text-left text-xs">
          <thead className="text-slate-600"><tr><th className="w-1/4 py-0.5 font-medium">Field</th><th className="py-0.5 font-medium">Now</th><th className="py-0.5 font-medium">After apply</th></tr></thead>
          <tbody className="font-mono">
            {step.changes.map((c) => (
              <tr key={c.path} className="border-t border-slate-100 align-top">
                <td className="break-words py-1 pr-2 text-slate-800">{c.path}</td>
                <td className="break-words py-1 pr-2 text-red-800"><del className="no-underline">{show(c.old)}</del></td>
                <td className="break-words py-1 text-emerald-800"><ins className="no-underline">{show(c.new)}</ins></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {step.notes.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-xs text-slate-600">{step.notes.map((n) => <li key={n}>{n}</li>)}</ul>
      )}
      {step.calls.length > 0 && (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-slate-700">{step.calls.some((c) => c.service === "elbv2") ? "ELBv2" : step.calls.some((c) => c.service === "autoscaling") ? "Application Auto Scaling" : "ECS"} calls ({step.calls.map((c) => c.operation).join(", ")})</summary>
          {step.calls.map((c, i) => (
            <div key={i} className="mt-1">
              <p className="font-semibold text-slate-800">{c.operation}</p>
              <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-slate-800">{JSON.stringify(c.input, null, 2)}</pre>
            </div>
          ))}
        </details>
      )}
    </li>
  );
}
