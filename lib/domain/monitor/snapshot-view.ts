import { serviceHealth, type ServiceHealth } from "./service-health";
import type { ClusterSnapshot, MonitorService, MonitorTask } from "./types";

// What GET /api/monitor/<env>/<cluster> answers: the latest snapshot with each service's health,
// when it was taken, and whether it can still be trusted.

export type ServiceView = Omit<MonitorService, "events"> & { health: ServiceHealth; events: MonitorService["events"] };
export type MonitorView = {
  envId: string;
  cluster: string;
  lastRefreshedAt: string | null;
  /** The data is older than a few poll intervals: the numbers may no longer be true. */
  stale: boolean;
  /** The last attempt to reach ECS failed; `error` says how. */
  unreachable: boolean;
  error?: string;
  intervalMs: number;
  services: ServiceView[];
  tasks: MonitorTask[];
};

export const STALE_AFTER_INTERVALS = 3;
export const EVENTS_PER_SERVICE_IN_VIEW = 25;

export function isStale(lastRefreshedAt: string | null, now: Date, intervalMs: number): boolean {
  if (!lastRefreshedAt) return true;
  return now.getTime() - Date.parse(lastRefreshedAt) > Math.max(10_000, STALE_AFTER_INTERVALS * intervalMs);
}

export function toView(args: {
  envId: string; cluster: string; snapshot?: ClusterSnapshot; now: Date; intervalMs: number; error?: string; service?: string;
}): MonitorView {
  const s = args.snapshot;
  const services = (s?.services ?? []).filter((svc) => !args.service || svc.serviceName === args.service);
  const tasks = (s?.tasks ?? []).filter((t) => !args.service || t.serviceName === args.service);
  const takenAt = s ? new Date(s.takenAt) : args.now;
  return {
    envId: args.envId, cluster: args.cluster, lastRefreshedAt: s?.takenAt ?? null,
    stale: isStale(s?.takenAt ?? null, args.now, args.intervalMs), unreachable: Boolean(args.error), error: args.error,
    intervalMs: args.intervalMs,
    services: services.map((svc) => ({
      ...svc, events: svc.events.slice(0, EVENTS_PER_SERVICE_IN_VIEW), health: serviceHealth(svc, s?.tasks ?? [], takenAt),
    })),
    tasks,
  };
}
