import type { PlanAction } from "@/lib/domain/plan";

export const ACTION_STYLE: Record<PlanAction, { label: string; symbol: string; className: string }> = {
  create: { label: "create", symbol: "+", className: "bg-emerald-50 text-emerald-800 border-emerald-300" },
  update: { label: "update", symbol: "~", className: "bg-amber-50 text-amber-900 border-amber-300" },
  replace: { label: "replace", symbol: "±", className: "bg-orange-100 text-orange-900 border-orange-300" },
  delete: { label: "delete", symbol: "−", className: "bg-red-50 text-red-800 border-red-300" },
  "no-change": { label: "no change", symbol: "=", className: "bg-slate-100 text-slate-700 border-slate-300" },
};

export function ActionBadge({ action }: { action: PlanAction }) {
  const s = ACTION_STYLE[action];
  return (
    <span className={`inline-flex w-24 shrink-0 items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${s.className}`} data-action={action}>
      <span aria-hidden="true" className="font-mono">{s.symbol}</span>{s.label}
    </span>
  );
}
