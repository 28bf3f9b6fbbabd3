import { stableFraction } from "../core/ids";
import type { Load, Task, World } from "../core/types";
import { printEvents, servingContainer } from "./container-logs";

// A line per simulated request (issue 15): the load simulation (load.ts) hands each task its
// share of requests every simulated minute, and the task's serving container prints an access
// line for them into its awslogs stream, `GET /api/items 200 14ms`. Pure and deterministic (a
// line's draws hash its task and time; the world's generator is left alone).
//
// Bounded, and said so: at most one line per task every ACCESS_LINE_EVERY_MS of simulated time
// (12 a minute). Below that rate every request has its line; above it each line is a sample, and
// the sample keeps the minute's share of errors. The request count itself is the target group's
// RequestCount metric, not the number of lines. The lines are shipped once a simulated minute,
// when the minute's metrics are recorded, in PutLogEvents batches within the API's limits
// (log-store.ts `driverBatches`).
//
// The model (stated, not measured), over the same CPU costs as the utilisation:
// - demand = rps × cpuMsPerRequest / (CPU ms the task has a second). Above 1 the task cannot keep
//   up: the share 1 − 1/demand of its requests is refused with 503 Service Unavailable.
// - A task whose serving container fails its health check (UNHEALTHY), or whose load balancer
//   targets are unhealthy, answers UNHEALTHY_ERROR_SHARE of its requests with 500.
// - A served request takes (cpuMsPerRequest + IO_MS) / (1 − utilisation) ms on average (a single
//   queue, utilisation capped at 0.95), each one drawn from the exponential distribution of that
//   mean; a refused one takes 1 ms.

export const ACCESS_LINE_EVERY_MS = 5_000;
const IO_MS = 2;
const MAX_UTILISATION = 0.95;
const UNHEALTHY_ERROR_SHARE = 0.5;
const ROUTES = ["GET /", "GET /api/items", "GET /api/items/42", "POST /api/orders"];

type Costs = Pick<Load, "cpuMsPerRequest">;
export type RequestOutcome = { errorShare: number; errorStatus: 500 | 503; meanMs: number };

/** How a task of `cpu` units answers `rps` requests a second: the share that fails, with what status, and the mean time of the rest. */
export function requestOutcome(task: Pick<Task, "cpu">, rps: number, costs: Costs, unhealthy: boolean): RequestOutcome {
  const cpuMsPerSecond = (Math.max(task.cpu, 1) / 1024) * 1000;
  const demand = (rps * costs.cpuMsPerRequest) / cpuMsPerSecond;
  const refused = demand > 1 ? 1 - 1 / demand : 0;
  const meanMs = (costs.cpuMsPerRequest + IO_MS) / (1 - Math.min(demand, MAX_UTILISATION));
  if (unhealthy && UNHEALTHY_ERROR_SHARE > refused) return { errorShare: UNHEALTHY_ERROR_SHARE, errorStatus: 500, meanMs };
  return { errorShare: refused, errorStatus: 503, meanMs };
}

/**
 * The access lines of `key`'s task for the requests of [from, to): min(requests, one per
 * ACCESS_LINE_EVERY_MS) lines evenly spread, every 1/errorShare-th of them an error.
 */
export function accessLines(key: string, from: number, to: number, rps: number, outcome: RequestOutcome): { timestamp: number; message: string }[] {
  const span = to - from;
  const requests = Math.round((rps * span) / 1000);
  const n = Math.min(requests, Math.ceil(span / ACCESS_LINE_EVERY_MS));
  const out: { timestamp: number; message: string }[] = [];
  for (let i = 0; i < n; i++) {
    const timestamp = from + Math.floor(((i + 0.5) * span) / n);
    const draw = stableFraction(`${key}|${timestamp}`);
    const route = ROUTES[Math.floor(stableFraction(`${key}|route|${timestamp}`) * ROUTES.length)];
    const failed = Math.floor((i + 1) * outcome.errorShare) > Math.floor(i * outcome.errorShare);
    const ms = failed ? 1 : Math.max(1, Math.round(-outcome.meanMs * Math.log(1 - draw)));
    out.push({ timestamp, message: `${route} ${failed ? outcome.errorStatus : route.startsWith("POST") ? 201 : 200} ${ms}ms` });
  }
  return out;
}

/** Writes the access lines of a RUNNING task that served `rps` over the minute [start, end) (from when it started, if later). */
export function printAccessLines(world: World, task: Task, start: number, end: number, rps: number, costs: Costs) {
  const container = servingContainer(world, task);
  if (!container || rps <= 0) return;
  const from = Math.max(start, task.startedAt ?? start);
  if (from >= end) return;
  const unhealthy = container.healthStatus === "UNHEALTHY" || (!!task.registrations?.length && task.targetsHealthy === false);
  printEvents(world, end, task, container, accessLines(task.arn, from, end, rps, requestOutcome(task, rps, costs, unhealthy)));
}
