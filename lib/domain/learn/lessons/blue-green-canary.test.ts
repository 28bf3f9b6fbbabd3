import type { ServiceDeployment } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { validateDesign } from "../../rules";
import { checkSandbox, lesson, solvedUpTo, step } from "../test/run";
import { running, service, snapshot } from "../test/snapshots";

// The lesson's checks on AWS-shaped answers (DescribeServiceDeployments' ServiceDeployment), so
// they hold for any ECS that answers the service deployments API. Playing the lesson in the
// sandbox is tests/integration/learn-blue-green.test.ts (skipped until the sandbox runs canaries).

const S = "canary-web";
const ARN = (id: string) => `arn:aws:ecs:eu-west-1:000000000000:service-deployment/learn-canary/${S}/${id}`;
const first: ServiceDeployment = { serviceDeploymentArn: ARN("create"), serviceArn: `arn:aws:ecs:eu-west-1:000000000000:service/learn-canary/${S}`, status: "SUCCESSFUL", createdAt: new Date("2026-12-06T10:00:00Z") };
const canary = (over: Partial<ServiceDeployment>): ServiceDeployment => ({
  ...first, serviceDeploymentArn: ARN("canary"), createdAt: new Date("2026-12-06T10:05:00Z"), status: "IN_PROGRESS", lifecycleStage: "SCALE_UP",
  targetServiceRevision: { arn: "rev-2", requestedProductionTrafficWeight: 0 }, deploymentConfiguration: { strategy: "CANARY" }, ...over,
});
const live = (...deployments: ServiceDeployment[]) => ({ ...snapshot([service(S)], [running(S), running(S)]), serviceDeployments: deployments });
const paused = { hookId: "ecs-pause-1", targetType: "PAUSE" as const, status: "AWAITING_ACTION" as const, timeoutAction: "ROLLBACK" as const };

describe("blue-green-canary", () => {
  it("starts from a design the validator accepts, and its pause hook passes the validator too", () => {
    expect(validateDesign(lesson("blue-green-canary").starter).filter((f) => f.severity === "error")).toEqual([]);
    expect(validateDesign(solvedUpTo("blue-green-canary", "steady")).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("paused: waits for a second deployment, then for its PAUSE hook", () => {
    const s = step("blue-green-canary", "paused");
    expect(checkSandbox(s, live(first)).hint).toMatch(/Deploy new revision/);
    expect(checkSandbox(s, live(first, canary({}))).hint).toMatch(/SCALE_UP/);
    expect(checkSandbox(s, live(first, canary({ lifecycleHookDetails: [paused] })))).toEqual({ done: true });
    expect(checkSandbox(s, live(first, canary({ status: "ROLLBACK_SUCCESSFUL" }))).hint).toMatch(/rolled back/);
  });

  it("continued: passes once the hook was continued and the deployment succeeded", () => {
    const s = step("blue-green-canary", "continued");
    expect(checkSandbox(s, live(first, canary({ lifecycleHookDetails: [paused], targetServiceRevision: { arn: "rev-2", requestedProductionTrafficWeight: 10 } }))).hint).toMatch(/10 % .*press Continue/);
    expect(checkSandbox(s, live(first, canary({ lifecycleStage: "BAKE_TIME", lifecycleHookDetails: [{ ...paused, status: "SUCCEEDED" }] }))).hint).toMatch(/bake/);
    expect(checkSandbox(s, live(first, canary({ status: "SUCCESSFUL", lifecycleHookDetails: [{ ...paused, status: "SUCCEEDED" }] })))).toEqual({ done: true });
    expect(checkSandbox(s, live(first, canary({ status: "ROLLBACK_SUCCESSFUL" }))).hint).toMatch(/press Continue this time/);
  });

  it("rolled-back: passes only for ECS's own rollback (circuit breaker), with blue running again", () => {
    const s = step("blue-green-canary", "rolled-back");
    const ok = canary({ serviceDeploymentArn: ARN("broken"), createdAt: new Date("2026-12-06T11:00:00Z"), status: "SUCCESSFUL" });
    expect(checkSandbox(s, live(first, ok)).hint).toMatch(/Deploy a failing revision/);
    const failing = (over: Partial<ServiceDeployment>) => canary({ serviceDeploymentArn: ARN("broken"), createdAt: new Date("2026-12-06T11:00:00Z"), ...over });
    expect(checkSandbox(s, live(first, failing({ deploymentCircuitBreaker: { status: "MONITORING", failureCount: 1, threshold: 2 } }))).hint).toMatch(/circuit breaker MONITORING with 1 failed/);
    expect(checkSandbox(s, live(first, failing({ status: "ROLLBACK_SUCCESSFUL" }))).hint).toMatch(/not ECS's own decision/);
    expect(checkSandbox(s, live(first, failing({ status: "ROLLBACK_SUCCESSFUL", deploymentCircuitBreaker: { status: "TRIGGERED", failureCount: 2, threshold: 2 } })))).toEqual({ done: true });
  });
});
