import { describe, expect, it } from "vitest";
import { serviceHealth } from "./service-health";
import type { MonitorDeployment } from "./types";
import { service, stopped, task } from "./fixtures";

const now = new Date("2026-11-28T08:06:00.000Z");

describe("serviceHealth", () => {
  it("is healthy when every desired task runs and nothing moves", () => {
    expect(serviceHealth(service(), [task(), task({ taskArn: "t2" })], now).level).toBe("healthy");
  });

  it("is deploying while a rollout is in progress", () => {
    const s = service({ deployments: [
      { id: "ecs-svc/2", status: "PRIMARY", desiredCount: 2, runningCount: 1, pendingCount: 1, failedTasks: 0, rolloutState: "IN_PROGRESS" },
      { id: "ecs-svc/1", status: "ACTIVE", desiredCount: 2, runningCount: 2, pendingCount: 0, failedTasks: 0, rolloutState: "COMPLETED" },
    ], runningCount: 3, pendingCount: 1 });
    const h = serviceHealth(s, [], now);
    expect(h.level).toBe("deploying");
    expect(h.reasons[0]).toMatch(/ecs-svc\/2/);
  });

  it("is deploying, not failing, while a brand-new service's first deployment starts", () => {
    const first = (over: Partial<MonitorDeployment> = {}) => service({
      runningCount: 0, pendingCount: 2,
      deployments: [{ id: "ecs-svc/1", status: "PRIMARY", desiredCount: 2, runningCount: 0, pendingCount: 2, failedTasks: 0, rolloutState: "IN_PROGRESS", ...over }],
    });
    const provisioning = [task({ lastStatus: "PROVISIONING" }), task({ taskArn: "t2", lastStatus: "PENDING" })];
    expect(serviceHealth(first(), provisioning, now)).toEqual({ level: "deploying", reasons: ["Deployment ecs-svc/1 in progress: 0/2 running"] });
    expect(serviceHealth(first({ pendingCount: 0 }), [], now).level).toBe("deploying");
    // Once its tasks fail, it is failing after all.
    expect(serviceHealth(first({ failedTasks: 1 }), [], now)).toMatchObject({ level: "failing", reasons: ["1 task of the current deployment failed", "No task is running (desired 2)"] });
    const crashes = [stopped({ stopCode: "TaskFailedToStart" }), stopped({ taskArn: "t3", stopCode: "TaskFailedToStart" })];
    expect(serviceHealth(first(), crashes, now).level).toBe("failing");
    // A first deployment the circuit breaker gave up on reads as failing.
    expect(serviceHealth(first({ rolloutState: "FAILED" }), [], now).level).toBe("failing");
  });

  it("is failing when the circuit breaker counts failures, a rollout failed or nothing runs", () => {
    const breaking = service({ deployments: [{ id: "d", status: "PRIMARY", desiredCount: 2, runningCount: 0, pendingCount: 2, failedTasks: 3, rolloutState: "IN_PROGRESS" }] });
    expect(serviceHealth(breaking, [], now)).toMatchObject({ level: "failing", reasons: [expect.stringMatching(/3 tasks/)] });
    const failed = service({ deployments: [{ id: "d", status: "PRIMARY", desiredCount: 2, runningCount: 2, pendingCount: 0, failedTasks: 3, rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start." }] });
    expect(serviceHealth(failed, [], now).reasons[0]).toMatch(/circuit breaker/);
    expect(serviceHealth(service({ runningCount: 0 }), [], now).level).toBe("failing");
  });

  it("is degraded when short of tasks, with unhealthy tasks, or after a recent crash", () => {
    expect(serviceHealth(service({ runningCount: 1 }), [], now)).toMatchObject({ level: "degraded", reasons: ["1 of 2 desired tasks running"] });
    expect(serviceHealth(service(), [task({ healthStatus: "UNHEALTHY" })], now).level).toBe("degraded");
    const crash = stopped({ stopCode: "EssentialContainerExited", containers: [{ name: "app", exitCode: 1 }] });
    expect(serviceHealth(service(), [crash], now).level).toBe("degraded");
    // An old crash no longer counts.
    expect(serviceHealth(service(), [crash], new Date("2026-11-28T09:00:00Z")).level).toBe("healthy");
  });

  it("ignores other services' tasks", () => {
    expect(serviceHealth(service(), [task({ serviceName: "other", healthStatus: "UNHEALTHY" })], now).level).toBe("healthy");
  });
});
