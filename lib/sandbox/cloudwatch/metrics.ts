import { z } from "zod";
import { peek } from "../core/draft";
import { METRIC_WINDOW_MS, STATISTICS, findSeries, periodPoints, putDatapoint, statisticOf, type StatisticSet, type Statistic } from "../core/metric-store";
import { encodeOffset } from "../core/paging";
import type { Ctx, MetricSeries, World } from "../core/types";
import { epochSeconds } from "../protocols/json-1-1";
import { cloudWatchError, invalidCombination, invalidValue } from "./errors";
import {
  Dimensions, Metric, MetricName, Namespace, Period, Stat, StandardUnit, Timestamp,
  checkPeriod, dimsOut, parseInput, toDims, tokenOffset,
} from "./input";

// Metrics: GetMetricData, GetMetricStatistics, ListMetrics, PutMetricData
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html and
// the pages of the others). Datapoints are the one-minute statistic sets of core/metric-store.ts:
// the simulation's AWS/ECS and AWS/ApplicationELB metrics (ecs/load.ts) and what PutMetricData put.
// Limits: 500 queries per GetMetricData, 100,800 datapoints per call by default; 1,440 datapoints
// per GetMetricStatistics; 1,000 metrics per PutMetricData; 500 metrics per ListMetrics page
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html).

const MAX_QUERIES = 500;
const DEFAULT_MAX_DATAPOINTS = 100_800;
const MAX_STATISTICS_DATAPOINTS = 1_440;
const LIST_PAGE = 500;

/** The statistic a query names; percentiles and trimmed means are not kept (statistic sets only). */
function statistic(stat: string, at: string): Statistic {
  if ((STATISTICS as readonly string[]).includes(stat)) return stat as Statistic;
  throw invalidValue(`The value ${stat} for parameter ${at} is not supported by the sandbox, which keeps statistic sets: use SampleCount, Average, Sum, Minimum or Maximum.`);
}

function checkRange(start: number, end: number) {
  if (!(start < end)) throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
}

const Query = z.object({
  Id: z.string().min(1).max(255).regex(/^[a-z][a-zA-Z0-9_]*$/, "Member must satisfy regular expression pattern: [a-z][a-zA-Z0-9_]*"),
  MetricStat: z.object({ Metric, Period, Stat, Unit: StandardUnit.optional() }).optional(),
  Expression: z.string().min(1).max(2048).optional(),
  Label: z.string().optional(),
  ReturnData: z.boolean().optional(),
  Period: Period.optional(),
  AccountId: z.string().min(1).max(255).optional(),
});

const GetDataSchema = z.object({
  MetricDataQueries: z.array(Query).max(MAX_QUERIES),
  StartTime: Timestamp,
  EndTime: Timestamp,
  NextToken: z.string().optional(),
  ScanBy: z.enum(["TimestampDescending", "TimestampAscending"]).optional(),
  MaxDatapoints: z.number().int().min(1).optional(),
  LabelOptions: z.object({ Timezone: z.string().optional() }).optional(),
});

type Series = { t: number; v: number }[];

function queried(world: World, q: z.infer<typeof Query>, start: number, end: number): Series {
  const ms = q.MetricStat;
  if (!ms) throw invalidValue(`The sandbox answers MetricStat queries only; metric math (the Expression of query ${q.Id}) is not supported.`);
  checkPeriod(ms.Period, `MetricDataQueries.member.${q.Id}.MetricStat.Period`);
  const stat = statistic(ms.Stat, "Stat");
  const { Namespace: ns, MetricName: name } = ms.Metric;
  if (!ns || !name) throw cloudWatchError("MissingRequiredParameterException", `The query ${q.Id} must name the Namespace and MetricName of its metric.`);
  const series = findSeries(world, ns, name, toDims(ms.Metric.Dimensions));
  if (ms.Unit !== undefined && series && (series.unit ?? "None") !== ms.Unit) return [];
  return periodPoints(series, start, end, ms.Period).flatMap((b) => {
    const v = statisticOf(b.points, stat);
    return v === undefined ? [] : [{ t: b.t, v }];
  });
}

/**
 * Every query's datapoints (newest first unless ScanBy says otherwise); a page holds at most
 * MaxDatapoints over all results together, and a result with more to come is `PartialData`.
 */
export function getMetricData(world: World, raw: unknown) {
  const input = parseInput(GetDataSchema, raw);
  if (!input.MetricDataQueries.length) throw cloudWatchError("MissingRequiredParameterException", "The parameter MetricDataQueries is required.");
  const ids = new Set<string>();
  for (const q of input.MetricDataQueries) {
    if (ids.has(q.Id)) throw invalidValue(`The value ${q.Id} for field Id in MetricDataQueries is not unique.`);
    ids.add(q.Id);
    if (!q.MetricStat === !q.Expression) throw invalidCombination(`Exactly one of the parameters MetricStat and Expression must be specified in the query ${q.Id}.`);
  }
  const start = input.StartTime * 1000;
  const end = input.EndTime * 1000;
  checkRange(start, end);
  const ascending = input.ScanBy === "TimestampAscending";
  const results = input.MetricDataQueries.filter((q) => q.ReturnData !== false).map((q) => {
    const points = queried(world, q, start, end);
    if (!ascending) points.reverse();
    return { q, points };
  });
  const from = tokenOffset(input.NextToken);
  const budget = input.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS;
  let at = 0;
  let more = false;
  const out = results.map(({ q, points }) => {
    const lo = Math.max(0, from - at);
    const hi = Math.max(0, Math.min(points.length, from + budget - at));
    at += points.length;
    const page = points.slice(lo, Math.max(lo, hi));
    const partial = hi < points.length;
    more ||= partial;
    return {
      Id: q.Id, Label: q.Label ?? q.MetricStat?.Metric.MetricName ?? q.Id,
      Timestamps: page.map((p) => epochSeconds(p.t)), Values: page.map((p) => p.v),
      StatusCode: partial ? "PartialData" : "Complete", Messages: [],
    };
  });
  return { MetricDataResults: out, ...(more ? { NextToken: encodeOffset(from + budget) } : {}), Messages: [] };
}

const GetStatsSchema = z.object({
  Namespace, MetricName, Dimensions: Dimensions.optional(),
  StartTime: Timestamp, EndTime: Timestamp, Period,
  Statistics: z.array(z.enum(["SampleCount", "Average", "Sum", "Minimum", "Maximum"])).min(1).max(5).optional(),
  ExtendedStatistics: z.array(z.string()).min(1).max(10).optional(),
  Unit: StandardUnit.optional(),
});

export function getMetricStatistics(world: World, raw: unknown) {
  const input = parseInput(GetStatsSchema, raw);
  if (!input.Statistics && !input.ExtendedStatistics) throw invalidCombination("At least one of the parameters Statistics and ExtendedStatistics must be specified.");
  if (input.Statistics && input.ExtendedStatistics) throw invalidCombination("The parameters Statistics and ExtendedStatistics are mutually exclusive and you have specified both.");
  if (input.ExtendedStatistics) statistic(input.ExtendedStatistics[0], "ExtendedStatistics");
  checkPeriod(input.Period);
  const start = input.StartTime * 1000;
  const end = input.EndTime * 1000;
  checkRange(start, end);
  const wanted = Math.ceil((end - start) / (input.Period * 1000));
  if (wanted > MAX_STATISTICS_DATAPOINTS) {
    throw invalidCombination(`You have requested up to ${wanted.toLocaleString("en-US")} datapoints, which exceeds the limit of ${MAX_STATISTICS_DATAPOINTS.toLocaleString("en-US")}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`);
  }
  const series = findSeries(world, input.Namespace, input.MetricName, toDims(input.Dimensions));
  const unit = series?.unit ?? "None";
  const stats = input.Statistics ?? [];
  const Datapoints = input.Unit !== undefined && input.Unit !== unit ? [] : periodPoints(series, start, end, input.Period).map((b) => {
    const d: Record<string, unknown> = { Timestamp: epochSeconds(b.t) };
    for (const s of stats) d[s] = statisticOf(b.points, s);
    d.Unit = unit;
    return d;
  });
  return { Label: input.MetricName, Datapoints };
}

const ListSchema = z.object({
  Namespace: Namespace.optional(), MetricName: MetricName.optional(),
  Dimensions: z.array(z.object({ Name: z.string().min(1).max(255), Value: z.string().min(1).max(1024).optional() })).max(10).optional(),
  NextToken: z.string().optional(),
  RecentlyActive: z.enum(["PT3H"]).optional(),
  IncludeLinkedAccounts: z.boolean().optional(),
  OwningAccount: z.string().optional(),
});

const lastPointAt = (s: MetricSeries) => s.points[s.points.length - 1]?.t ?? -Infinity;

/** Metrics with datapoints in the kept window (CloudWatch: the past two weeks), ordered by namespace, name and dimensions. */
export function listMetrics(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(ListSchema, raw);
  const since = input.RecentlyActive ? ctx.now - 3 * 3600_000 : ctx.now - METRIC_WINDOW_MS;
  const all = Object.values(peek(world).metrics)
    .filter((s) => lastPointAt(s) >= since)
    .filter((s) => input.Namespace === undefined || s.namespace === input.Namespace)
    .filter((s) => input.MetricName === undefined || s.name === input.MetricName)
    .filter((s) => (input.Dimensions ?? []).every((f) => s.dimensions.some((d) => d.name === f.Name && (f.Value === undefined || d.value === f.Value))))
    .sort((a, b) => a.seq - b.seq);
  const from = tokenOffset(input.NextToken);
  const page = all.slice(from, from + LIST_PAGE);
  return {
    Metrics: page.map((s) => ({ Namespace: s.namespace, MetricName: s.name, Dimensions: dimsOut(s.dimensions) })),
    ...(from + LIST_PAGE < all.length ? { NextToken: encodeOffset(from + LIST_PAGE) } : {}),
  };
}

const Datum = z.object({
  MetricName, Dimensions: Dimensions.optional(), Timestamp: Timestamp.optional(), Value: z.number().optional(),
  StatisticValues: z.object({ SampleCount: z.number().positive(), Sum: z.number(), Minimum: z.number(), Maximum: z.number() }).optional(),
  Values: z.array(z.number()).max(150).optional(), Counts: z.array(z.number()).max(150).optional(),
  Unit: StandardUnit.optional(), StorageResolution: z.union([z.literal(1), z.literal(60)]).optional(),
});
const PutSchema = z.object({ Namespace, MetricData: z.array(Datum).min(1).max(1000).optional(), EntityMetricData: z.array(z.unknown()).optional(), StrictEntityValidation: z.boolean().optional() });

/** A value CloudWatch accepts: within ±2^360 (and not NaN or infinite). */
const acceptable = (v: number) => Number.isFinite(v) && Math.abs(v) <= 2 ** 360;

function datumSet(d: z.infer<typeof Datum>, at: string): StatisticSet {
  const given = [d.Value !== undefined, d.StatisticValues !== undefined, d.Values !== undefined].filter(Boolean).length;
  if (given > 1) throw invalidCombination(`The parameters ${at}.Value, ${at}.StatisticValues and ${at}.Values are mutually exclusive and you have specified more than one.`);
  if (given === 0) throw cloudWatchError("MissingRequiredParameterException", `The parameter ${at}.Value is required.`);
  if (d.StatisticValues) {
    const { SampleCount: n, Sum: s, Minimum: lo, Maximum: hi } = d.StatisticValues;
    if (![n, s, lo, hi].every(acceptable) || lo > hi) throw invalidValue(`The parameter ${at}.StatisticValues is invalid.`);
    return { n, s, lo, hi };
  }
  if (d.Values) {
    const counts = d.Counts ?? d.Values.map(() => 1);
    if (counts.length !== d.Values.length) throw invalidCombination(`The parameters ${at}.Values and ${at}.Counts must be of the same size.`);
    if (!d.Values.length || !d.Values.every(acceptable)) throw invalidValue(`The parameter ${at}.Values is invalid.`);
    let n = 0; let s = 0;
    d.Values.forEach((v, i) => { n += counts[i]; s += v * counts[i]; });
    return { n, s, lo: Math.min(...d.Values), hi: Math.max(...d.Values) };
  }
  const v = d.Value ?? 0;
  if (!acceptable(v)) throw invalidValue(`The value ${v} for parameter ${at}.Value is invalid.`);
  return { n: 1, s: v, lo: v, hi: v };
}

const TWO_WEEKS = 14 * 24 * 3600_000;
const TWO_HOURS = 2 * 3600_000;

/** Custom metrics (not AWS/ namespaces); datapoints older than the kept window are accepted and dropped. */
export function putMetricData(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(PutSchema, raw);
  if (input.Namespace.startsWith("AWS/")) throw invalidValue(`The value ${input.Namespace} for parameter Namespace is invalid.`);
  if (!input.MetricData?.length) throw cloudWatchError("MissingRequiredParameterException", "The parameter MetricData is required.");
  input.MetricData.forEach((d, i) => {
    const at = `MetricData.member.${i + 1}`;
    const t = d.Timestamp === undefined ? ctx.now : d.Timestamp * 1000;
    if (t > ctx.now + TWO_HOURS) throw invalidValue(`The parameter ${at}.Timestamp must specify a time no more than two hours in the future.`);
    if (t < ctx.now - TWO_WEEKS) throw invalidValue(`The parameter ${at}.Timestamp must specify a time within the past two weeks.`);
    putDatapoint(world, { namespace: input.Namespace, name: d.MetricName, dimensions: toDims(d.Dimensions), unit: d.Unit }, t, datumSet(d, at), ctx.now);
  });
  return {};
}
