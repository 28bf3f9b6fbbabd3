"use client";

import { Alert } from "@/components/ui/alert";
import type { PollerFigures } from "@/lib/domain/monitor";
import { useFigures } from "@/lib/query/monitor";

const OPS = ["ListServices", "DescribeServices", "ListTasks", "DescribeTasks"];
const COLORS: Record<string, string> = { ListServices: "fill-slate-400", DescribeServices: "fill-brand-600", ListTasks: "fill-amber-500", DescribeTasks: "fill-emerald-600" };

export function FiguresView() {
  const q = useFigures();
  if (q.isPending) return <p className="text-sm text-slate-600">Loading…</p>;
  if (q.error) return <Alert tone="error" title="Could not load the figures">{q.error.message}</Alert>;
  const { pollers, instance } = q.data;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">This server instance: <span className="font-mono">{instance}</span></p>
      {pollers.length === 0 && <p className="text-slate-700">No cluster is being watched right now. Open an environment to start monitoring.</p>}
      {pollers.map((p) => <PollerCard key={`${p.envId}/${p.cluster}`} p={p} />)}
    </div>
  );
}

function PollerCard({ p }: { p: PollerFigures }) {
  const minutes = p.perMinute.slice(-30);
  const max = Math.max(1, ...minutes.map((m) => OPS.reduce((a, op) => a + (m.calls[op] ?? 0), 0)));
  const W = 600;
  const H = 100;
  const bw = W / 30;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="poller-figures">
      <h2 className="text-base font-semibold text-slate-900">Cluster {p.cluster}</h2>
      <p className="text-sm text-slate-700">
        {p.thisInstanceHolds ? "This instance polls ECS" : `Polled by ${p.holder}`} · {p.polling ? `every ${(p.intervalMs / 1000).toFixed(1)} s` : "idle (nobody watching)"}
        {p.throttled > 0 && <span className="font-semibold text-red-700"> · throttled {p.throttled}× in a row, backing off</span>}
      </p>
      <table className="text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-600"><tr><th className="pr-4 text-left">Operation</th><th className="pr-4 text-right">Last minute</th><th className="text-right">Total (1 h)</th></tr></thead>
        <tbody>
          {OPS.map((op) => (
            <tr key={op}><td className="pr-4">{op}</td><td className="pr-4 text-right tabular-nums">{minutes.at(-1)?.calls[op] ?? 0}</td><td className="text-right tabular-nums">{p.totals[op] ?? 0}</td></tr>
          ))}
        </tbody>
      </table>
      <svg viewBox={`0 0 ${W} ${H + 14}`} className="w-full max-w-2xl" role="img" aria-label={`ECS calls per minute for ${p.cluster}, by operation`}>
        {minutes.map((m, i) => {
          let y = H;
          return OPS.map((op) => {
            const h = ((m.calls[op] ?? 0) / max) * H;
            y -= h;
            return <rect key={`${m.minute}-${op}`} x={i * bw + 1} y={y} width={bw - 2} height={h} className={COLORS[op]}><title>{`${m.minute.slice(11, 16)} ${op}: ${m.calls[op] ?? 0}`}</title></rect>;
          });
        })}
        <text x={0} y={H + 12} className="fill-slate-500 text-[10px]">{minutes[0]?.minute.slice(11, 16) ?? ""} UTC</text>
        <text x={W} y={H + 12} textAnchor="end" className="fill-slate-500 text-[10px]">peak {max}/min</text>
      </svg>
      <p className="flex flex-wrap gap-3 text-xs text-slate-600">{OPS.map((op) => <span key={op}><svg className="mr-1 inline h-2.5 w-2.5"><rect width="10" height="10" className={COLORS[op]} /></svg>{op}</span>)}</p>
    </section>
  );
}
