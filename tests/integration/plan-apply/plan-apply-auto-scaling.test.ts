import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AutoScalingPort } from "@/lib/aws";
import type { Design } from "@/lib/domain/design";
import type { Plan } from "@/lib/domain/plan";
import { applyPlan, planAgainstAccount } from "@/lib/server/plan";
import { startPlanSandbox, webDesign } from "./sandbox";

// Plan and apply of a service's Application Auto Scaling against the sandbox, through the real
// ECS and Application Auto Scaling clients over HTTP: the target, a target tracking policy and a
// scheduled action are created after the service; re-planning changes nothing; the scheduled
// action runs on the sandbox clock and moves the desired count, which the plan then leaves alone.

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
let autoscaling: AutoScalingPort;
beforeEach(async () => {
  sb = await startPlanSandbox();
  autoscaling = sb.aws.autoscaling({ region: sb.region });
});
afterEach(async () => {
  autoscaling.destroy();
  await sb.close();
});

const designId = "design-scaling";
const plan = async (d: Design) => (await planAgainstAccount(sb.ecs, d, { designId, autoscaling })).plan;
const apply = (p: Plan) => applyPlan(sb.ecs, p, { autoscaling });
const changed = (p: Plan) => p.steps.filter((s) => s.action !== "no-change").map((s) => `${s.action} ${s.key}`);
const desiredOf = async () => (await sb.ecs.describeServices({ cluster: "main", services: ["web"] })).services[0].desiredCount;

function scaledDesign(): Design {
  const d = webDesign();
  d.services[0].autoScaling = {
    minCapacity: 2, maxCapacity: 6,
    policies: [{ policyName: "cpu60", policyType: "TargetTrackingScaling", targetTrackingScalingPolicyConfiguration: { targetValue: 60, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" }, scaleInCooldown: 120 } }],
    // The sandbox's frozen clock starts at 2023-11-14T22:13:20Z.
    scheduledActions: [{ scheduledActionName: "evening-peak", schedule: "at(2023-11-14T22:30:00)", scalableTargetAction: { minCapacity: 4, maxCapacity: 8 } }],
  };
  return d;
}

describe("plan/apply of service auto scaling against the sandbox", () => {
  it("registers the target and puts the policy and scheduled action after the service, then plans zero changes", async () => {
    const first = await plan(scaledDesign());
    const keys = first.steps.map((s) => s.key);
    expect(keys.indexOf("auto-scaling:main/web")).toBeGreaterThan(keys.indexOf("service:main/web"));
    const step = first.steps.find((s) => s.key === "auto-scaling:main/web")!;
    expect(step.action).toBe("create");
    expect(step.calls.map((c) => c.operation)).toEqual(["RegisterScalableTarget", "PutScalingPolicy", "PutScheduledAction"]);
    expect(step.calls[1].input).toMatchObject({ PolicyName: "cpu60", ResourceId: "service/main/web", TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleInCooldown: 120 } });
    expect((await apply(first)).ok).toBe(true);

    const [target] = await autoscaling.describeScalableTargets(["service/main/web"]);
    expect(target).toMatchObject({ MinCapacity: 2, MaxCapacity: 6 });
    expect((await autoscaling.describeScalingPolicies("service/main/web")).map((p) => p.PolicyName)).toEqual(["cpu60"]);
    expect((await autoscaling.describeScheduledActions("service/main/web")).map((a) => a.Schedule)).toEqual(["at(2023-11-14T22:30:00)"]);

    const again = await plan(scaledDesign());
    expect(changed(again)).toEqual([]);
    expect(again.empty).toBe(true);
  });

  it("runs the scheduled action on the sandbox clock; the plan leaves the scaled desired count and range alone, and says so", async () => {
    expect((await apply(await plan(scaledDesign()))).ok).toBe(true);
    expect(await desiredOf()).toBe(2);
    await sb.control({ action: "step", seconds: 20 * 60 });
    expect(await desiredOf()).toBe(4);
    const activities = await autoscaling.describeScalingActivities("service/main/web");
    expect(activities.map((a) => a.Cause)).toContain("scheduled action name evening-peak was triggered");

    const p = await plan(scaledDesign());
    expect(changed(p)).toEqual([]);
    const service = p.steps.find((s) => s.key === "service:main/web")!;
    expect(service.notes.join(" ")).toContain("desiredCount is left to Application Auto Scaling (2–6 tasks): the live 4 stays");
    expect(p.steps.find((s) => s.key === "auto-scaling:main/web")!.notes.join(" ")).toContain("scheduled action evening-peak sets");
  });

  it("changes what the design changed, deletes the policies it dropped, and deregisters when the design stops scaling", async () => {
    expect((await apply(await plan(scaledDesign()))).ok).toBe(true);
    const d = scaledDesign();
    d.services[0].autoScaling = { minCapacity: 1, maxCapacity: 3 };
    const p = await plan(d);
    expect(p.steps.find((s) => s.key === "auto-scaling:main/web")!.calls.map((c) => c.operation)).toEqual(["RegisterScalableTarget", "DeleteScalingPolicy", "DeleteScheduledAction"]);
    expect((await apply(p)).ok).toBe(true);
    expect(await autoscaling.describeScalingPolicies("service/main/web")).toEqual([]);
    expect(changed(await plan(d))).toEqual([]);

    delete d.services[0].autoScaling;
    const off = await plan(d);
    expect(changed(off)).toEqual(["delete auto-scaling:main/web"]);
    expect((await apply(off)).ok).toBe(true);
    expect(await autoscaling.describeScalableTargets(["service/main/web"])).toEqual([]);
    expect(changed(await plan(d))).toEqual([]);
  });
});
