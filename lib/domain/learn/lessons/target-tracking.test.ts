import { describe, expect, it } from "vitest";
import { serviceCost } from "../../cost";
import { EMPTY, provisioning, running, service, snapshot } from "../test/snapshots";
import { checkSandbox, lesson, step } from "../test/run";
import type { ScalingActivityLike } from "../types";

const S = "web-scaled";
const RESOURCE = "service/learn-scaling/web-scaled";
const out: ScalingActivityLike = {
  ResourceId: RESOURCE, StatusCode: "Successful", Description: "Setting desired count to 4.",
  Cause: "monitor alarm TargetTracking-service/learn-scaling/web-scaled-AlarmHigh-1 in state ALARM triggered policy cpu-at-50",
};
const inn: ScalingActivityLike = { ...out, Description: "Setting desired count to 2.", Cause: "monitor alarm TargetTracking-service/learn-scaling/web-scaled-AlarmLow-1 in state ALARM triggered policy cpu-at-50" };
const n = (k: number, make = running) => Array.from({ length: k }, () => make(S));
const withActivities = (s: ReturnType<typeof snapshot>, scalingActivities: ScalingActivityLike[]) => ({ ...s, scalingActivities });

describe("target-tracking sandbox checks", () => {
  const ramp = step("target-tracking", "ramp");
  const quiet = step("target-tracking", "quiet");

  it("ramp: needs the desired count above the minimum, set by a scaling activity, and every task running", () => {
    expect(checkSandbox(ramp, EMPTY).hint).toMatch(/Apply to sandbox/);
    expect(checkSandbox(ramp, withActivities(snapshot([service(S, { desiredCount: 2 })], n(2)), [])).hint).toMatch(/still 2.*3 one-minute datapoints/);
    expect(checkSandbox(ramp, withActivities(snapshot([service(S, { desiredCount: 4 })], n(4)), [])).hint).toMatch(/no scaling activity/);
    expect(checkSandbox(ramp, withActivities(snapshot([service(S, { desiredCount: 4 })], [...n(2), ...n(2, provisioning)]), [out])).hint).toMatch(/asked for 4 tasks and 2 run/);
    expect(checkSandbox(ramp, withActivities(snapshot([service(S, { desiredCount: 4 })], n(4)), [out]))).toEqual({ done: true });
  });

  it("ramp: an activity of another service or a failed one does not count", () => {
    expect(checkSandbox(ramp, withActivities(snapshot([service(S, { desiredCount: 4 })], n(4)), [{ ...out, ResourceId: "service/other/web" }])).done).toBe(false);
    expect(checkSandbox(ramp, withActivities(snapshot([service(S, { desiredCount: 4 })], n(4)), [{ ...out, StatusCode: "Failed" }])).done).toBe(false);
  });

  it("quiet: needs a scale-in back to the minimum and the extra tasks gone", () => {
    expect(checkSandbox(quiet, withActivities(snapshot([service(S, { desiredCount: 2 })], n(2)), [])).hint).toMatch(/not scaled out yet/);
    expect(checkSandbox(quiet, withActivities(snapshot([service(S, { desiredCount: 5 })], n(5)), [out])).hint).toMatch(/desired count is 5.*15 one-minute datapoints/);
    expect(checkSandbox(quiet, withActivities(snapshot([service(S, { desiredCount: 2 })], n(4)), [inn, out])).hint).toMatch(/4 tasks still run/);
    expect(checkSandbox(quiet, withActivities(snapshot([service(S, { desiredCount: 2 })], n(2)), [inn, out]))).toEqual({ done: true });
  });

  it("asks about the peak's cost with the cost model's own figures", () => {
    const l = lesson("target-tracking");
    const svc = l.starter.services[0];
    const c = serviceCost(svc, l.starter, { capacity: { [svc.id]: { min: 2, max: 6 } } });
    // 0.25 vCPU × $0.04048 + 0.5 GB × $0.004445 = $0.0123425 an hour; × 730 h = $9.01 a task-month.
    expect(c.perTask).toBeCloseTo(9.01, 2);
    expect(c.atMax).toBeCloseTo(54.06, 1);
    const q = step("target-tracking", "peak-cost");
    if (q.check.kind !== "question") throw new Error("a question");
    expect(q.check.choices.find((x) => x.correct)?.text).toContain(`$${c.atMax?.toFixed(2)}`);
  });

  it("starts from a design whose service scales on CPU between 2 and 6 tasks", () => {
    const a = lesson("target-tracking").starter.services[0].autoScaling;
    expect(a).toMatchObject({ minCapacity: 2, maxCapacity: 6 });
    expect(a?.policies?.[0].targetTrackingScalingPolicyConfiguration?.predefinedMetricSpecification?.predefinedMetricType).toBe("ECSServiceAverageCPUUtilization");
  });
});
