import { describe, expect, it } from "vitest";
import { MINUTE } from "../core/metric-store";
import { failureOf, steppedSandbox } from "../testing";
import { loadAt, taskUtilisation } from "./load";

const T = 1_700_000_000_000;
const costs = { cpuMsPerRequest: 10, memoryMiBPerRequest: 2 };

describe("load shapes", () => {
  it("constant, ramp, daily and spike over simulated time", () => {
    expect(loadAt({ kind: "constant", rps: 7 }, T, T + 99 * MINUTE)).toBe(7);
    const ramp = { kind: "ramp", from: 10, to: 50, minutes: 4 } as const;
    expect([0, 1, 2, 4, 10].map((m) => loadAt(ramp, T, T + m * MINUTE))).toEqual([10, 20, 30, 50, 50]);
    expect(loadAt({ kind: "ramp", from: 80, to: 0, minutes: 8 }, T, T + 2 * MINUTE)).toBe(60);
    const daily = { kind: "daily", peak: 100, trough: 20, peakHour: 14 } as const;
    const at = (h: number) => Date.UTC(2026, 11, 7, h);
    expect(loadAt(daily, T, at(14))).toBeCloseTo(100);
    expect(loadAt(daily, T, at(2))).toBeCloseTo(20);
    expect(loadAt(daily, T, at(8))).toBeCloseTo(60);
    const spike = { kind: "spike", base: 5, height: 95, atMinutes: 10, minutes: 3 } as const;
    expect([9, 10, 12.9, 13].map((m) => loadAt(spike, T, T + m * MINUTE))).toEqual([5, 100, 100, 5]);
  });
});

describe("a task's utilisation", () => {
  it("follows its share of the load and its size, within 0–100 %", () => {
    expect(taskUtilisation({ cpu: 256, memory: 512 }, 0, costs)).toEqual({ cpu: 2, memory: 25 });
    expect(taskUtilisation({ cpu: 256, memory: 512 }, 10, costs)).toEqual({ cpu: 42, memory: 25.39 });
    // Twice the CPU halves the CPU share of the same load.
    expect(taskUtilisation({ cpu: 512, memory: 512 }, 10, costs).cpu).toBe(22);
    expect(taskUtilisation({ cpu: 256, memory: 512 }, 1_000, costs)).toEqual({ cpu: 100, memory: 64.06 });
    expect(taskUtilisation({ cpu: 256, memory: 512 }, 100_000, costs).memory).toBe(100);
  });
});

/** eu-west-1 with an ALB forwarding to a target group, and a Fargate service "s" of two tasks behind it. */
function balanced() {
  const sb = steppedSandbox(1, "eu-west-1");
  const vpcId: string = sb.ec2("DescribeVpcs").vpcSet[0].vpcId;
  const subnets: string[] = sb.ec2("DescribeSubnets").subnetSet.map((s: { subnetId: string }) => s.subnetId);
  const lb = sb.elbv2("CreateLoadBalancer", { Name: "web", Subnets: subnets }).LoadBalancers[0];
  const tg = sb.elbv2("CreateTargetGroup", { Name: "web", Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "ip", HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 }).TargetGroups[0];
  sb.elbv2("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] });
  sb.call("CreateCluster", { clusterName: "c" });
  sb.call("RegisterTaskDefinition", { family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "512", memory: "1024", containerDefinitions: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80 }] }] });
  sb.call("CreateService", {
    cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets } },
    loadBalancers: [{ targetGroupArn: tg.TargetGroupArn, containerName: "web", containerPort: 80 }],
  });
  const tgDim = (tg.TargetGroupArn as string).split(":").pop()!;
  const lbDim = (lb.LoadBalancerArn as string).split(":loadbalancer/")[1];
  return { sb, tgArn: tg.TargetGroupArn as string, tgDim, lbDim };
}

const latest = (sb: ReturnType<typeof steppedSandbox>, Namespace: string, MetricName: string, Dimensions: { Name: string; Value: string }[], Stat = "Average") => {
  const now = sb.world().now / 1000;
  const out = sb.cloudwatch("GetMetricData", { StartTime: now - 600, EndTime: now, MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace, MetricName, Dimensions }, Period: 60, Stat } }] });
  return out.MetricDataResults[0].Values[0] as number | undefined;
};

describe("the minute's metrics", () => {
  it("a target group's load reaches the healthy tasks behind it and its request metrics", () => {
    const { sb, tgArn, tgDim, lbDim } = balanced();
    sb.step(120);
    sb.control({ action: "setLoad", region: "eu-west-1", targetGroupArn: tgArn, load: { kind: "constant", rps: 50 } });
    sb.step(180);
    const dims = [{ Name: "LoadBalancer", Value: lbDim }, { Name: "TargetGroup", Value: tgDim }];
    expect(latest(sb, "AWS/ApplicationELB", "RequestCount", dims, "Sum")).toBe(3000);
    expect(latest(sb, "AWS/ApplicationELB", "RequestCountPerTarget", dims, "Sum")).toBe(1500);
    expect(latest(sb, "AWS/ApplicationELB", "RequestCountPerTarget", [dims[1]], "Sum")).toBe(1500);
    // 25 requests/s per 0.5 vCPU task × 10 ms = 50 %, plus 2 % idle.
    expect(latest(sb, "AWS/ECS", "CPUUtilization", [{ Name: "ClusterName", Value: "c" }, { Name: "ServiceName", Value: "s" }])).toBe(52);
    const status = sb.control({ action: "status", region: "eu-west-1" });
    expect(status.loads).toMatchObject([{ key: tgArn, load: { kind: "constant", rps: 50 }, rpsNow: 50 }]);
    sb.control({ action: "setLoad", region: "eu-west-1", targetGroupArn: tgArn, load: { kind: "off" } });
    sb.step(120);
    expect(latest(sb, "AWS/ECS", "CPUUtilization", [{ Name: "ClusterName", Value: "c" }, { Name: "ServiceName", Value: "s" }])).toBe(2);
  });

  it("target tracking on ALBRequestCountPerTarget scales the service behind the target group", () => {
    const { sb, tgArn, tgDim, lbDim } = balanced();
    const target = { ServiceNamespace: "ecs", ResourceId: "service/c/s", ScalableDimension: "ecs:service:DesiredCount" };
    sb.autoscaling("RegisterScalableTarget", { ...target, MinCapacity: 2, MaxCapacity: 10 });
    sb.autoscaling("PutScalingPolicy", {
      ...target, PolicyName: "requests", PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 600, PredefinedMetricSpecification: { PredefinedMetricType: "ALBRequestCountPerTarget", ResourceLabel: `${lbDim}/${tgDim}` } },
    });
    sb.step(120);
    sb.control({ action: "setLoad", region: "eu-west-1", targetGroupArn: tgArn, load: { kind: "constant", rps: 50 } });
    sb.step(10 * 60);
    // 3,000 requests a minute over 2 targets is 1,500 each: ceil(2 × 1,500 / 600) = 5 tasks, 600 each.
    expect(sb.call("DescribeServices", { cluster: "c", services: ["s"] }).services[0]).toMatchObject({ desiredCount: 5, runningCount: 5 });
    expect(latest(sb, "AWS/ApplicationELB", "RequestCountPerTarget", [{ Name: "LoadBalancer", Value: lbDim }, { Name: "TargetGroup", Value: tgDim }], "Sum")).toBe(600);
  });

  it("refuses a load without its one subject", () => {
    const { sb } = balanced();
    expect(failureOf(() => sb.control({ action: "setLoad", region: "eu-west-1", load: { kind: "constant", rps: 1 } })).code).toBe("ClientException");
    expect(failureOf(() => sb.control({ action: "setLoad", region: "eu-west-1", cluster: "c", service: "nope", load: { kind: "constant", rps: 1 } })).code).toBe("ServiceNotFoundException");
    expect(failureOf(() => sb.control({ action: "setLoad", region: "eu-west-1", cluster: "c", service: "s", load: { kind: "ramp", from: -1, to: 2, minutes: 1 } })).message).toContain("from");
  });
});
