// Running vs desired over time as step lines, for inline SVG: no chart library needed.

export type CountPoint = { at: string; desired: number; running: number };

export type ChartGeometry = { desired: string; running: string; maxY: number; from: number; to: number };

export function stepPaths(points: CountPoint[], opts: { width: number; height: number; to: number; from?: number }): ChartGeometry {
  const sorted = [...points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const from = opts.from ?? (sorted.length ? Date.parse(sorted[0].at) : opts.to - 60_000);
  const span = Math.max(1, opts.to - from);
  const maxY = Math.max(1, ...sorted.map((p) => Math.max(p.desired, p.running)));
  const x = (t: number) => (((Math.max(from, t) - from) / span) * opts.width).toFixed(1);
  const y = (v: number) => (opts.height - (v / maxY) * opts.height).toFixed(1);
  const path = (pick: (p: CountPoint) => number) => {
    if (!sorted.length) return "";
    let d = `M${x(Date.parse(sorted[0].at))},${y(pick(sorted[0]))}`;
    for (let i = 1; i < sorted.length; i++) {
      const t = Date.parse(sorted[i].at);
      d += ` H${x(t)} V${y(pick(sorted[i]))}`;
    }
    return `${d} H${x(opts.to)}`;
  };
  return { desired: path((p) => p.desired), running: path((p) => p.running), maxY, from, to: opts.to };
}
