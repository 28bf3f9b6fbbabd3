import type { ContainerInstance } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { validateDesign } from "../../rules";
import { EMPTY, provisioning, running, service, snapshot } from "../test/snapshots";
import { checkSandbox, lesson, step } from "../test/run";
import type { SandboxSnapshot, ScalingActivityLike } from "../types";

const S = "web-ec2";
const RESOURCE = "service/learn-ec2-scaling/web-ec2";
const out: ScalingActivityLike = {
  ResourceId: RESOURCE, StatusCode: "Successful", Description: "Setting desired count to 5.",
  Cause: "monitor alarm TargetTracking-service/learn-ec2-scaling/web-ec2-AlarmHigh-1 in state ALARM triggered policy cpu-at-50",
};
const inn: ScalingActivityLike = { ...out, Description: "Setting desired count to 2.", Cause: out.Cause!.replace("AlarmHigh", "AlarmLow") };
const instance = (n: number, tasks: number, status = "ACTIVE", provider = "learn-asg"): ContainerInstance =>
  ({ containerInstanceArn: `ci-${n}`, capacityProviderName: provider, status, runningTasksCount: tasks, pendingTasksCount: 0 });
/** `k` tasks of the service, RUNNING (or `make`), on instances ci-0, ci-1, … two each. */
const tasks = (k: number, make = running, from = 0) => Array.from({ length: k }, (_, i) => ({ ...make(S), containerInstanceArn: `ci-${Math.floor((from + i) / 2)}` }));
const stopped = (k: number, from: number) => tasks(k, running, from).map((t) => ({ ...t, lastStatus: "STOPPED", desiredStatus: "STOPPED" }));
const world = (desiredCount: number, list: ReturnType<typeof tasks>, instances: ContainerInstance[], activities: ScalingActivityLike[]): SandboxSnapshot =>
  ({ ...snapshot([service(S, { desiredCount })], list), containerInstances: instances, scalingActivities: activities });

describe("target-tracking-ec2 sandbox checks", () => {
  it("apply: needs the provider's first instance and the minimum's tasks running on it", () => {
    const apply = step("target-tracking-ec2", "apply");
    expect(checkSandbox(apply, EMPTY).hint).toMatch(/Apply to sandbox/);
    expect(checkSandbox(apply, world(2, tasks(2, provisioning), [], [])).hint).toMatch(/No instance of learn-asg.*60 s warm-up/);
    expect(checkSandbox(apply, world(2, tasks(2, provisioning), [instance(0, 0, "ACTIVE", "other")], [])).done).toBe(false);
    expect(checkSandbox(apply, world(2, tasks(2), [instance(0, 2)], []))).toEqual({ done: true });
  });

  it("ramp: needs a scale-out by the scaler, every task running and the instances they need", () => {
    const ramp = step("target-tracking-ec2", "ramp");
    expect(checkSandbox(ramp, world(2, tasks(2), [instance(0, 2)], [])).hint).toMatch(/desired count is 2/);
    expect(checkSandbox(ramp, world(5, [...tasks(2), ...tasks(3, provisioning, 2)], [instance(0, 2)], [out])).hint).toMatch(/asked for 5 tasks and 2 run on 1 instance: .*launches more/);
    expect(checkSandbox(ramp, world(5, tasks(5), [instance(0, 2), instance(1, 2), instance(2, 1)], [out]))).toEqual({ done: true });
    expect(checkSandbox(ramp, world(5, tasks(5), [instance(0, 2), instance(1, 2), instance(2, 1)], [{ ...out, ResourceId: "service/other/web" }])).done).toBe(false);
  });

  it("quiet: needs the tasks back at the minimum and the idle instances of the peak gone", () => {
    const quiet = step("target-tracking-ec2", "quiet");
    const peak = [instance(0, 2), instance(1, 0), instance(2, 0)];
    expect(checkSandbox(quiet, world(2, tasks(2), [instance(0, 2)], [])).hint).toMatch(/not scaled out yet/);
    expect(checkSandbox(quiet, world(5, tasks(5), peak, [out])).hint).toMatch(/desired count is 5/);
    expect(checkSandbox(quiet, world(2, [...tasks(2), ...stopped(3, 2)], peak, [inn, out])).hint).toMatch(/3 instances still ACTIVE \(2 idle\)/);
    expect(checkSandbox(quiet, world(2, [...tasks(2), ...stopped(3, 2)], [instance(0, 2), instance(1, 0, "DRAINING")], [inn, out]))).toEqual({ done: true });
  });

  it("asks about the peak's cost in whole m5.large instances, from the cost model", () => {
    const q = step("target-tracking-ec2", "peak-cost");
    if (q.check.kind !== "question") throw new Error("a question");
    // m5.large $0.096 an hour × 730 h = $70.08 a month; 6 tasks need 3 instances, 2 tasks 1.
    expect(q.check.choices.find((c) => c.correct)?.text).toMatch(/^\$210\.24 a month for 3 m5\.large instances, against \$70\.08 for 1/);
  });

  it("starts from a valid design: a service on an Auto Scaling group provider with managed scaling, scaling on CPU between 2 and 6 tasks", () => {
    const l = lesson("target-tracking-ec2");
    expect(validateDesign(l.starter).filter((f) => f.severity === "error")).toEqual([]);
    expect(l.starter.capacityProviders?.[0].autoScalingGroupProvider?.managedScaling).toMatchObject({ status: "ENABLED", targetCapacity: 100 });
    expect(l.starter.services[0]).toMatchObject({ capacityProviderStrategy: [{ capacityProvider: "learn-asg", weight: 1 }], autoScaling: { minCapacity: 2, maxCapacity: 6 } });
  });
});
