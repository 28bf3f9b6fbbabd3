import { peek } from "./draft";
import { nextSeq } from "./ids";
import { own, setOwn } from "./maps";
import type { MetricDimension, MetricPoint, MetricSeries, World } from "./types";

// CloudWatch's metric storage, shared by the service that serves it (cloudwatch/) and the
// writers that fill it (the load simulation, ecs/load.ts; PutMetricData). Datapoints are kept
// per minute as statistic sets (SampleCount, Sum, Minimum, Maximum), which is what CloudWatch
// keeps for standard-resolution metrics and all that Average/Sum/Minimum/Maximum/SampleCount over
// any period need. Pure: it mutates the draft it is given.

export const MINUTE = 60_000;

/**
 * How much history a series keeps: 6 hours of one-minute points, 360 per series (CloudWatch keeps
 * them 15 days; the sandbox's state is stored whole on every change, so its window is bounded).
 */
export const METRIC_WINDOW_MS = 6 * 60 * MINUTE;

/** The statistics of a metric datapoint CloudWatch answers (percentiles are not kept). */
export type Statistic = "Average" | "Sum" | "Minimum" | "Maximum" | "SampleCount";
export const STATISTICS: readonly Statistic[] = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

export const sortDimensions = (dims: readonly MetricDimension[]) =>
  [...dims].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** A metric's identity: namespace, name and the set of its dimensions. */
export const seriesKey = (namespace: string, name: string, dims: readonly MetricDimension[]) =>
  JSON.stringify([namespace, name, sortDimensions(dims).map((d) => [d.name, d.value])]);

export function findSeries(world: World, namespace: string, name: string, dims: readonly MetricDimension[]): MetricSeries | undefined {
  return own(peek(world).metrics, seriesKey(namespace, name, dims));
}

/** A statistic set to add into one minute of a series. */
export type StatisticSet = { n: number; s: number; lo: number; hi: number };

/**
 * Adds `set` into the minute of `at` of the series (made on first use), and drops points older
 * than the window before `now`.
 */
export function putDatapoint(world: World, m: { namespace: string; name: string; dimensions: readonly MetricDimension[]; unit?: string }, at: number, set: StatisticSet, now: number) {
  const key = seriesKey(m.namespace, m.name, m.dimensions);
  if (!own(world.metrics, key)) {
    setOwn(world.metrics, key, { namespace: m.namespace, name: m.name, dimensions: sortDimensions(m.dimensions), ...(m.unit ? { unit: m.unit } : {}), points: [], seq: nextSeq(world) });
  }
  const series = world.metrics[key];
  const t = Math.floor(at / MINUTE) * MINUTE;
  let i = series.points.length;
  while (i > 0 && series.points[i - 1].t > t) i--;
  const p = series.points[i - 1];
  if (p && p.t === t) {
    p.n += set.n; p.s += set.s; p.lo = Math.min(p.lo, set.lo); p.hi = Math.max(p.hi, set.hi);
  } else {
    series.points.splice(i, 0, { t, ...set });
  }
  const cut = now - METRIC_WINDOW_MS;
  let drop = 0;
  while (drop < series.points.length && series.points[drop].t < cut) drop++;
  if (drop) series.points.splice(0, drop);
}

/** The statistic of the points merged (undefined for none). */
export function statisticOf(points: readonly MetricPoint[], stat: Statistic): number | undefined {
  if (!points.length) return undefined;
  let n = 0; let s = 0; let lo = Infinity; let hi = -Infinity;
  for (const p of points) { n += p.n; s += p.s; lo = Math.min(lo, p.lo); hi = Math.max(hi, p.hi); }
  switch (stat) {
    case "SampleCount": return n;
    case "Sum": return s;
    case "Minimum": return lo;
    case "Maximum": return hi;
    case "Average": return n ? s / n : undefined;
  }
}

/**
 * The series' datapoints of `period` seconds in [start, end): one per period (aligned to
 * multiples of the period) that holds any point, oldest first, each with its statistics set.
 */
export function periodPoints(series: MetricSeries | undefined, start: number, end: number, periodSeconds: number): { t: number; points: MetricPoint[] }[] {
  if (!series) return [];
  const ms = periodSeconds * 1000;
  const out: { t: number; points: MetricPoint[] }[] = [];
  for (const p of series.points) {
    if (p.t < start || p.t >= end) continue;
    const t = Math.floor(p.t / ms) * ms;
    const last = out[out.length - 1];
    if (last && last.t === t) last.points.push(p);
    else out.push({ t, points: [p] });
  }
  return out;
}
