"use client";

import { useId, useState } from "react";
import {
  METRIC_RANGES, linePath, stepPaths, windowActivity,
  type CountPoint, type MetricPoint, type MetricTarget, type MonitorDeployment, type ServiceMetricsView, type TaskActivity, type TimeMark,
} from "@/lib/domain/monitor";
import { useServiceMetrics } from "@/lib/query/monitor";
import { Alert } from "@/components/ui/alert";
import { SimulatedLoad } from "./simulated-load";
import { StartsStopsChart } from "./starts-stops-chart";

// CPU and memory utilisation over one window, with the running/desired counts below them on the
// same time axis, the target-tracking targets as lines and deployments and task stops marked on
// all three, and the task starts and stops of the same window as bars: marks and bars come from
// one list of tasks (windowActivity), so they agree. The window is the publisher's (CloudWatch's clock: the sandbox's own, which a lesson
// may have moved ahead); the recorder's counts are shifted by the same offset.

const W = 720;
const H = 110;
const RANGE_LABEL: Record<number, string> = { 60: "1 h", 180: "3 h", 720: "12 h", 1440: "1 day", 10080: "1 week" };
const clock = (t: number) => new Date(t).toISOString().slice(11, 16);
const periodText = (s: number) => (s % 3600 === 0 ? `${s / 3600} hour${s === 3600 ? "" : "s"}` : `${s / 60} minute${s === 60 ? "" : "s"}`);
const pct = (v: number) => `${Math.round(v * 10) / 10}%`;

type Window = { from: number; to: number; period: number };

function Marks({ marks, w }: { marks: TimeMark[]; w: Window }) {
  const x = (t: number) => ((t - w.from) / Math.max(1, w.to - w.from)) * W;
  return (
    <g aria-hidden="true">
      {marks.map((m, i) => (
        <line key={`${m.kind}-${m.at}-${i}`} x1={x(m.at)} x2={x(m.at)} y1={0} y2={H} strokeWidth={1.5}
          strokeDasharray={m.kind === "deployment" ? "2 3" : undefined} className={m.kind === "deployment" ? "stroke-violet-500 dark:stroke-violet-400" : "stroke-red-500 dark:stroke-red-400"}>
          <title>{m.label}</title>
        </line>
      ))}
    </g>
  );
}

function Axes({ w, maxY, unit }: { w: Window; maxY: number | string; unit: string }) {
  return (
    <>
      <line x1={0} y1={H} x2={W} y2={H} className="stroke-slate-300" />
      <line x1={0} y1={0} x2={0} y2={H} className="stroke-slate-300" />
      <line x1={0} y1={H / 2} x2={W} y2={H / 2} className="stroke-slate-200" strokeDasharray="1 4" />
      <text x={-6} y={4} textAnchor="end" className="fill-slate-600 text-[10px]">{maxY}{unit}</text>
      <text x={-6} y={H} textAnchor="end" className="fill-slate-600 text-[10px]">0</text>
      <text x={0} y={H + 14} className="fill-slate-600 text-[10px]">{clock(w.from)} UTC</text>
      <text x={W} y={H + 14} textAnchor="end" className="fill-slate-600 text-[10px]">{clock(w.to)} UTC</text>
    </>
  );
}

function summary(points: MetricPoint[], target?: MetricTarget): string {
  if (!points.length) return "no datapoints";
  const latest = points[points.length - 1].value;
  const peak = Math.max(...points.map((p) => p.value));
  return `latest ${pct(latest)}, peak ${pct(peak)}${target ? `, target ${pct(target.value)}` : ""}`;
}

function MetricChart({ name, testId, points, target, marks, w }: { name: string; testId: string; points: MetricPoint[]; target?: MetricTarget; marks: TimeMark[]; w: Window }) {
  const g = linePath(points, { ...w, width: W, height: H, extraY: target ? [target.value] : [] });
  const latest = points.at(-1)?.value;
  const label = `${name}: ${summary(points, target)}`;
  return (
    <figure className="space-y-1">
      <figcaption className="flex flex-wrap items-baseline gap-x-3 text-sm">
        <span className="font-medium text-slate-900">{name}</span>
        <span className="tabular-nums text-slate-700" data-testid={`${testId}-summary`}>{summary(points, target)}</span>
      </figcaption>
      <svg viewBox={`-34 -8 ${W + 44} ${H + 26}`} className="w-full" role="img" aria-label={label} tabIndex={0} data-testid={testId}
        data-latest={latest ?? ""} data-target={target?.value ?? ""} data-above-target={target && latest !== undefined ? String(latest > target.value) : ""}>
        <title>{label}</title>
        <Axes w={w} maxY={g.maxY} unit="%" />
        {target && (
          <g data-testid={`${testId}-target`}>
            <line x1={0} x2={W} y1={g.y(target.value)} y2={g.y(target.value)} strokeWidth={1.5} strokeDasharray="6 4" className="stroke-amber-600 dark:stroke-amber-400" />
            <text x={4} y={g.y(target.value) - 4} className="fill-amber-700 text-[10px] font-semibold dark:fill-amber-300">target {pct(target.value)} ({target.policyName})</text>
          </g>
        )}
        <Marks marks={marks} w={w} />
        {points.length === 1 && <circle cx={g.x(points[0].at)} cy={g.y(points[0].value)} r={3} className="fill-brand-600 dark:fill-sky-400" />}
        <path d={g.path} fill="none" strokeWidth={2.5} strokeLinejoin="round" className="stroke-brand-600 dark:stroke-sky-400" />
      </svg>
    </figure>
  );
}

function CountsOnAxis({ points, marks, w }: { points: CountPoint[]; marks: TimeMark[]; w: Window }) {
  const inside = points.filter((p) => Date.parse(p.at) <= w.to);
  // The count before the window holds at its start: carry the last sample before it in.
  const before = inside.filter((p) => Date.parse(p.at) < w.from).at(-1);
  const shown = [...(before ? [{ ...before, at: new Date(w.from).toISOString() }] : []), ...inside.filter((p) => Date.parse(p.at) >= w.from)];
  const g = stepPaths(shown, { width: W, height: H, from: w.from, to: w.to });
  const last = shown.at(-1);
  const label = last ? `Running and desired tasks: ${last.running} running of ${last.desired} desired now` : "Running and desired tasks: nothing recorded in this window";
  return (
    <figure className="space-y-1">
      <figcaption className="flex flex-wrap items-baseline gap-x-3 text-sm">
        <span className="font-medium text-slate-900">Running vs desired tasks</span>
        <span className="flex gap-3 text-xs text-slate-700">
          <span><span className="mr-1 inline-block h-0.5 w-4 bg-emerald-600 align-middle" />running</span>
          <span><span className="mr-1 inline-block h-0.5 w-4 border-t-2 border-dashed border-slate-700 align-middle" />desired</span>
        </span>
      </figcaption>
      <svg viewBox={`-34 -8 ${W + 44} ${H + 26}`} className="w-full" role="img" aria-label={label} tabIndex={0} data-testid="metrics-counts"
        data-desired={last?.desired ?? ""} data-running={last?.running ?? ""}>
        <title>{label}</title>
        <Axes w={w} maxY={g.maxY} unit="" />
        <Marks marks={marks} w={w} />
        <path d={g.running} fill="none" strokeWidth={3} className="stroke-emerald-600 dark:stroke-emerald-400" />
        <path d={g.desired} fill="none" strokeWidth={1.5} strokeDasharray="5 4" className="stroke-slate-700" />
      </svg>
    </figure>
  );
}

function Source({ v }: { v: ServiceMetricsView }) {
  const what = v.source === "AWS/ECS" ? "AWS/ECS CPUUtilization and MemoryUtilization" : "Container Insights (ECS/ContainerInsights) CpuUtilized ÷ CpuReserved and MemoryUtilized ÷ MemoryReserved";
  return (
    <p className="text-xs text-slate-600" data-testid="metrics-source">
      {what}, average per {periodText(v.period)}, per service.
      {v.source === "AWS/ECS" && v.containerInsights && " Container Insights is enabled on the cluster but has no datapoints here yet."}
      {v.source === "AWS/ECS" && !v.containerInsights && " Container Insights is off for this cluster (task-level metrics need it)."}
    </p>
  );
}

export function UtilisationCharts({ envId, cluster, service, counts, now, deployments, tasks }: {
  envId: string; cluster: string; service: string; counts: CountPoint[]; now: number;
  deployments: Pick<MonitorDeployment, "id" | "createdAt" | "taskDefinition">[]; tasks: TaskActivity[];
}) {
  const [range, setRange] = useState<number>(60);
  const q = useServiceMetrics(envId, cluster, service, range);
  const v = q.data;
  const name = useId();
  // Without CloudWatch's window (its read failed), the counts still show over the range ending now.
  const w: Window | undefined = v ? { from: Date.parse(v.startTime), to: Date.parse(v.endTime), period: v.period }
    : q.error && now ? { from: now - range * 60_000, to: now, period: 60 } : undefined;
  // The recorder stamps counts with our clock; the publisher's may be ahead (a stepped sandbox).
  const offset = v ? Date.parse(v.now) - Date.parse(v.fetchedAt) : 0;
  const shifted = offset ? counts.map((p) => ({ ...p, at: new Date(Date.parse(p.at) + offset).toISOString() })) : counts;
  const activity = w ? windowActivity({ deployments, tasks }, w) : undefined;
  const marks = activity?.marks ?? [];
  const target = (m: MetricTarget["metric"]) => v?.targets.find((t) => t.metric === m);
  const empty = v && !v.error && v.cpu.length === 0 && v.memory.length === 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <fieldset className="flex flex-wrap items-center gap-1" aria-label="Time range">
          <legend className="sr-only">Time range</legend>
          {METRIC_RANGES.map((r) => (
            <label key={r} className={`cursor-pointer rounded-md border px-2.5 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${range === r ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 text-slate-700 hover:bg-slate-100"}`}>
              <input type="radio" name={name} value={r} checked={range === r} onChange={() => setRange(r)} className="sr-only" />
              {RANGE_LABEL[r]}
            </label>
          ))}
        </fieldset>
        {q.isFetching && <span className="text-xs text-slate-600" role="status">Reading CloudWatch…</span>}
      </div>
      {q.isPending && <p className="text-sm text-slate-600" data-testid="metrics-loading">Reading CPU and memory utilisation from CloudWatch…</p>}
      {q.error && <Alert tone="error" title="Could not read the metrics">{q.error.message}</Alert>}
      {v?.error && <Alert tone="error" title="CloudWatch answered with an error">{v.error}</Alert>}
      {v?.targetsError && <Alert tone="error" title="Could not read the scaling policies (no target lines)">{v.targetsError}</Alert>}
      {v && !v.error && <Source v={v} />}
      {v?.partial && <p className="text-xs text-amber-800">CloudWatch returned partial data for this window: some datapoints may be missing.</p>}
      {empty && (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-700" data-testid="metrics-empty">
          No datapoints yet: metrics arrive every minute while the service has running tasks.
        </p>
      )}
      {w && v && !v.error && !empty && (
        <div className="space-y-3">
          <MetricChart name="CPU utilization" testId="metrics-cpu" points={v.cpu} target={target("cpu")} marks={marks} w={w} />
          <MetricChart name="Memory utilization" testId="metrics-memory" points={v.memory} target={target("memory")} marks={marks} w={w} />
        </div>
      )}
      {w && <CountsOnAxis points={shifted} marks={marks} w={w} />}
      {marks.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700" data-testid="metrics-marks-summary">
            <span className="mr-3"><span className="mr-1 inline-block h-3 w-0.5 bg-violet-500 align-middle" />deployments ({marks.length - (activity?.stopped ?? 0)})</span>
            <span><span className="mr-1 inline-block h-3 w-0.5 bg-red-500 align-middle" />task stops ({activity?.stopped ?? 0})</span>
            <span className="ml-2 text-slate-600">in this window</span>
          </summary>
          <ol className="mt-1 space-y-0.5" data-testid="metrics-marks">
            {marks.map((m, i) => (
              <li key={`${m.at}-${i}`} className={`border-l-4 pl-2 ${m.kind === "deployment" ? "border-violet-500" : "border-red-500"}`}>
                <time className="mr-2 tabular-nums text-slate-600" dateTime={new Date(m.at).toISOString()}>{clock(m.at)}</time>{m.label}
              </li>
            ))}
          </ol>
        </details>
      )}
      {activity && (
        <div className="space-y-1" data-testid="starts-stops">
          <h3 className="text-sm font-medium text-slate-900">Task starts and stops</h3>
          <StartsStopsChart buckets={activity.buckets} started={activity.started} stopped={activity.stopped} title={`Task starts and stops of ${service}`} />
        </div>
      )}
      {v?.load && <SimulatedLoad envId={envId} cluster={cluster} service={service} canSet={v.load.canSet} cannotSetBecause={v.load.cannotSetBecause} />}
    </div>
  );
}
