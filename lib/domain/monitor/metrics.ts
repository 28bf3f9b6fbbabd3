import { z } from "zod";
import { startStopBuckets, taskActivity, type StartStopBucket, type TaskActivity } from "./chart";

// A service's CPU and memory utilisation from CloudWatch (issue 15, "Metrics"), as pure steps:
// which window and period to ask for, the GetMetricData queries (in the API's own shapes), the
// series their results make, the target-tracking targets to draw, and the chart's geometry.

/** The time ranges the service page offers, in minutes. */
export const METRIC_RANGES = [60, 180, 720, 1440, 10080] as const;
export type MetricRange = (typeof METRIC_RANGES)[number];

export const MetricsQuerySchema = z.object({
  rangeMinutes: z.coerce.number({ message: "rangeMinutes is a number of minutes" }).int("rangeMinutes is a whole number of minutes")
    .refine((n): n is MetricRange => (METRIC_RANGES as readonly number[]).includes(n), { message: `rangeMinutes is one of ${METRIC_RANGES.join(", ")}` })
    .default(60),
});
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>;

/**
 * Where the utilisation comes from. AWS/ECS publishes CPUUtilization and MemoryUtilization per
 * service every minute for free; Container Insights (ECS/ContainerInsights) publishes CpuUtilized,
 * CpuReserved, MemoryUtilized and MemoryReserved, whose ratio is the same utilisation, when the
 * cluster's containerInsights setting is enabled (or enhanced).
 */
export type MetricSource = "AWS/ECS" | "ECS/ContainerInsights";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Periods a chart may use (seconds): CloudWatch accepts any multiple of 60 for standard-resolution data. */
const PERIODS = [60, 300, 900, 3600, 21_600, 86_400];
/** About one datapoint per two pixels of a 720-px-wide chart. */
const MAX_POINTS = 360;

/**
 * The period of a window: the smallest whose datapoints fit the chart, and no finer than CloudWatch
 * keeps for a start that old (1-minute data for 15 days, 5-minute for 63 days, 1-hour for 455;
 * "Metrics retention", CloudWatch User Guide).
 */
export function metricPeriod(rangeMs: number, startAgeMs: number): number {
  const floor = startAgeMs > 63 * DAY ? 3600 : startAgeMs > 15 * DAY ? 300 : 60;
  return PERIODS.find((p) => p >= floor && rangeMs / (p * 1000) <= MAX_POINTS) ?? PERIODS[PERIODS.length - 1];
}

export type MetricsWindow = { startTime: number; endTime: number; period: number };

/**
 * The window ending at `now` (the clock of whoever publishes the metrics: the sandbox's own),
 * aligned to whole periods as CloudWatch answers fastest; EndTime is exclusive, so it is the next
 * boundary after now and the current, still-filling period is included.
 */
export function metricsWindow(rangeMinutes: number, now: number): MetricsWindow {
  const rangeMs = rangeMinutes * MINUTE;
  const period = metricPeriod(rangeMs, rangeMs);
  const p = period * 1000;
  const endTime = Math.ceil((now + 1) / p) * p;
  return { startTime: Math.floor((now - rangeMs) / p) * p, endTime, period };
}

/** A MetricDataQuery of GetMetricData (its MetricStat form), in the API's own shape. */
export type MetricQuery = {
  Id: string;
  Label?: string;
  ReturnData: boolean;
  MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }; Period: number; Stat: string };
};

const ids = { cpu: "cpu", memory: "memory", cpuUsed: "cpuUsed", cpuReserved: "cpuReserved", memoryUsed: "memoryUsed", memoryReserved: "memoryReserved" } as const;

/** The queries of one service's utilisation, in one GetMetricData call (at most 500 queries per call; these are 2 or 6). */
export function serviceMetricQueries(cluster: string, service: string, period: number, containerInsights: boolean): MetricQuery[] {
  const Dimensions = [{ Name: "ClusterName", Value: cluster }, { Name: "ServiceName", Value: service }];
  const q = (Id: string, Namespace: MetricSource, MetricName: string, Label: string): MetricQuery =>
    ({ Id, Label, ReturnData: true, MetricStat: { Metric: { Namespace, MetricName, Dimensions }, Period: period, Stat: "Average" } });
  const ecs = [q(ids.cpu, "AWS/ECS", "CPUUtilization", "CPU utilization"), q(ids.memory, "AWS/ECS", "MemoryUtilization", "Memory utilization")];
  if (!containerInsights) return ecs;
  // Container Insights' raw sums: the ratio is computed here, not with metric math, so any
  // CloudWatch (the sandbox's included) answers them alike.
  return [
    ...ecs,
    q(ids.cpuUsed, "ECS/ContainerInsights", "CpuUtilized", "CPU utilized"), q(ids.cpuReserved, "ECS/ContainerInsights", "CpuReserved", "CPU reserved"),
    q(ids.memoryUsed, "ECS/ContainerInsights", "MemoryUtilized", "Memory utilized"), q(ids.memoryReserved, "ECS/ContainerInsights", "MemoryReserved", "Memory reserved"),
  ];
}

/** A MetricDataResult of GetMetricData, as far as the chart reads it. */
export type MetricResult = { Id?: string; Timestamps?: (Date | string | number)[]; Values?: number[]; StatusCode?: string; Messages?: { Code?: string; Value?: string }[] };

/** Results of several pages (NextToken) of one call: each Id's datapoints joined, its last status kept. */
export function joinResultPages(pages: MetricResult[][]): MetricResult[] {
  const byId = new Map<string, MetricResult & { Timestamps: (Date | string | number)[]; Values: number[] }>();
  for (const page of pages) {
    for (const r of page) {
      const id = r.Id ?? "";
      const into = byId.get(id) ?? { Id: id, Timestamps: [], Values: [] };
      into.Timestamps.push(...(r.Timestamps ?? []));
      into.Values.push(...(r.Values ?? []));
      if (r.StatusCode) into.StatusCode = r.StatusCode;
      if (r.Messages?.length) into.Messages = [...(into.Messages ?? []), ...r.Messages];
      byId.set(id, into);
    }
  }
  return [...byId.values()];
}

export type MetricPoint = { at: number; value: number };
export type ServiceMetricSeries = { source: MetricSource; cpu: MetricPoint[]; memory: MetricPoint[]; partial: boolean };

function pointsOf(r: MetricResult | undefined): MetricPoint[] {
  if (!r) return [];
  const ts = r.Timestamps ?? [];
  const out: MetricPoint[] = [];
  ts.forEach((t, i) => {
    const at = t instanceof Date ? t.getTime() : typeof t === "number" ? t : Date.parse(t);
    const value = r.Values?.[i];
    if (Number.isFinite(at) && value !== undefined && Number.isFinite(value)) out.push({ at, value });
  });
  return out.sort((a, b) => a.at - b.at);
}

function ratio(used: MetricPoint[], reserved: MetricPoint[]): MetricPoint[] {
  const r = new Map(reserved.map((p) => [p.at, p.value]));
  return used.flatMap((p) => {
    const of = r.get(p.at);
    return of && of > 0 ? [{ at: p.at, value: (100 * p.value) / of }] : [];
  });
}

/**
 * The series the chart draws: Container Insights' where it has datapoints (its utilisation counts
 * what the tasks reserve, as ECS does for its own metric), else AWS/ECS's.
 */
export function serviceMetricSeries(results: MetricResult[]): ServiceMetricSeries {
  const by = new Map(results.map((r) => [r.Id, r]));
  const partial = results.some((r) => r.StatusCode !== undefined && r.StatusCode !== "Complete");
  const cpu = ratio(pointsOf(by.get(ids.cpuUsed)), pointsOf(by.get(ids.cpuReserved)));
  const memory = ratio(pointsOf(by.get(ids.memoryUsed)), pointsOf(by.get(ids.memoryReserved)));
  if (cpu.length || memory.length) return { source: "ECS/ContainerInsights", cpu, memory, partial };
  return { source: "AWS/ECS", cpu: pointsOf(by.get(ids.cpu)), memory: pointsOf(by.get(ids.memory)), partial };
}

/** A target-tracking policy's target (a ScalingPolicy of DescribeScalingPolicies, as far as it is read). */
export type ScalingPolicyLike = {
  PolicyName?: string;
  PolicyType?: string;
  TargetTrackingScalingPolicyConfiguration?: {
    TargetValue?: number;
    PredefinedMetricSpecification?: { PredefinedMetricType?: string };
    CustomizedMetricSpecification?: { MetricName?: string; Namespace?: string };
  };
};

export type MetricTarget = { metric: "cpu" | "memory"; value: number; policyName: string };

/**
 * The targets to draw on each chart: target-tracking policies on the service's average CPU or
 * memory utilisation, predefined (ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization)
 * or as a customized AWS/ECS metric of the same name.
 */
export function metricTargets(policies: ScalingPolicyLike[]): MetricTarget[] {
  const out: MetricTarget[] = [];
  for (const p of policies) {
    const c = p.TargetTrackingScalingPolicyConfiguration;
    if (p.PolicyType !== "TargetTrackingScaling" || !c || c.TargetValue === undefined) continue;
    const type = c.PredefinedMetricSpecification?.PredefinedMetricType;
    const custom = c.CustomizedMetricSpecification?.Namespace === "AWS/ECS" ? c.CustomizedMetricSpecification.MetricName : undefined;
    const metric = type === "ECSServiceAverageCPUUtilization" || custom === "CPUUtilization" ? "cpu"
      : type === "ECSServiceAverageMemoryUtilization" || custom === "MemoryUtilization" ? "memory" : undefined;
    if (metric) out.push({ metric, value: c.TargetValue, policyName: p.PolicyName ?? "" });
  }
  return out;
}

/** What the service page's metrics route answers. */
export type ServiceMetricsView = {
  source: MetricSource;
  /** Whether the cluster has Container Insights enabled (so its metrics were asked for too). */
  containerInsights: boolean;
  period: number;
  startTime: string;
  endTime: string;
  cpu: MetricPoint[];
  memory: MetricPoint[];
  /** Some datapoints are missing (a result's StatusCode was PartialData, InternalError or Forbidden). */
  partial: boolean;
  targets: MetricTarget[];
  /** CloudWatch refused the read: no series. */
  error?: string;
  /** Application Auto Scaling refused its read: no target lines, the series still show. */
  targetsError?: string;
  /** The publisher's clock when read (the sandbox's own, which a lesson may have moved ahead of ours). */
  now: string;
  fetchedAt: string;
  /** Only in the sandbox: whether the person looking may set its simulated load (the server decides again). */
  load?: { canSet: boolean; cannotSetBecause?: string };
};

export type TimeMark = { at: number; kind: "deployment" | "stop"; label: string };

/** Deployments started and tasks stopped within the window, for the charts' marks, oldest first. */
export function timeMarks(
  input: { deployments: { id: string; createdAt?: string; taskDefinition?: string }[]; stopped: { taskId: string; stoppedAt?: string; stoppedReason?: string }[] },
  window: { from: number; to: number },
): TimeMark[] {
  const inside = (t: number) => Number.isFinite(t) && t >= window.from && t <= window.to;
  const marks: TimeMark[] = [];
  for (const d of input.deployments) {
    const at = Date.parse(d.createdAt ?? "");
    if (inside(at)) marks.push({ at, kind: "deployment", label: `Deployment ${d.id} of ${d.taskDefinition?.split("/").pop() ?? "a task definition"} started` });
  }
  for (const t of input.stopped) {
    const at = Date.parse(t.stoppedAt ?? "");
    if (inside(at)) marks.push({ at, kind: "stop", label: `Task ${t.taskId.slice(0, 12)} stopped${t.stoppedReason ? `: ${t.stoppedReason}` : ""}` });
  }
  return marks.sort((a, b) => a.at - b.at);
}

export type LineGeometry = { path: string; maxY: number; x(t: number): number; y(v: number): number };

/**
 * A polyline of a series over [from, to], on a 0–maxY scale (100 % at least, more when a series
 * goes beyond, as CPU does when tasks burst above their reservation on EC2). A gap of more than two
 * periods without datapoints breaks the line: missing data is not drawn as if it were there.
 */
export function linePath(points: MetricPoint[], opts: { from: number; to: number; width: number; height: number; period: number; extraY?: number[] }): LineGeometry {
  const span = Math.max(1, opts.to - opts.from);
  const top = Math.max(100, ...points.map((p) => p.value), ...(opts.extraY ?? []));
  const maxY = Math.ceil(top / 25) * 25;
  const x = (t: number) => Math.round(((Math.min(opts.to, Math.max(opts.from, t)) - opts.from) / span) * opts.width * 10) / 10;
  const y = (v: number) => Math.round((opts.height - (v / maxY) * opts.height) * 10) / 10;
  let path = "";
  let last: number | undefined;
  for (const p of points) {
    if (p.at < opts.from || p.at > opts.to) continue;
    const gap = last === undefined || p.at - last > 2 * opts.period * 1000;
    path += `${path ? " " : ""}${gap ? "M" : "L"}${x(p.at)},${y(p.value)}`;
    last = p.at;
  }
  return { path, maxY, x, y };
}

/**
 * What happened on the service page's time axis, from one list of tasks (ECS's answer and the
 * recorder's rows together): the charts' marks (deployments, stops) and the starts and stops per
 * bucket of the same window, so "N task stops" on the chart and the starts-and-stops bars agree.
 */
export function windowActivity(
  input: { deployments: { id: string; createdAt?: string; taskDefinition?: string }[]; tasks: (Omit<TaskActivity, "startedAt" | "stoppedAt" | "stoppedReason"> & { startedAt?: string | null; stoppedAt?: string | null; stoppedReason?: string | null })[] },
  window: { from: number; to: number },
  buckets = 12,
): { marks: TimeMark[]; buckets: StartStopBucket[]; started: number; stopped: number } {
  const inside = (iso?: string) => {
    const t = Date.parse(iso ?? "");
    return Number.isFinite(t) && t >= window.from && t <= window.to;
  };
  const tasks = taskActivity(input.tasks).map((t) => ({
    taskId: t.taskId, startedAt: inside(t.startedAt) ? t.startedAt : undefined, stoppedAt: inside(t.stoppedAt) ? t.stoppedAt : undefined, stoppedReason: t.stoppedReason,
  }));
  const bars = startStopBuckets(tasks, { ...window, buckets });
  return {
    marks: timeMarks({ deployments: input.deployments, stopped: tasks.filter((t) => t.stoppedAt) }, window),
    buckets: bars, started: tasks.filter((t) => t.startedAt).length, stopped: tasks.filter((t) => t.stoppedAt).length,
  };
}
