import type { ServiceHealth } from "@/lib/domain/monitor";

const STYLE: Record<ServiceHealth["level"], { dot: string; text: string; label: string }> = {
  healthy: { dot: "bg-emerald-500", text: "text-emerald-800 bg-emerald-50 border-emerald-200", label: "Healthy" },
  degraded: { dot: "bg-amber-500", text: "text-amber-900 bg-amber-50 border-amber-200", label: "Degraded" },
  failing: { dot: "bg-red-600", text: "text-red-800 bg-red-50 border-red-200", label: "Failing" },
  deploying: { dot: "bg-sky-500", text: "text-sky-900 bg-sky-50 border-sky-200", label: "Deploying" },
};

export function HealthBadge({ health }: { health: ServiceHealth }) {
  const s = STYLE[health.level];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-semibold ${s.text}`} title={health.reasons.join("\n")} data-testid="health" data-level={health.level}>
      <span className={`h-2 w-2 rounded-full ${s.dot}`} aria-hidden />
      {s.label}
    </span>
  );
}

export function RolloutState({ state, failed }: { state?: string; failed?: number }) {
  const tone = state === "FAILED" ? "text-red-700" : state === "IN_PROGRESS" ? "text-sky-700" : "text-slate-700";
  return (
    <span className={`font-medium ${tone}`}>
      {state ?? "—"}
      {failed ? <span className="ml-1 text-red-700">({failed} failed)</span> : null}
    </span>
  );
}
