import type { MonitorService, MonitorTask } from "./types";

// Plain data shared by the monitor's unit tests and (through the sandbox) its integration tests.

export function task(over: Partial<MonitorTask> = {}): MonitorTask {
  return {
    taskArn: "arn:aws:ecs:us-east-1:000000000000:task/prod/0123456789abcdef0123456789abcdef",
    taskId: "0123456789abcdef0123456789abcdef", serviceName: "shop", lastStatus: "RUNNING", desiredStatus: "RUNNING",
    version: 3, startedAt: "2026-11-28T08:00:00.000Z", containers: [{ name: "app", lastStatus: "RUNNING" }], ...over,
  };
}

export function stopped(over: Partial<MonitorTask> = {}): MonitorTask {
  return task({ lastStatus: "STOPPED", desiredStatus: "STOPPED", stoppedAt: "2026-11-28T08:05:00.000Z", ...over });
}

export function service(over: Partial<MonitorService> = {}): MonitorService {
  return {
    serviceName: "shop", serviceArn: "arn:aws:ecs:us-east-1:000000000000:service/prod/shop", status: "ACTIVE",
    desiredCount: 2, runningCount: 2, pendingCount: 0,
    deployments: [{ id: "ecs-svc/1", status: "PRIMARY", desiredCount: 2, runningCount: 2, pendingCount: 0, failedTasks: 0, rolloutState: "COMPLETED", updatedAt: "2026-11-28T07:00:00.000Z" }],
    events: [], ...over,
  };
}
