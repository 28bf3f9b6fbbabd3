import { ECS_LIMITS } from "../aws-limits";

// How many ECS calls one refresh of a cluster costs, and how often we can afford it, from the
// ECS limits the port itself batches, pages and paces by.

const { operations: ops, buckets } = ECS_LIMITS;
export const DESCRIBE_SERVICES_BATCH = ops.DescribeServices.batch;
export const DESCRIBE_TASKS_BATCH = ops.DescribeTasks.batch;
export const LIST_PAGE = ops.ListTasks.page;

export type RefreshCalls = { ListServices: number; DescribeServices: number; ListTasks: number; DescribeTasks: number };

/**
 * Calls for S services and T tasks, of which R are RUNNING-listed and T − R STOPPED-listed
 * (ListTasks is asked twice: once per desiredStatus; an empty list still costs its one page).
 */
export function callsPerRefresh(services: number, tasks: number, runningListed = tasks): RefreshCalls {
  const pages = (n: number) => Math.max(1, Math.ceil(n / LIST_PAGE));
  return {
    ListServices: pages(services),
    DescribeServices: Math.ceil(services / DESCRIBE_SERVICES_BATCH),
    ListTasks: pages(runningListed) + pages(tasks - runningListed),
    DescribeTasks: Math.ceil(tasks / DESCRIBE_TASKS_BATCH),
  };
}

export const totalCalls = (c: RefreshCalls) => c.ListServices + c.DescribeServices + c.ListTasks + c.DescribeTasks;

/** ECS's sustained rates per second (DescribeServices+ListServices share one bucket, DescribeTasks+ListTasks another). */
export const SUSTAINED = {
  services: buckets[ops.DescribeServices.bucket].perSecond,
  tasks: buckets[ops.DescribeTasks.bucket].perSecond,
};

/** What share of each sustained rate the monitor allows itself: the console and deploys share the bucket. */
export const MONITOR_SHARE = 0.25;

/** The shortest interval (ms) at which refreshes of `clusters` such clusters stay within the monitor's share. */
export function minIntervalMs(calls: RefreshCalls, clusters = 1, share = MONITOR_SHARE): number {
  const svc = (calls.ListServices + calls.DescribeServices) * clusters;
  const tsk = (calls.ListTasks + calls.DescribeTasks) * clusters;
  return Math.ceil(Math.max(svc / (SUSTAINED.services * share), tsk / (SUSTAINED.tasks * share)) * 1000);
}
