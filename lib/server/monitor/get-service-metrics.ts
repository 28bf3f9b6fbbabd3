import type { GetMetricDataCommandOutput } from "@aws-sdk/client-cloudwatch";
import { toAwsFailure } from "@/lib/aws";
import { ACTION_PERMISSIONS, decide } from "@/lib/domain/access";
import { ecsResourceId } from "@/lib/domain/ecs-facts/auto-scaling";
import {
  joinResultPages, metricTargets, metricsWindow, serviceMetricQueries, serviceMetricSeries,
  type MetricResult, type MetricTarget, type MetricsQuery, type ServiceMetricsView,
} from "@/lib/domain/monitor";
import type { AppContext } from "../context";
import { loadEnvironmentRow, type EnvironmentRow } from "../environments/environment-record";
import { sandboxControl } from "../learn/sandbox";
import type { ServiceRef } from "./schemas";

// A service's CPU and memory utilisation (issue 15, "Metrics"): one GetMetricData call (every
// page of it) through the environment's CloudWatch port, and the target-tracking targets from
// DescribeScalingPolicies. What one viewer asked is kept for READ_TTL_MS per process, so twenty
// viewers of a service cost CloudWatch the calls of one (GetMetricData's quota is 50 TPS per
// account and Region, "CloudWatch service quotas").

export type ServiceMetricsInput = ServiceRef & MetricsQuery;

const READ_TTL_MS = 15_000;
/** GetMetricData answers at most 100,800 datapoints a page; the chart's queries need one page, a few at most. */
const MAX_PAGES = 10;
const CONTAINER_INSIGHTS_ON = new Set(["enabled", "enhanced"]);

type Cached = { at: number; view: Promise<ServiceMetricsView> };
const g = globalThis as typeof globalThis & { __stevedoreMetricReads?: Map<string, Cached> };
const reads = () => (g.__stevedoreMetricReads ??= new Map());

/** The clock the metrics are stamped with: the sandbox's own (it can run fast or be stepped), else ours. */
async function publisherNow(ctx: AppContext, env: EnvironmentRow): Promise<number> {
  if (env.kind !== "sandbox") return ctx.clock.now().getTime();
  const status = (await sandboxControl(ctx, { action: "status", region: env.region })) as { now?: number };
  return typeof status.now === "number" ? status.now * 1000 : ctx.clock.now().getTime();
}

async function containerInsightsOn(ctx: AppContext, env: EnvironmentRow, cluster: string): Promise<boolean> {
  try {
    const { clusters } = await ctx.aws.ecs(env).describeClusters({ clusters: [cluster], include: ["SETTINGS"] });
    return clusters[0]?.settings?.some((s) => s.name === "containerInsights" && CONTAINER_INSIGHTS_ON.has(s.value ?? "")) ?? false;
  } catch {
    return false; // the metrics read below reports what is wrong with the account
  }
}

async function targetsOf(ctx: AppContext, env: EnvironmentRow, input: ServiceRef): Promise<{ targets: MetricTarget[]; targetsError?: string }> {
  try {
    return { targets: metricTargets(await ctx.aws.autoscaling(env).describeScalingPolicies(ecsResourceId(input.cluster, input.service))) };
  } catch (err) {
    const f = toAwsFailure(err);
    return { targets: [], targetsError: `${f.name}: ${f.message}` };
  }
}

async function read(ctx: AppContext, env: EnvironmentRow, input: ServiceMetricsInput, now: number): Promise<ServiceMetricsView> {
  const window = metricsWindow(input.rangeMinutes, now);
  const [containerInsights, targets] = await Promise.all([containerInsightsOn(ctx, env, input.cluster), targetsOf(ctx, env, input)]);
  const base = {
    now: new Date(now).toISOString(), containerInsights, period: window.period, startTime: new Date(window.startTime).toISOString(), endTime: new Date(window.endTime).toISOString(),
    fetchedAt: ctx.clock.now().toISOString(), ...targets,
  };
  const cloudwatch = ctx.aws.cloudwatch(env);
  const pages: MetricResult[][] = [];
  try {
    let token: string | undefined;
    do {
      const r: GetMetricDataCommandOutput = await cloudwatch.getMetricData({
        MetricDataQueries: serviceMetricQueries(input.cluster, input.service, window.period, containerInsights),
        StartTime: new Date(window.startTime), EndTime: new Date(window.endTime), ScanBy: "TimestampAscending",
        ...(token ? { NextToken: token } : {}),
      });
      pages.push(r.MetricDataResults ?? []);
      token = r.NextToken;
    } while (token && pages.length < MAX_PAGES);
  } catch (err) {
    const f = toAwsFailure(err);
    return { ...base, source: "AWS/ECS", cpu: [], memory: [], partial: false, error: `${f.name}: ${f.message}` };
  }
  return { ...base, ...serviceMetricSeries(joinResultPages(pages)) };
}

/** One read per key per READ_TTL_MS for every viewer of the process (a failed read is not kept). */
function shared(key: string, at: number, make: () => Promise<ServiceMetricsView>): Promise<ServiceMetricsView> {
  const hit = reads().get(key);
  if (hit && at - hit.at < READ_TTL_MS && at >= hit.at) return hit.view;
  if (reads().size > 500) reads().clear();
  const view = make();
  reads().set(key, { at, view });
  view.catch(() => reads().delete(key));
  return view;
}

/** Whether the person looking may set the sandbox's simulated load, decided as the server will decide the action. */
function loadControl(ctx: AppContext, env: EnvironmentRow): ServiceMetricsView["load"] {
  if (env.kind !== "sandbox") return undefined;
  const refused = env.readOnly ? { message: `Environment "${env.name}" is read-only.` } : decide(ctx.actor, ACTION_PERMISSIONS.setSimulatedLoadAction);
  return refused ? { canSet: false, cannotSetBecause: refused.message } : { canSet: true };
}

/** The service's utilisation over the last `rangeMinutes`, on the clock of whoever publishes it. */
export async function getServiceMetrics({ ctx, input }: { ctx: AppContext; input: ServiceMetricsInput }): Promise<ServiceMetricsView> {
  const env = await loadEnvironmentRow(ctx, input.envId);
  const now = await publisherNow(ctx, env);
  // The window's end is part of the key: a stepped sandbox clock (or a new minute) is a new read.
  const key = JSON.stringify([env.id, env.region, env.endpoint, input.cluster, input.service, input.rangeMinutes, metricsWindow(input.rangeMinutes, now).endTime]);
  const view = await shared(key, ctx.clock.now().getTime(), () => read(ctx, env, input, now));
  const load = loadControl(ctx, env);
  return load ? { ...view, load } : view;
}
