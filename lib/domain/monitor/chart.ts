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

/** Task starts and stops in one time bucket. */
export type StartStopBucket = { from: string; to: string; started: number; stopped: number };

type TaskTimes = { taskId: string; startedAt?: string | null; stoppedAt?: string | null };

/** A task once: when it started and stopped (ECS's times) and why it stopped. */
export type TaskActivity = { taskId: string; startedAt?: string; stoppedAt?: string; stoppedReason?: string };

/**
 * Each task of `rows` once (rows of the same task, from the recorder's states and ECS's own
 * answer, fill each other's gaps: the first time or reason seen wins).
 */
export function taskActivity(rows: (TaskTimes & { stoppedReason?: string | null })[]): TaskActivity[] {
  const byId = new Map<string, TaskActivity>();
  for (const r of rows) {
    const had = byId.get(r.taskId) ?? { taskId: r.taskId };
    byId.set(r.taskId, {
      taskId: r.taskId,
      ...((had.startedAt ?? r.startedAt) ? { startedAt: had.startedAt ?? r.startedAt ?? undefined } : {}),
      ...((had.stoppedAt ?? r.stoppedAt) ? { stoppedAt: had.stoppedAt ?? r.stoppedAt ?? undefined } : {}),
      ...((had.stoppedReason ?? r.stoppedReason) ? { stoppedReason: had.stoppedReason ?? r.stoppedReason ?? undefined } : {}),
    });
  }
  return [...byId.values()];
}

/**
 * Task starts and stops per time bucket, from the recorder's task state changes (several rows
 * per task: one per status it was seen in). Each task counts once as started and once as
 * stopped, at the times ECS reported.
 */
export function startStopBuckets(rows: TaskTimes[], opts: { to: number; buckets?: number; from?: number }): StartStopBucket[] {
  const started = new Map<string, number>();
  const stopped = new Map<string, number>();
  for (const r of rows) {
    if (r.startedAt && !started.has(r.taskId)) started.set(r.taskId, Date.parse(r.startedAt));
    if (r.stoppedAt && !stopped.has(r.taskId)) stopped.set(r.taskId, Date.parse(r.stoppedAt));
  }
  const times = [...started.values(), ...stopped.values()].filter(Number.isFinite);
  if (times.length === 0) return [];
  const n = opts.buckets ?? 12;
  const from = opts.from ?? Math.min(...times);
  // Never cut off what was recorded: a clock ahead of ours (a sped-up sandbox) still shows.
  const to = Math.max(opts.to, Math.max(...times));
  const span = Math.max(to - from, 1);
  const width = span / n;
  const out: StartStopBucket[] = Array.from({ length: n }, (_, i) => ({
    from: new Date(from + i * width).toISOString(), to: new Date(from + (i + 1) * width).toISOString(), started: 0, stopped: 0,
  }));
  const index = (t: number) => Math.min(n - 1, Math.max(0, Math.floor((t - from) / width)));
  for (const t of started.values()) if (t >= from) out[index(t)].started++;
  for (const t of stopped.values()) if (t >= from) out[index(t)].stopped++;
  return out;
}
