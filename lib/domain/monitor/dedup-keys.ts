import type { MonitorDeployment, MonitorEvent, MonitorTask } from "./types";

// The flight recorder sees the same event, task state and deployment on every refresh; these
// keys are what makes a second sighting a no-op (unique indexes + ON CONFLICT DO NOTHING).

export const eventKey = (serviceArn: string, e: Pick<MonitorEvent, "id">) => `${serviceArn}#${e.id}`;

/** A task's `version` grows on every change ECS records; without one, the latest timestamp stands in for it. */
export function taskStateKey(t: Pick<MonitorTask, "taskArn" | "lastStatus" | "version" | "stoppedAt" | "stoppingAt" | "startedAt" | "createdAt">) {
  const v = t.version ?? t.stoppedAt ?? t.stoppingAt ?? t.startedAt ?? t.createdAt ?? "";
  return `${t.taskArn}#${t.lastStatus}#${v}`;
}

export const deploymentKey = (d: Pick<MonitorDeployment, "id" | "rolloutState" | "updatedAt" | "status">) =>
  `${d.id}#${d.rolloutState ?? d.status}#${d.updatedAt ?? ""}`;
