import type { MonitorService, MonitorTask } from "./types";

export type HealthLevel = "healthy" | "degraded" | "failing" | "deploying";
export type ServiceHealth = { level: HealthLevel; reasons: string[] };

/** Tasks that stopped within this window before the snapshot count as recent failures. */
export const RECENT_FAILURE_MS = 10 * 60_000;
const FAILURE_CODES = new Set(["EssentialContainerExited", "TaskFailedToStart"]);

function isFailure(t: MonitorTask): boolean {
  if (t.lastStatus !== "STOPPED") return false;
  if (t.stopCode && FAILURE_CODES.has(t.stopCode)) return true;
  return /health checks?/i.test(t.stoppedReason ?? "");
}

/**
 * Failing beats deploying beats degraded: a rollout that is failing must read as failing, and a
 * healthy rollout as deploying rather than as a shortfall of running tasks. Nothing running is
 * failing, except while the primary deployment is still rolling out with no failed task: a
 * brand-new service's first tasks are still provisioning (and a 0 % minimum-healthy rollout
 * stops the old tasks before it starts the new ones).
 */
export function serviceHealth(service: MonitorService, tasks: MonitorTask[], now: Date): ServiceHealth {
  const mine = tasks.filter((t) => t.serviceName === service.serviceName);
  const recentFailures = mine.filter((t) => isFailure(t) && t.stoppedAt && now.getTime() - Date.parse(t.stoppedAt) <= RECENT_FAILURE_MS);
  const failed = service.deployments.filter((d) => d.rolloutState === "FAILED");
  const inProgress = service.deployments.filter((d) => d.rolloutState === "IN_PROGRESS" || (d.status === "PRIMARY" && service.deployments.length > 1));
  const unhealthy = mine.filter((t) => t.lastStatus === "RUNNING" && t.healthStatus === "UNHEALTHY");
  const reasons: string[] = [];

  if (failed.length) reasons.push(...failed.map((d) => `Deployment ${d.id} failed${d.rolloutStateReason ? `: ${d.rolloutStateReason}` : ""}`));
  const breaker = service.deployments.find((d) => d.rolloutState === "IN_PROGRESS" && d.failedTasks > 0);
  if (breaker) reasons.push(`${breaker.failedTasks} task${breaker.failedTasks === 1 ? "" : "s"} of the current deployment failed`);
  const starting = service.deployments.some((d) => d.status === "PRIMARY" && d.rolloutState === "IN_PROGRESS" && d.failedTasks === 0);
  if (service.desiredCount > 0 && service.runningCount === 0 && !starting) reasons.push(`No task is running (desired ${service.desiredCount})`);
  if (recentFailures.length >= 2 && service.runningCount < service.desiredCount) reasons.push(`${recentFailures.length} tasks failed in the last 10 minutes`);
  if (reasons.length) return { level: "failing", reasons };

  if (inProgress.length) {
    const d = inProgress[0];
    return { level: "deploying", reasons: [`Deployment ${d.id} in progress: ${d.runningCount}/${d.desiredCount} running`] };
  }
  if (service.runningCount < service.desiredCount) reasons.push(`${service.runningCount} of ${service.desiredCount} desired tasks running`);
  if (service.pendingCount > 0) reasons.push(`${service.pendingCount} pending`);
  if (unhealthy.length) reasons.push(`${unhealthy.length} running task${unhealthy.length === 1 ? " is" : "s are"} unhealthy`);
  if (recentFailures.length) reasons.push(`${recentFailures.length} task${recentFailures.length === 1 ? "" : "s"} failed in the last 10 minutes`);
  if (reasons.length) return { level: "degraded", reasons };
  return { level: "healthy", reasons: [`${service.runningCount} of ${service.desiredCount} running`] };
}
