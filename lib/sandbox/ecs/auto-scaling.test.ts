import { describe, expect, it } from "vitest";
import { steppedSandbox } from "../testing";

// The scaler with two target tracking policies on one service: scale-in waits until both agree.

const target = { ServiceNamespace: "ecs", ResourceId: "service/c/s", ScalableDimension: "ecs:service:DesiredCount" };
const tracking = (name: string, type: string, value: number) => ({
  ...target, PolicyName: name, PolicyType: "TargetTrackingScaling",
  TargetTrackingScalingPolicyConfiguration: { TargetValue: value, PredefinedMetricSpecification: { PredefinedMetricType: type }, ScaleInCooldown: 60 },
});

describe("several target tracking policies", () => {
  it("scale in only when every policy that may scale in is ready to", () => {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    sb.control({ action: "addInstances", cluster: "c", count: 2 });
    sb.call("RegisterTaskDefinition", { family: "web", cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "nginx", essential: true }] });
    sb.call("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 4 });
    sb.autoscaling("RegisterScalableTarget", { ...target, MinCapacity: 1, MaxCapacity: 8 });
    // Idle tasks: CPU 2 % (far below 90 % of 50), memory 25 % (between 90 % of 27 and 27).
    sb.autoscaling("PutScalingPolicy", tracking("cpu", "ECSServiceAverageCPUUtilization", 50));
    sb.autoscaling("PutScalingPolicy", tracking("memory", "ECSServiceAverageMemoryUtilization", 27));
    const desired = () => sb.call("DescribeServices", { cluster: "c", services: ["s"] }).services[0].desiredCount;
    sb.step(20 * 60);
    expect(desired()).toBe(4);
    const alarms = sb.cloudwatch("DescribeAlarms", { StateValue: "ALARM" }).MetricAlarms.map((a: { AlarmName: string }) => a.AlarmName);
    expect(alarms).toEqual([expect.stringMatching(/^TargetTracking-service\/c\/s-AlarmLow-/)]);
    sb.autoscaling("DeleteScalingPolicy", { ...target, PolicyName: "memory" });
    sb.step(60);
    expect(desired()).toBe(1);
    expect(sb.autoscaling("DescribeScalingActivities", { ServiceNamespace: "ecs" }).ScalingActivities[0].Cause).toMatch(/^monitor alarm TargetTracking-service\/c\/s-AlarmLow-.+ in state ALARM triggered policy cpu$/);
  });
});

describe("scaling out on EC2 with an Auto Scaling group provider", () => {
  it("the scaler raises the desired count, managed scaling adds the instance the new task needs", () => {
    const sb = steppedSandbox();
    const asg = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:0b6a2f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/web-asg";
    sb.call("CreateCapacityProvider", { name: "asg", autoScalingGroupProvider: { autoScalingGroupArn: asg, managedScaling: { status: "ENABLED", instanceWarmupPeriod: 60 } } });
    sb.call("CreateCluster", { clusterName: "c", capacityProviders: ["asg"], defaultCapacityProviderStrategy: [{ capacityProvider: "asg", weight: 1 }] });
    sb.call("RegisterTaskDefinition", { family: "web", cpu: "1024", memory: "3072", containerDefinitions: [{ name: "app", image: "web:1", essential: true }] });
    sb.call("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 2 });
    sb.autoscaling("RegisterScalableTarget", { ...target, MinCapacity: 2, MaxCapacity: 6 });
    sb.autoscaling("PutScalingPolicy", tracking("cpu", "ECSServiceAverageCPUUtilization", 50));
    sb.step(3 * 60);
    const instances = () => sb.call("ListContainerInstances", { cluster: "c" }).containerInstanceArns.length;
    expect(instances()).toBe(1); // an m5.large holds two 1-vCPU tasks
    // 60 requests/s per 1-vCPU task at 10 ms: 62 % CPU, so ceil(2 × 62 / 50) = 3 tasks.
    sb.control({ action: "setLoad", cluster: "c", service: "s", load: { kind: "constant", rps: 120 } });
    sb.step(10 * 60);
    const svc = sb.call("DescribeServices", { cluster: "c", services: ["s"] }).services[0];
    expect(svc).toMatchObject({ desiredCount: 3, runningCount: 3 });
    expect(instances()).toBe(2);
  });
});

