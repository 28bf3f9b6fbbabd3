"use client";

import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { getJson } from "./get-json";
import type {
  ClusterList, ExecReadiness, Figures, HistoryRow, InstancesView, LogsView, MonitorView, RunTaskChoices, ScalingActivitiesView, SchedulesView, ServiceDeploymentsView, ServiceHistory,
  ServiceMetricsView, TaskRun,
} from "@/lib/domain/monitor";

// The monitor's GET routes, one query (one key, one URL) each, for every view that shows them:
// the Monitor pages and the canvas's Live mode share the cache. Every live view polls its route
// every few seconds; the server's shared poller decides how often ECS is actually asked, so more
// tabs cost ECS nothing.

export const REFRESH_MS = 3_000;

/** How often each live query refetches (the load benchmark replays these to act as a viewer). */
export const POLL_MS = {
  clusterView: REFRESH_MS,
  clusters: 10_000,
  serviceHistory: REFRESH_MS * 2,
  /** The server reads instances at most every 10 s, so polling faster gains nothing. */
  instances: 10_000,
  /** The server reads schedules at most every 10 s too. */
  schedules: 10_000,
  figures: 5_000,
  /** While a deployment moves (traffic shifts, a hook waits); its own ECS reads, so slower when nothing moves. */
  deploymentsActive: REFRESH_MS,
  deploymentsIdle: 20_000,
  /** Application Auto Scaling's own reads: scaling moves on minutes, not seconds. */
  scaling: 15_000,
  /** CloudWatch's datapoints come a minute at a time (faster in a sped-up sandbox); the server shares one read per 15 s. */
  metrics: 15_000,
  /** A one-off task a person waits on: ECS moves it every few seconds; one DescribeTasks per poll. */
  taskRun: 2_000,
} as const;

const enc = encodeURIComponent;
const base = (envId: string, cluster: string) => `/api/monitor/${enc(envId)}/${enc(cluster)}`;

/** The URL each live query polls (the load benchmark requests the same ones). */
export const monitorUrl = {
  clusters: (envId: string) => `/api/monitor/${enc(envId)}`,
  clusterView: (envId: string, cluster: string, service?: string) => `${base(envId, cluster)}${service ? `?service=${enc(service)}` : ""}`,
  serviceHistory: (envId: string, cluster: string, service: string) => `${base(envId, cluster)}/services/${enc(service)}`,
  instances: (envId: string, cluster: string) => `${base(envId, cluster)}/instances`,
  schedules: (envId: string, cluster: string) => `${base(envId, cluster)}/schedules`,
  deployments: (envId: string, cluster: string, service: string) => `${base(envId, cluster)}/services/${enc(service)}/deployments`,
  logs: (envId: string, cluster: string, service: string, q: LogsParams = {}) => {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
    const query = params.toString();
    return `${base(envId, cluster)}/services/${enc(service)}/logs${query ? `?${query}` : ""}`;
  },
  scaling: (envId: string, cluster: string, service: string) => `${base(envId, cluster)}/services/${enc(service)}/scaling`,
  metrics: (envId: string, cluster: string, service: string, rangeMinutes: number) => `${base(envId, cluster)}/services/${enc(service)}/metrics?rangeMinutes=${rangeMinutes}`,
  taskRun: (envId: string, cluster: string, task: string) => `${base(envId, cluster)}/tasks/${enc(task)}`,
};

/** The log view's query (lib/domain/monitor/logs.ts LogsQuerySchema). */
export type LogsParams = { task?: string; container?: string; startTime?: number; endTime?: number; filterPattern?: string; nextToken?: string; tail?: "1"; after?: string };

/** A page of a service's container logs; a live tail polls the same route with `tail` (see LogView). */
export function useServiceLogs(envId: string, cluster: string, service: string, q: LogsParams) {
  return useQuery({ queryKey: ["monitor-logs", envId, cluster, service, q], queryFn: () => getJson<LogsView>(monitorUrl.logs(envId, cluster, service, q), "Reading the logs") });
}

/** One read of a live tail: the shared poller's lines after `after`. */
export const readLogTail = (envId: string, cluster: string, service: string, q: LogsParams) =>
  getJson<LogsView>(monitorUrl.logs(envId, cluster, service, { ...q, tail: "1" }), "The live tail");

/** A cluster's monitor view (optionally one service's), polled every REFRESH_MS. */
export function clusterViewQuery(envId: string, cluster: string, service?: string) {
  return queryOptions({
    queryKey: ["monitor", envId, cluster, service ?? ""],
    queryFn: () => getJson<MonitorView>(monitorUrl.clusterView(envId, cluster, service), "Monitoring"),
    refetchInterval: POLL_MS.clusterView,
    refetchIntervalInBackground: false,
  });
}

export function useClusterView(envId: string, cluster: string, service?: string) {
  return useQuery(clusterViewQuery(envId, cluster, service));
}

export function useClusters(envId: string) {
  return useQuery({ queryKey: ["monitor-clusters", envId], queryFn: () => getJson<ClusterList>(monitorUrl.clusters(envId)), refetchInterval: POLL_MS.clusters });
}

export function useServiceHistory(envId: string, cluster: string, service: string) {
  return useQuery({
    queryKey: ["monitor-service", envId, cluster, service],
    queryFn: () => getJson<ServiceHistory>(monitorUrl.serviceHistory(envId, cluster, service)),
    refetchInterval: POLL_MS.serviceHistory,
  });
}

export function historyUrl(envId: string, cluster: string, params: Record<string, string>, format?: "csv" | "json") {
  const q = new URLSearchParams(Object.entries({ ...params, ...(format ? { format } : {}) }).filter(([, v]) => v));
  return `${base(envId, cluster)}/history?${q}`;
}

export function useHistory(envId: string, cluster: string, params: Record<string, string>) {
  return useQuery({ queryKey: ["monitor-history", envId, cluster, params], queryFn: () => getJson<{ rows: HistoryRow[] }>(historyUrl(envId, cluster, params)) });
}

export function useFigures() {
  return useQuery({ queryKey: ["monitor-figures"], queryFn: () => getJson<Figures>("/api/monitor/figures"), refetchInterval: POLL_MS.figures });
}

/** The cluster's container instances. */
export function useContainerInstances(envId: string, cluster: string | undefined, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["monitor-instances", envId, cluster],
    queryFn: () => getJson<InstancesView>(monitorUrl.instances(envId, cluster!)),
    enabled: (opts.enabled ?? true) && cluster !== undefined,
    refetchInterval: POLL_MS.instances,
  });
}

/** The EventBridge Scheduler schedules that run tasks in the cluster. */
export function useClusterSchedules(envId: string, cluster: string) {
  return useQuery({
    queryKey: ["monitor-schedules", envId, cluster],
    queryFn: () => getJson<SchedulesView>(monitorUrl.schedules(envId, cluster)),
    refetchInterval: POLL_MS.schedules,
  });
}

/** The service's deployments from ECS's service deployments API: fast while one moves, slow otherwise. */
export function useServiceDeployments(envId: string, cluster: string | undefined, service: string | undefined, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["monitor-deployments", envId, cluster, service],
    queryFn: () => getJson<ServiceDeploymentsView>(monitorUrl.deployments(envId, cluster!, service!)),
    enabled: (opts.enabled ?? true) && cluster !== undefined && service !== undefined,
    refetchInterval: (q) => (q.state.data?.deployments.some((d) => d.active) ? POLL_MS.deploymentsActive : POLL_MS.deploymentsIdle),
  });
}

/** The service's auto scaling range and scaling activities (why its desired count changed). */
export function useScalingActivities(envId: string, cluster: string, service: string) {
  return useQuery({
    queryKey: ["monitor-scaling", envId, cluster, service],
    queryFn: () => getJson<ScalingActivitiesView>(monitorUrl.scaling(envId, cluster, service)),
    refetchInterval: POLL_MS.scaling,
  });
}

/** The service's CPU and memory utilisation over the last `rangeMinutes`, with its target-tracking targets. */
export function useServiceMetrics(envId: string, cluster: string, service: string, rangeMinutes: number) {
  return useQuery({
    queryKey: ["monitor-metrics", envId, cluster, service, rangeMinutes],
    queryFn: () => getJson<ServiceMetricsView>(monitorUrl.metrics(envId, cluster, service, rangeMinutes), "Reading CloudWatch"),
    refetchInterval: POLL_MS.metrics,
    placeholderData: (previous) => previous,
  });
}

/** What the Run task dialog offers: families, the chosen definition's revisions and containers, the service's defaults. */
export function useRunTaskChoices(envId: string, cluster: string, q: { service?: string; taskDefinition?: string }, opts: { enabled?: boolean } = {}) {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
  return useQuery({
    queryKey: ["monitor-run-task-choices", envId, cluster, q], enabled: opts.enabled ?? true, staleTime: 30_000, placeholderData: keepPreviousData,
    queryFn: () => getJson<RunTaskChoices>(`${base(envId, cluster)}/run-task${params.size ? `?${params}` : ""}`, "Reading the task definitions"),
  });
}

/** A one-off task as it runs, polled until it is STOPPED. */
export function useTaskRun(envId: string, cluster: string, task: string | undefined) {
  return useQuery({
    queryKey: ["monitor-task-run", envId, cluster, task], enabled: Boolean(task),
    queryFn: () => getJson<TaskRun>(monitorUrl.taskRun(envId, cluster, task!), "Reading the task"),
    refetchInterval: (q) => (q.state.data?.task.lastStatus === "STOPPED" ? false : POLL_MS.taskRun),
  });
}

/** A task's ECS Exec readiness, read when asked (it reads IAM too). */
export function useExecReadiness(envId: string, cluster: string, task: string | undefined, container?: string) {
  return useQuery({
    queryKey: ["monitor-exec-readiness", envId, cluster, task, container ?? ""], enabled: Boolean(task), staleTime: 10_000,
    queryFn: () => getJson<ExecReadiness>(`${monitorUrl.taskRun(envId, cluster, task!)}/exec${container ? `?container=${enc(container)}` : ""}`, "Checking ECS Exec"),
  });
}
