import type { ServiceDeployment } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { deploymentObservationKey, deploymentTimeline, deploymentTimelines, type DeploymentJson } from "./deployments";

// AWS-shaped fixtures: what DescribeServiceDeployments answers (client-ecs ServiceDeployment),
// as JSON with ISO dates.

const ARN = "arn:aws:ecs:us-east-1:111122223333:service-deployment/prod/web/r5ZpsUsLIB5AuH2yYnG8j";
const REV = (n: string) => `arn:aws:ecs:us-east-1:111122223333:service-revision/prod/web/${n}`;

function canary(over: Partial<DeploymentJson> = {}): DeploymentJson {
  const d: ServiceDeployment = {
    serviceDeploymentArn: ARN, serviceArn: "arn:aws:ecs:us-east-1:111122223333:service/prod/web", clusterArn: "arn:aws:ecs:us-east-1:111122223333:cluster/prod",
    status: "IN_PROGRESS", lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT",
    sourceServiceRevisions: [{ arn: REV("1111"), requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0, requestedProductionTrafficWeight: 90, requestedTestTrafficWeight: 0 }],
    targetServiceRevision: { arn: REV("2222"), requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0, requestedProductionTrafficWeight: 10, requestedTestTrafficWeight: 100 },
    deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 }, bakeTimeInMinutes: 10 },
    deploymentCircuitBreaker: { status: "MONITORING", failureCount: 0, threshold: 3 },
    lifecycleHookDetails: [
      { hookId: "hook-1", targetType: "PAUSE", status: "AWAITING_ACTION", expiresAt: new Date("2026-12-06T10:30:00Z"), timeoutAction: "ROLLBACK" },
      { hookId: "hook-0", targetType: "AWS_LAMBDA", targetArn: "arn:aws:lambda:us-east-1:111122223333:function:smoke", status: "SUCCEEDED" },
    ],
  };
  return { ...JSON.parse(JSON.stringify(d)), createdAt: "2026-12-06T10:00:00.000Z", updatedAt: "2026-12-06T10:10:00.000Z", ...over };
}

const NOW = Date.parse("2026-12-06T10:20:00Z");

describe("deployment timeline", () => {
  it("reads strategy, stage, traffic split and the paused hook with the time left before its timeout action", () => {
    const t = deploymentTimeline(canary(), [], NOW);
    expect(t).toMatchObject({ id: "r5ZpsUsLIB5AuH2yYnG8j", strategy: "CANARY", status: "IN_PROGRESS", active: true, rolledBack: false, bakeTimeInMinutes: 10 });
    expect(t.traffic).toMatchObject({ target: 10, source: 90, test: 100 });
    expect(t.hooks).toEqual([{ hookId: "hook-1", targetType: "PAUSE", status: "AWAITING_ACTION", stage: "PRODUCTION_TRAFFIC_SHIFT", expiresAt: "2026-12-06T10:30:00.000Z", secondsLeft: 600, timeoutAction: "ROLLBACK" }]);
    expect(t.circuitBreaker).toEqual({ status: "MONITORING", failureCount: 0, threshold: 3 });
    const states = Object.fromEntries(t.stages.map((s) => [s.stage, s.state]));
    expect(states).toMatchObject({ RECONCILE_SERVICE: "done", POST_TEST_TRAFFIC_SHIFT: "done", PRODUCTION_TRAFFIC_SHIFT: "current", BAKE_TIME: "upcoming", CLEAN_UP: "upcoming" });
  });

  it("builds the traffic over time from successive looks, one point per change, oldest first", () => {
    const look = (at: string, w: number) => ({ at, deployment: canary({ targetServiceRevision: { arn: REV("2222"), requestedProductionTrafficWeight: w } }) });
    const t = deploymentTimeline(canary({ targetServiceRevision: { arn: REV("2222"), requestedProductionTrafficWeight: 100 }, status: "SUCCESSFUL", lifecycleStage: "CLEAN_UP" }),
      [look("2026-12-06T10:05:00Z", 10), look("2026-12-06T10:01:00Z", 0), look("2026-12-06T10:06:00Z", 10), { at: "2026-12-06T10:02:00Z", deployment: canary({ serviceDeploymentArn: "other" }) }], NOW);
    expect(t.traffic.over.map((p) => [p.at, p.target])).toEqual([["2026-12-06T10:01:00Z", 0], ["2026-12-06T10:05:00Z", 10], ["2026-12-06T10:10:00.000Z", 100]]);
    expect(t.stages.every((s) => s.state === "done")).toBe(true);
    expect(t.active).toBe(false);
    expect(t.hooks).toEqual([]); // a finished deployment waits for nothing
  });

  it("a hook whose expiry has passed has 0 seconds left, not a negative count", () => {
    expect(deploymentTimeline(canary(), [], Date.parse("2026-12-06T11:00:00Z")).hooks[0].secondsLeft).toBe(0);
  });

  it("shows a circuit breaker rollback with its reason and the revision it returns to", () => {
    const t = deploymentTimeline(canary({
      status: "ROLLBACK_SUCCESSFUL", lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", lifecycleHookDetails: [],
      statusReason: "Service deployment rolled back because the circuit breaker threshold was exceeded.",
      deploymentCircuitBreaker: { status: "TRIGGERED", failureCount: 3, threshold: 3 },
      rollback: { reason: "Circuit breaker triggered", startedAt: "2026-12-06T10:12:00.000Z", serviceRevisionArn: REV("1111") },
    }), [], NOW);
    expect(t).toMatchObject({ active: false, rolledBack: true, circuitBreaker: { status: "TRIGGERED", failureCount: 3 }, rollback: { serviceRevisionArn: REV("1111") } });
    expect(t.stages.find((s) => s.stage === "PRODUCTION_TRAFFIC_SHIFT")?.state).toBe("done");
    expect(t.stages.find((s) => s.stage === "BAKE_TIME")?.state).toBe("upcoming");
  });

  it("a rolling deployment has no stepper; null means not set", () => {
    const t = deploymentTimeline(canary({ deploymentConfiguration: { strategy: "ROLLING" }, lifecycleStage: null, lifecycleHookDetails: null, rollback: null, deploymentCircuitBreaker: null, targetServiceRevision: { arn: REV("2"), requestedProductionTrafficWeight: null } }), [], NOW);
    expect(t.strategy).toBe("ROLLING");
    expect(t.stages).toEqual([]);
    expect(t.hooks).toEqual([]);
    expect(t.rollback).toBeUndefined();
    expect(t.traffic.target).toBeUndefined();
    expect(t.traffic.over).toEqual([]);
  });

  it("lists the moving deployment first, then the past newest first", () => {
    const old = canary({ serviceDeploymentArn: `${ARN}-old`, status: "SUCCESSFUL", createdAt: "2026-12-05T10:00:00.000Z" });
    const older = canary({ serviceDeploymentArn: `${ARN}-older`, status: "SUCCESSFUL", createdAt: "2026-12-04T10:00:00.000Z" });
    const now = canary({ createdAt: "2026-12-01T10:00:00.000Z" });
    expect(deploymentTimelines([older, now, old], [], NOW).map((t) => t.arn)).toEqual([ARN, `${ARN}-old`, `${ARN}-older`]);
  });

  it("the recorder's key changes with traffic, stage, status and hook states, and only with them", () => {
    const a = canary();
    expect(deploymentObservationKey(a)).toBe(deploymentObservationKey(canary({ updatedAt: "2026-12-06T10:11:00.000Z" })));
    expect(deploymentObservationKey(a)).not.toBe(deploymentObservationKey(canary({ targetServiceRevision: { ...a.targetServiceRevision, requestedProductionTrafficWeight: 100 } })));
    expect(deploymentObservationKey(a)).not.toBe(deploymentObservationKey(canary({ lifecycleHookDetails: [{ hookId: "hook-1", status: "SUCCEEDED" }] })));
    expect(deploymentObservationKey(a)).not.toBe(deploymentObservationKey(canary({ lifecycleStage: "BAKE_TIME" })));
  });
});
