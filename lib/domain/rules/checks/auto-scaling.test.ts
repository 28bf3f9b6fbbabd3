import { describe, expect, it } from "vitest";
import { autoScaling } from "./auto-scaling";
import { buildIndex } from "../engine";
import { design, service } from "../test-helpers";
import type { AutoScaling, Design, Service } from "../../design";

const cpu = { policyName: "cpu", policyType: "TargetTrackingScaling" as const, targetTrackingScalingPolicyConfiguration: { targetValue: 70, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" as const } } };
const check = (a: AutoScaling, over: Partial<Service> = {}, d: Design = design()) => autoScaling.check(service({ autoScaling: a, ...over }), { index: buildIndex(d) });
const paths = (a: AutoScaling, over: Partial<Service> = {}) => check(a, over).map((f) => f.path.join("."));

describe("auto-scaling", () => {
  it("accepts a target tracking service with a schedule", () => {
    expect(check({ minCapacity: 1, maxCapacity: 4, policies: [cpu], scheduledActions: [{ scheduledActionName: "night", schedule: "cron(0 20 * * ? *)", timezone: "Europe/Berlin", scalableTargetAction: { minCapacity: 0, maxCapacity: 1 } }] })).toEqual([]);
    expect(check({ minCapacity: 1, maxCapacity: 4 }, { autoScaling: undefined })).toEqual([]);
  });
  it("needs min ≤ max, both set and not negative", () => {
    const [f] = check({ minCapacity: 5, maxCapacity: 2 }, { desiredCount: 3 });
    expect(f.message).toContain("Minimum capacity cannot be greater than maximum capacity");
    expect(f.fix?.edits).toEqual([{ path: ["autoScaling", "maxCapacity"], value: 5 }]);
    expect(paths({ minCapacity: 1 })).toEqual(["autoScaling.maxCapacity"]);
    expect(paths({ minCapacity: -1, maxCapacity: 2 })).toContain("autoScaling.minCapacity");
  });
  it("says AAS moves a desired count outside [min, max] into it (info)", () => {
    const [f] = check({ minCapacity: 2, maxCapacity: 4 }, { desiredCount: 1 });
    expect(f.severity).toBe("info");
    expect(f.message).toContain("scales out to 2");
    expect(check({ minCapacity: 2, maxCapacity: 4 }, { desiredCount: 6 })[0].message).toContain("scales in to 4");
  });
  it("refuses scaling on a DAEMON service", () => {
    const out = check({ minCapacity: 1, maxCapacity: 2 }, { schedulingStrategy: "DAEMON", desiredCount: undefined });
    expect(out).toHaveLength(1);
    expect(out[0].fix?.edits).toEqual([{ path: ["autoScaling"], value: undefined }]);
  });
  it("needs a target value in range and one metric", () => {
    const noTarget = { ...cpu, targetTrackingScalingPolicyConfiguration: { predefinedMetricSpecification: cpu.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification } };
    expect(paths({ minCapacity: 1, maxCapacity: 2, policies: [noTarget] })).toEqual(["autoScaling.policies.0.targetTrackingScalingPolicyConfiguration.targetValue"]);
    expect(check({ minCapacity: 1, maxCapacity: 2, policies: [{ ...cpu, targetTrackingScalingPolicyConfiguration: { ...cpu.targetTrackingScalingPolicyConfiguration, targetValue: 0 } }] })[0].message).toContain("above 0");
    expect(check({ minCapacity: 1, maxCapacity: 2, policies: [{ ...cpu, targetTrackingScalingPolicyConfiguration: { ...cpu.targetTrackingScalingPolicyConfiguration, targetValue: 150 } }] })[0].severity).toBe("warning");
    expect(paths({ minCapacity: 1, maxCapacity: 2, policies: [{ ...cpu, targetTrackingScalingPolicyConfiguration: { targetValue: 5 } }] })).toEqual(["autoScaling.policies.0.targetTrackingScalingPolicyConfiguration"]);
    expect(paths({ minCapacity: 1, maxCapacity: 2, policies: [{ policyName: "x", policyType: "TargetTrackingScaling" }] })).toEqual(["autoScaling.policies.0"]);
  });
  it("needs cooldowns ≥ 0", () => {
    expect(paths({ minCapacity: 1, maxCapacity: 2, policies: [{ ...cpu, targetTrackingScalingPolicyConfiguration: { ...cpu.targetTrackingScalingPolicyConfiguration, scaleInCooldown: -5 } }] }))
      .toEqual(["autoScaling.policies.0.targetTrackingScalingPolicyConfiguration.scaleInCooldown"]);
  });
  it("ALBRequestCountPerTarget needs a target group behind an ALB, or a well-formed label", () => {
    const alb = { ...cpu, targetTrackingScalingPolicyConfiguration: { targetValue: 1000, predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget" as const } } };
    expect(check({ minCapacity: 1, maxCapacity: 2, policies: [alb] })[0].message).toContain("Application Load Balancer");
    const d = design({ loadBalancers: [{ id: "lb", name: "web", type: "application", listeners: [{ port: 80, protocol: "HTTP", defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web" }] } }] }] });
    expect(check({ minCapacity: 1, maxCapacity: 2, policies: [alb] }, { loadBalancers: [{ targetGroupArn: "targetgroup/web", containerName: "app", containerPort: 80 }] }, d)).toEqual([]);
    const bad = { ...alb, targetTrackingScalingPolicyConfiguration: { ...alb.targetTrackingScalingPolicyConfiguration, predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget" as const, resourceLabel: "web/tg" } } };
    expect(check({ minCapacity: 1, maxCapacity: 2, policies: [bad] })[0].message).toContain("app/<load-balancer-name>");
  });
  it("step policies need steps and an alarm", () => {
    const out = check({ minCapacity: 1, maxCapacity: 2, policies: [{ policyName: "step", policyType: "StepScaling" }] });
    expect(out.map((f) => [f.severity ?? "error", f.path.join(".")])).toEqual([["error", "autoScaling.policies.0.stepScalingPolicyConfiguration"], ["warning", "autoScaling.policies.0.alarm"]]);
  });
  it("keeps to the quotas and unique names", () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ ...cpu, policyName: `p${i}` }));
    expect(check({ minCapacity: 1, maxCapacity: 2, policies: many })[0].message).toContain("at most 50 scaling policies");
    expect(paths({ minCapacity: 1, maxCapacity: 2, policies: [cpu, cpu] })).toEqual(["autoScaling.policies.1.policyName"]);
    const act = { scheduledActionName: "a", schedule: "rate(1 hour)", scalableTargetAction: { minCapacity: 1 } };
    const lots = Array.from({ length: 201 }, (_, i) => ({ ...act, scheduledActionName: `a${i}` }));
    expect(check({ minCapacity: 1, maxCapacity: 2, scheduledActions: lots })[0].message).toContain("at most 200 scheduled actions");
  });
  it("checks schedule syntax, time zone and the range a scheduled action sets", () => {
    const a = (over: object) => ({ scheduledActionName: "a", schedule: "cron(0 8 ? * MON-FRI *)", scalableTargetAction: { minCapacity: 2 }, ...over });
    expect(check({ minCapacity: 1, maxCapacity: 4, scheduledActions: [a({ schedule: "cron(0 8 * * *)" })] })[0].message).toContain("six fields");
    expect(paths({ minCapacity: 1, maxCapacity: 4, scheduledActions: [a({ timezone: "Moon/Base" })] })).toEqual(["autoScaling.scheduledActions.0.timezone"]);
    expect(paths({ minCapacity: 1, maxCapacity: 4, scheduledActions: [a({ startTime: "2026-12-24T20:00:00Z", endTime: " " })] })).toEqual(["autoScaling.scheduledActions.0.endTime"]);
    expect(paths({ minCapacity: 1, maxCapacity: 4, scheduledActions: [a({ startTime: "2026-13-45T20:00:00Z" })] })).toEqual(["autoScaling.scheduledActions.0.startTime"]);
    expect(check({ minCapacity: 1, maxCapacity: 4, scheduledActions: [a({ scalableTargetAction: { minCapacity: 6 } })] })[0].message).toContain("above the maximum (4)");
    expect(paths({ minCapacity: 1, maxCapacity: 4, scheduledActions: [a({ scalableTargetAction: {} })] })).toEqual(["autoScaling.scheduledActions.0.scalableTargetAction"]);
  });
});
