import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApplicationAutoScalingServiceException, DeleteScalingPolicyCommand, DeleteScheduledActionCommand, DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand, DescribeScalingActivitiesCommand, DescribeScalingPoliciesCommand, DescribeScheduledActionsCommand,
  PutScalingPolicyCommand, PutScheduledActionCommand, RegisterScalableTargetCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { rejection as failed, startSandbox } from "./server";

// Application Auto Scaling over awsJson1_1 (X-Amz-Target AnyScaleFrontendService.<Op>), through
// the real ApplicationAutoScalingClient at /sandbox/aws, scaling an ECS service of the sandbox.

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sb = await startSandbox();
  await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "shop" }));
  await sb.control({ action: "addInstances", cluster: "shop", count: 2, instanceType: "m5.large" });
  await sb.aws.ecs.send(new RegisterTaskDefinitionCommand({ family: "web", containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 128, cpu: 128 }] }));
  await sb.aws.ecs.send(new CreateServiceCommand({ cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 1 }));
});
afterAll(async () => { await sb.close(); });

const rejection = (call: Promise<unknown>) => failed<ApplicationAutoScalingServiceException>(call);
const target = { ServiceNamespace: "ecs", ResourceId: "service/shop/web", ScalableDimension: "ecs:service:DesiredCount" } as const;
const desired = async () => (await sb.aws.ecs.send(new DescribeServicesCommand({ cluster: "shop", services: ["web"] }))).services![0].desiredCount;

describe("Application Auto Scaling over awsJson1_1", () => {
  it("refuses a service that does not exist, min > max, and a new target without its range", async () => {
    const e = await rejection(sb.aws.autoscaling.send(new RegisterScalableTargetCommand({ ...target, ResourceId: "service/shop/nope", MinCapacity: 1, MaxCapacity: 2 })));
    expect(e.name).toBe("ValidationException");
    expect(e.message).toBe("ECS service doesn't exist: service/shop/nope");
    const e2 = await rejection(sb.aws.autoscaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 3, MaxCapacity: 2 })));
    expect(e2.message).toBe("Minimum capacity cannot be greater than maximum capacity");
    expect((await rejection(sb.aws.autoscaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1 })))).name).toBe("ValidationException");
    const e3 = await rejection(sb.aws.autoscaling.send(new PutScalingPolicyCommand({ ...target, PolicyName: "cpu", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" } } })));
    expect(e3.name).toBe("ObjectNotFoundException");
    expect(e3.message).toBe("No scalable target registered for service namespace: ecs, resource ID: service/shop/web, scalable dimension: ecs:service:DesiredCount");
  });

  it("registers a target, moving the desired count into [min, max] with an activity", async () => {
    const { ScalableTargetARN } = await sb.aws.autoscaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 2, MaxCapacity: 6 }));
    expect(ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target\/[0-9a-f]{36}$/);
    expect(await desired()).toBe(2);
    const { ScalableTargets } = await sb.aws.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: ["service/shop/web"] }));
    expect(ScalableTargets).toMatchObject([{ ...target, MinCapacity: 2, MaxCapacity: 6, ScalableTargetARN, SuspendedState: { ScheduledScalingSuspended: false } }]);
    expect(ScalableTargets![0].CreationTime).toBeInstanceOf(Date);
    const { ScalingActivities } = await sb.aws.autoscaling.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs", ResourceId: target.ResourceId }));
    expect(ScalingActivities).toMatchObject([{ Description: "Setting desired count to 2.", Cause: "minimum capacity was set to 2", StatusCode: "Successful" }]);
  });

  it("puts a target tracking policy with the alarms AAS names, and a step policy", async () => {
    const out = await sb.aws.autoscaling.send(new PutScalingPolicyCommand({
      ...target, PolicyName: "cpu70", PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleInCooldown: 120 },
    }));
    expect(out.PolicyARN).toMatch(/^arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/shop\/web:policyName\/cpu70$/);
    expect(out.Alarms?.map((a) => a.AlarmName)).toEqual([expect.stringMatching(/^TargetTracking-service\/shop\/web-AlarmHigh-[0-9a-f-]{36}$/), expect.stringMatching(/^TargetTracking-service\/shop\/web-AlarmLow-/)]);
    expect(out.Alarms?.[0].AlarmARN).toBe(`arn:aws:cloudwatch:us-east-1:000000000000:alarm:${out.Alarms?.[0].AlarmName}`);
    const again = await sb.aws.autoscaling.send(new PutScalingPolicyCommand({
      ...target, PolicyName: "cpu70", PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleInCooldown: 120 },
    }));
    expect(again.PolicyARN).toBe(out.PolicyARN);
    await sb.aws.autoscaling.send(new PutScalingPolicyCommand({
      ...target, PolicyName: "step-out", PolicyType: "StepScaling",
      StepScalingPolicyConfiguration: { AdjustmentType: "ChangeInCapacity", StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 2 }], Cooldown: 60 },
    }));
    const { ScalingPolicies } = await sb.aws.autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs", ResourceId: target.ResourceId }));
    expect(ScalingPolicies?.map((p) => [p.PolicyName, p.PolicyType])).toEqual([["cpu70", "TargetTrackingScaling"], ["step-out", "StepScaling"]]);
    expect(ScalingPolicies?.[0].TargetTrackingScalingPolicyConfiguration?.TargetValue).toBe(60);
    const alb = await rejection(sb.aws.autoscaling.send(new PutScalingPolicyCommand({ ...target, PolicyName: "alb", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 100, PredefinedMetricSpecification: { PredefinedMetricType: "ALBRequestCountPerTarget" } } })));
    expect(alb.name).toBe("ValidationException");
    await sb.aws.autoscaling.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: "step-out" }));
    const gone = await rejection(sb.aws.autoscaling.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: "step-out" })));
    expect(gone.name).toBe("ObjectNotFoundException");
    expect(gone.message).toContain("policy name: step-out");
  });

  it("runs a scheduled action on the sandbox clock: the range changes and the desired count follows", async () => {
    const bad = await rejection(sb.aws.autoscaling.send(new PutScheduledActionCommand({ ...target, ScheduledActionName: "x", Schedule: "cron(0 8 * * *)", ScalableTargetAction: { MinCapacity: 1 } })));
    expect(bad.name).toBe("ValidationException");
    expect(bad.message).toContain("six fields");
    // The idle service's CPU is far below cpu70's target: its AlarmLow would scale it in (target-tracking.test.ts).
    await sb.aws.autoscaling.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: "cpu70" }));
    // The frozen clock is at 2023-11-14T22:13:20Z; this runs in ten minutes.
    await sb.aws.autoscaling.send(new PutScheduledActionCommand({
      ...target, ScheduledActionName: "peak", Schedule: "at(2023-11-14T22:23:00)", ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 8 },
    }));
    await sb.aws.autoscaling.send(new PutScheduledActionCommand({
      ...target, ScheduledActionName: "night", Schedule: "cron(30 22 * * ? *)", Timezone: "Etc/UTC", ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 3 },
    }));
    const { ScheduledActions } = await sb.aws.autoscaling.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "ecs", ResourceId: target.ResourceId }));
    expect(ScheduledActions?.map((a) => [a.ScheduledActionName, a.Schedule])).toEqual([["peak", "at(2023-11-14T22:23:00)"], ["night", "cron(30 22 * * ? *)"]]);
    expect(ScheduledActions?.[0].ScheduledActionARN).toMatch(/:scheduledAction:[0-9a-f-]{36}:resource\/ecs\/service\/shop\/web:scheduledActionName\/peak$/);
    await sb.step(5 * 60);
    expect(await desired()).toBe(2);
    await sb.step(5 * 60);
    expect(await desired()).toBe(4);
    await sb.step(10 * 60);
    expect(await desired()).toBe(3);
    const { ScalingActivities } = await sb.aws.autoscaling.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs", ResourceId: target.ResourceId }));
    expect(ScalingActivities?.slice(0, 4).map((a) => [a.Description, a.Cause])).toEqual([
      ["Setting desired count to 3.", "maximum capacity was set to 3"],
      ["Setting min capacity to 1 and max capacity to 3", "scheduled action name night was triggered"],
      ["Setting desired count to 4.", "minimum capacity was set to 4"],
      ["Setting min capacity to 4 and max capacity to 8", "scheduled action name peak was triggered"],
    ]);
    const { ScalableTargets } = await sb.aws.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }));
    expect(ScalableTargets?.[0]).toMatchObject({ MinCapacity: 1, MaxCapacity: 3 });
    await sb.aws.autoscaling.send(new DeleteScheduledActionCommand({ ...target, ScheduledActionName: "peak" }));
    expect((await rejection(sb.aws.autoscaling.send(new DeleteScheduledActionCommand({ ...target, ScheduledActionName: "peak" })))).name).toBe("ObjectNotFoundException");
  });

  it("deregisters a target with its policies and scheduled actions", async () => {
    await sb.aws.autoscaling.send(new DeregisterScalableTargetCommand(target));
    const { ScalableTargets } = await sb.aws.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }));
    expect(ScalableTargets).toEqual([]);
    expect((await sb.aws.autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs" }))).ScalingPolicies).toEqual([]);
    expect((await sb.aws.autoscaling.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "ecs" }))).ScheduledActions).toEqual([]);
    expect((await rejection(sb.aws.autoscaling.send(new DeregisterScalableTargetCommand(target)))).name).toBe("ObjectNotFoundException");
  });
});
