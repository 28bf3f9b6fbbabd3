"use client";

import { stepPaths, type CountPoint } from "@/lib/domain/monitor";

const W = 560;
const H = 120;

/** Running vs desired tasks over time as two step lines. */
export function CountsChart({ points, now, title }: { points: CountPoint[]; now: number; title: string }) {
  if (points.length === 0) return <p className="text-sm text-slate-600">No counts recorded yet.</p>;
  const g = stepPaths(points, { width: W, height: H, to: Math.max(now, Date.parse(points[points.length - 1].at)) });
  const time = (t: number) => new Date(t).toISOString().slice(11, 19);
  return (
    <figure className="space-y-1">
      <svg viewBox={`-30 -8 ${W + 40} ${H + 26}`} className="w-full max-w-2xl" role="img" aria-label={title} data-testid="counts-chart">
        <line x1={0} y1={H} x2={W} y2={H} className="stroke-slate-300" />
        <line x1={0} y1={0} x2={0} y2={H} className="stroke-slate-300" />
        <text x={-6} y={4} textAnchor="end" className="fill-slate-500 text-[10px]">{g.maxY}</text>
        <text x={-6} y={H} textAnchor="end" className="fill-slate-500 text-[10px]">0</text>
        <text x={0} y={H + 14} className="fill-slate-500 text-[10px]">{time(g.from)} UTC</text>
        <text x={W} y={H + 14} textAnchor="end" className="fill-slate-500 text-[10px]">{time(g.to)} UTC</text>
        {/* Desired on top, dashed: where running meets it, both stay visible. */}
        <path d={g.running} fill="none" strokeWidth={3} className="stroke-brand-600" />
        <path d={g.desired} fill="none" strokeWidth={1.5} strokeDasharray="5 4" className="stroke-slate-700" />
      </svg>
      <figcaption className="flex gap-4 text-xs text-slate-600">
        <span><span className="mr-1 inline-block h-0.5 w-4 bg-brand-600 align-middle" />running</span>
        <span><span className="mr-1 inline-block h-0.5 w-4 border-t-2 border-dashed border-slate-700 align-middle" />desired</span>
      </figcaption>
    </figure>
  );
}
