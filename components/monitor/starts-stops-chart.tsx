"use client";

import type { StartStopBucket } from "@/lib/domain/monitor";

const W = 560;
const H = 110;

/** Task starts (up) and stops (down) per time bucket of the charts' window: churn is visible at a glance. */
export function StartsStopsChart({ buckets, started, stopped, title }: { buckets: StartStopBucket[]; started: number; stopped: number; title: string }) {
  if (buckets.length === 0) return <p className="text-sm text-slate-600" data-testid="starts-stops-empty">No task started or stopped in this window.</p>;
  const max = Math.max(1, ...buckets.map((b) => Math.max(b.started, b.stopped)));
  const mid = H / 2;
  const bw = W / buckets.length;
  const scale = (n: number) => (n / max) * (mid - 6);
  const time = (iso: string) => iso.slice(11, 19);
  const total = { started, stopped };
  return (
    <figure className="space-y-1">
      <svg viewBox={`-30 -8 ${W + 40} ${H + 26}`} className="w-full max-w-2xl" role="img" aria-label={`${title}: ${total.started} started, ${total.stopped} stopped`} data-testid="starts-stops-chart">
        <line x1={0} y1={mid} x2={W} y2={mid} className="stroke-slate-300" />
        {/* Starts grow up from the zero line, stops down from it: both ends read "max". */}
        <text x={-6} y={8} textAnchor="end" className="fill-slate-500 text-[10px]">↑{max}</text>
        <text x={-6} y={mid + 3} textAnchor="end" className="fill-slate-500 text-[10px]">0</text>
        <text x={-6} y={H} textAnchor="end" className="fill-slate-500 text-[10px]">↓{max}</text>
        {buckets.map((b, i) => (
          <g key={b.from}>
            <title>{`${time(b.from)}–${time(b.to)} UTC: ${b.started} started, ${b.stopped} stopped`}</title>
            {b.started > 0 && <rect x={i * bw + 2} y={mid - scale(b.started)} width={bw - 4} height={scale(b.started)} className="fill-brand-600" />}
            {b.stopped > 0 && <rect x={i * bw + 2} y={mid} width={bw - 4} height={scale(b.stopped)} className="fill-red-600" />}
          </g>
        ))}
        <text x={0} y={H + 14} className="fill-slate-500 text-[10px]">{time(buckets[0].from)} UTC</text>
        <text x={W} y={H + 14} textAnchor="end" className="fill-slate-500 text-[10px]">{time(buckets[buckets.length - 1].to)} UTC</text>
      </svg>
      <figcaption className="flex gap-4 text-xs text-slate-600">
        <span><span className="mr-1 inline-block h-2 w-3 bg-brand-600 align-middle" />started ({total.started})</span>
        <span><span className="mr-1 inline-block h-2 w-3 bg-red-600 align-middle" />stopped ({total.stopped})</span>
      </figcaption>
    </figure>
  );
}
