import { minIntervalMs, type RefreshCalls } from "./call-budget";
import type { ClusterSnapshot } from "./types";

export const FAST_MS = 2_000;
export const SLOW_MS = 15_000;
export const MAX_BACKOFF_MS = 120_000;

/** Something is moving: a rollout, or tasks on their way to RUNNING or to STOPPED. */
export function isBusy(s: Pick<ClusterSnapshot, "services" | "tasks">): boolean {
  return s.services.some((svc) => svc.deployments.some((d) => d.rolloutState === "IN_PROGRESS") || svc.pendingCount > 0)
    || s.tasks.some((t) => t.lastStatus !== "STOPPED" && (t.lastStatus !== "RUNNING" || t.desiredStatus === "STOPPED"));
}

/**
 * Fast while something is moving, slow when steady, never faster than the monitor's share of
 * ECS's sustained request rate allows for this many calls, and doubled per consecutive
 * ThrottlingException.
 */
export function pollInterval(opts: { snapshot?: Pick<ClusterSnapshot, "services" | "tasks">; calls?: RefreshCalls; clusters?: number; throttled?: number; slowMs?: number }): number {
  const base = !opts.snapshot || isBusy(opts.snapshot) ? FAST_MS : Math.max(FAST_MS, opts.slowMs ?? SLOW_MS);
  const floor = opts.calls ? minIntervalMs(opts.calls, opts.clusters ?? 1) : 0;
  const interval = Math.max(base, floor);
  const throttled = opts.throttled ?? 0;
  return throttled > 0 ? Math.min(MAX_BACKOFF_MS, interval * 2 ** throttled) : interval;
}
