import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeleteScalingPolicyCommand, DescribeScalingActivitiesCommand, PutScalingPolicyCommand, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
import { DescribeAlarmsCommand, PutMetricAlarmCommand, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { startSandbox } from "./server";

// The scaler end to end, through the real SDK clients at /sandbox/aws: a target tracking policy's
// CloudWatch alarms follow the simulated load (control setLoad), AlarmHigh scales the service
// out and its tasks start; when the load goes, AlarmLow scales it back in after 15 minutes. A step
// scaling policy acts on an alarm of a custom metric.

let sb: Awaited<ReturnType<typeof startSandbox>>;
const target = { ServiceNamespace: "ecs", ResourceId: "service/auto/api", ScalableDimension: "ecs:service:DesiredCount" } as const;
beforeAll(async () => {
  sb = await startSandbox();
  await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "auto" }));
  await sb.control({ action: "addInstances", cluster: "auto", count: 4, instanceType: "m5.large" });
  await sb.aws.ecs.send(new RegisterTaskDefinitionCommand({ family: "api", cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "nginx:1.27", essential: true }] }));
  await sb.aws.ecs.send(new CreateServiceCommand({ cluster: "auto", serviceName: "api", taskDefinition: "api", desiredCount: 1 }));
  await sb.aws.autoscaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 10 }));
});
afterAll(async () => { await sb.close(); });

const service = async () => (await sb.aws.ecs.send(new DescribeServicesCommand({ cluster: "auto", services: ["api"] }))).services![0];
const activities = async () => (await sb.aws.autoscaling.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs", ResourceId: target.ResourceId }))).ScalingActivities!;

describe("target tracking on the simulated load", () => {
  let high = "";
  let low = "";
  it("creates the policy's two alarms in CloudWatch, as Application Auto Scaling does", async () => {
    const out = await sb.aws.autoscaling.send(new PutScalingPolicyCommand({
      ...target, PolicyName: "cpu50", PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleOutCooldown: 60, ScaleInCooldown: 120 },
    }));
    [high, low] = out.Alarms!.map((a) => a.AlarmName!);
    const { MetricAlarms } = await sb.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: "TargetTracking-service/auto/api-" }));
    expect(MetricAlarms?.map((a) => a.AlarmName).sort()).toEqual([high, low].sort());
    const h = MetricAlarms!.find((a) => a.AlarmName === high)!;
    const l = MetricAlarms!.find((a) => a.AlarmName === low)!;
    expect(h).toMatchObject({
      Namespace: "AWS/ECS", MetricName: "CPUUtilization", Statistic: "Average", Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 3, Threshold: 50,
      ComparisonOperator: "GreaterThanThreshold", AlarmActions: [out.PolicyARN], StateValue: "INSUFFICIENT_DATA", StateReason: "Unchecked: Initial alarm creation",
      Dimensions: [{ Name: "ClusterName", Value: "auto" }, { Name: "ServiceName", Value: "api" }],
    });
    expect(h.AlarmDescription).toBe(`DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${out.PolicyARN}.`);
    expect(l).toMatchObject({ EvaluationPeriods: 15, DatapointsToAlarm: 15, Threshold: 45, ComparisonOperator: "LessThanThreshold" });
  });

  it("ramps the load: AlarmHigh fires, the desired count rises and the new tasks run", async () => {
    await sb.control({ action: "setLoad", cluster: "auto", service: "api", load: { kind: "ramp", from: 5, to: 60, minutes: 5 } });
    await sb.step(4 * 60);
    const { MetricAlarms } = await sb.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [high] }));
    expect(MetricAlarms![0].StateValue).toBe("ALARM");
    expect(MetricAlarms![0].StateReason).toMatch(/^Threshold Crossed: 3 datapoints \[\d+(\.\d+)? \(\d\d\/\d\d\/\d\d \d\d:\d\d:00\), .+\] were greater than the threshold \(50\.0\)\.$/);
    await sb.step(10 * 60);
    const svc = await service();
    // 60 requests/s at 10 ms each on 0.25 vCPU tasks: 5 tasks hold them at 50 %.
    expect(svc.desiredCount).toBeGreaterThanOrEqual(5);
    expect(svc.desiredCount).toBeLessThanOrEqual(6);
    expect(svc.runningCount).toBe(svc.desiredCount);
    const out = (await activities()).filter((a) => a.Cause?.includes("AlarmHigh"));
    expect(out.length).toBeGreaterThanOrEqual(1);
    expect(out.at(-1)).toMatchObject({ Cause: `monitor alarm ${high} in state ALARM triggered policy cpu50`, StatusCode: "Successful" });
    expect(out.at(-1)!.Description).toMatch(/^Setting desired count to \d+\.$/);
    expect((await sb.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [high] }))).MetricAlarms![0].StateValue).toBe("OK");
  });

  it("the load goes: AlarmLow needs 15 minutes below 45 %, then the service scales in", async () => {
    const before = (await service()).desiredCount!;
    await sb.control({ action: "setLoad", cluster: "auto", service: "api", load: { kind: "constant", rps: 2 } });
    await sb.step(10 * 60);
    expect((await service()).desiredCount).toBe(before);
    await sb.step(10 * 60);
    const svc = await service();
    expect(svc.desiredCount).toBe(1);
    const [last] = await activities();
    expect(last).toMatchObject({ Description: "Setting desired count to 1.", Cause: `monitor alarm ${low} in state ALARM triggered policy cpu50` });
    await sb.step(60);
    expect((await service()).runningCount).toBe(1);
  });

  it("a step scaling policy acts on its alarm of a custom metric", async () => {
    // Without the target tracking policy, whose AlarmLow would take the tasks straight back.
    await sb.aws.autoscaling.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: "cpu50" }));
    expect((await sb.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [high, low] }))).MetricAlarms).toEqual([]);
    const { PolicyARN } = await sb.aws.autoscaling.send(new PutScalingPolicyCommand({
      ...target, PolicyName: "queue", PolicyType: "StepScaling",
      StepScalingPolicyConfiguration: { AdjustmentType: "ChangeInCapacity", Cooldown: 600, StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 50, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 50, ScalingAdjustment: 3 }] },
    }));
    await sb.aws.cloudwatch.send(new PutMetricAlarmCommand({
      AlarmName: "queue-deep", Namespace: "Shop", MetricName: "QueueDepth", Statistic: "Maximum", Period: 60, EvaluationPeriods: 2, DatapointsToAlarm: 2,
      Threshold: 100, ComparisonOperator: "GreaterThanOrEqualToThreshold", AlarmActions: [PolicyARN!], TreatMissingData: "notBreaching",
    }));
    const before = (await service()).desiredCount!;
    for (let i = 0; i < 3; i++) {
      await sb.aws.cloudwatch.send(new PutMetricDataCommand({ Namespace: "Shop", MetricData: [{ MetricName: "QueueDepth", Value: 180, Unit: "Count" }] }));
      await sb.step(60);
    }
    const { MetricAlarms } = await sb.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ["queue-deep"] }));
    expect(MetricAlarms![0]).toMatchObject({ StateValue: "ALARM" });
    expect(MetricAlarms![0].StateReason).toMatch(/^Threshold Crossed: 2 datapoints \[180\.0 \(.+\), 180\.0 \(.+\)\] were greater than or equal to the threshold \(100\.0\)\.$/);
    // 180 − 100 = 80 falls in the second step: +3, once (the cooldown holds the next minutes).
    expect((await service()).desiredCount).toBe(before + 3);
    const [last] = await activities();
    expect(last).toMatchObject({ Description: `Setting desired count to ${before + 3}.`, Cause: "monitor alarm queue-deep in state ALARM triggered policy queue" });
  });
});
