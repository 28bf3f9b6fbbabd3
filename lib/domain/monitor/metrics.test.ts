import { describe, expect, it } from "vitest";
import {
  MetricsQuerySchema, joinResultPages, linePath, metricPeriod, metricTargets, metricsWindow, serviceMetricQueries, serviceMetricSeries, timeMarks, windowActivity,
} from "./metrics";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.parse("2026-12-07T12:00:00Z");

describe("metricPeriod and metricsWindow", () => {
  it("uses 1-minute data for an hour and coarser periods as the range grows", () => {
    expect(metricPeriod(60 * MIN, 60 * MIN)).toBe(60);
    expect(metricPeriod(180 * MIN, 180 * MIN)).toBe(60);
    expect(metricPeriod(720 * MIN, 720 * MIN)).toBe(300);
    expect(metricPeriod(DAY, DAY)).toBe(300);
    expect(metricPeriod(7 * DAY, 7 * DAY)).toBe(3600);
  });

  it("never asks for finer data than CloudWatch keeps for a start that old", () => {
    expect(metricPeriod(60 * MIN, 20 * DAY)).toBe(300);
    expect(metricPeriod(60 * MIN, 70 * DAY)).toBe(3600);
  });

  it("aligns the window to whole periods and includes the period still filling", () => {
    const w = metricsWindow(60, T0 + 30_000);
    expect(w).toEqual({ startTime: T0 - 60 * MIN, endTime: T0 + MIN, period: 60 });
    expect(metricsWindow(60, T0).endTime).toBe(T0 + MIN);
  });

  it("accepts only the offered ranges, naming the field", () => {
    expect(MetricsQuerySchema.parse({})).toEqual({ rangeMinutes: 60 });
    expect(MetricsQuerySchema.parse({ rangeMinutes: "180" })).toEqual({ rangeMinutes: 180 });
    const bad = MetricsQuerySchema.safeParse({ rangeMinutes: "61" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(["rangeMinutes"]);
  });
});

describe("serviceMetricQueries", () => {
  it("asks AWS/ECS for the service's average CPU and memory utilisation", () => {
    const q = serviceMetricQueries("prod", "web", 60, false);
    expect(q.map((x) => [x.Id, x.MetricStat.Metric.Namespace, x.MetricStat.Metric.MetricName])).toEqual([
      ["cpu", "AWS/ECS", "CPUUtilization"], ["memory", "AWS/ECS", "MemoryUtilization"],
    ]);
    expect(q[0].MetricStat.Metric.Dimensions).toEqual([{ Name: "ClusterName", Value: "prod" }, { Name: "ServiceName", Value: "web" }]);
    expect(q[0].MetricStat).toMatchObject({ Period: 60, Stat: "Average" });
  });

  it("adds Container Insights' utilised and reserved sums when the cluster has it", () => {
    const q = serviceMetricQueries("prod", "web", 300, true);
    expect(q.filter((x) => x.MetricStat.Metric.Namespace === "ECS/ContainerInsights").map((x) => x.MetricStat.Metric.MetricName))
      .toEqual(["CpuUtilized", "CpuReserved", "MemoryUtilized", "MemoryReserved"]);
    expect(new Set(q.map((x) => x.Id)).size).toBe(q.length);
  });
});

describe("results into series", () => {
  const at = (m: number) => new Date(T0 + m * MIN);

  it("joins the pages of one call per Id and sorts datapoints by time", () => {
    const joined = joinResultPages([
      [{ Id: "cpu", Timestamps: [at(2), at(1)], Values: [20, 10], StatusCode: "PartialData" }],
      [{ Id: "cpu", Timestamps: [at(0)], Values: [5], StatusCode: "Complete" }, { Id: "memory", Timestamps: [at(0)], Values: [40], StatusCode: "Complete" }],
    ]);
    const s = serviceMetricSeries(joined);
    expect(s.source).toBe("AWS/ECS");
    expect(s.cpu).toEqual([{ at: T0, value: 5 }, { at: T0 + MIN, value: 10 }, { at: T0 + 2 * MIN, value: 20 }]);
    expect(s.memory).toEqual([{ at: T0, value: 40 }]);
    expect(s.partial).toBe(false);
  });

  it("marks a series partial when CloudWatch says so", () => {
    expect(serviceMetricSeries([{ Id: "cpu", Timestamps: [], Values: [], StatusCode: "PartialData" }]).partial).toBe(true);
  });

  it("shows Container Insights' ratio when it has datapoints, else AWS/ECS", () => {
    const s = serviceMetricSeries([
      { Id: "cpu", Timestamps: [at(0)], Values: [10] },
      { Id: "cpuUsed", Timestamps: [at(0), at(1)], Values: [128, 512] }, { Id: "cpuReserved", Timestamps: [at(0), at(1)], Values: [512, 512] },
      { Id: "memoryUsed", Timestamps: [at(0)], Values: [256] }, { Id: "memoryReserved", Timestamps: [at(0)], Values: [0] },
    ]);
    expect(s.source).toBe("ECS/ContainerInsights");
    expect(s.cpu).toEqual([{ at: T0, value: 25 }, { at: T0 + MIN, value: 100 }]);
    expect(s.memory).toEqual([]);
    expect(serviceMetricSeries([{ Id: "cpu", Timestamps: [at(0)], Values: [10] }, { Id: "cpuUsed", Timestamps: [], Values: [] }]).source).toBe("AWS/ECS");
  });
});

describe("metricTargets", () => {
  it("reads target-tracking targets on average CPU and memory, predefined or customized", () => {
    expect(metricTargets([
      { PolicyName: "cpu70", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" } } },
      { PolicyName: "mem", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 80, CustomizedMetricSpecification: { Namespace: "AWS/ECS", MetricName: "MemoryUtilization" } } },
      { PolicyName: "alb", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 1000, PredefinedMetricSpecification: { PredefinedMetricType: "ALBRequestCountPerTarget" } } },
      { PolicyName: "step", PolicyType: "StepScaling" },
    ])).toEqual([{ metric: "cpu", value: 70, policyName: "cpu70" }, { metric: "memory", value: 80, policyName: "mem" }]);
  });
});

describe("timeMarks and linePath", () => {
  it("marks deployments and stops inside the window, oldest first", () => {
    const marks = timeMarks({
      deployments: [{ id: "ecs-svc/1", createdAt: new Date(T0 + 5 * MIN).toISOString(), taskDefinition: "arn:aws:ecs:r:1:task-definition/web:3" }, { id: "old", createdAt: new Date(T0 - DAY).toISOString() }],
      stopped: [{ taskId: "0123456789abcdef", stoppedAt: new Date(T0 + MIN).toISOString(), stoppedReason: "Essential container in task exited" }],
    }, { from: T0, to: T0 + 60 * MIN });
    expect(marks.map((m) => [m.kind, m.at])).toEqual([["stop", T0 + MIN], ["deployment", T0 + 5 * MIN]]);
    expect(marks[1].label).toBe("Deployment ecs-svc/1 of web:3 started");
    expect(marks[0].label).toBe("Task 0123456789ab stopped: Essential container in task exited");
  });

  it("draws a polyline on a 0–100 % scale and breaks it where datapoints are missing", () => {
    const g = linePath([{ at: T0, value: 0 }, { at: T0 + MIN, value: 50 }, { at: T0 + 10 * MIN, value: 100 }], { from: T0, to: T0 + 10 * MIN, width: 100, height: 50, period: 60 });
    expect(g.maxY).toBe(100);
    expect(g.path).toBe("M0,50 L10,25 M100,0");
    expect(g.y(70)).toBe(15);
    expect(linePath([{ at: T0, value: 130 }], { from: T0, to: T0 + MIN, width: 10, height: 10, period: 60 }).maxY).toBe(150);
  });
});

describe("windowActivity", () => {
  const at = (m: number) => new Date(T0 + m * MIN).toISOString();
  const window = { from: T0, to: T0 + 60 * MIN };

  it("marks and counts the same stops: a task ECS still shows and the recorder's rows of it are one task", () => {
    const a = windowActivity({
      deployments: [{ id: "ecs-svc/1", createdAt: at(2) }],
      tasks: [
        // ECS's answer: one running, one stopped.
        { taskId: "run1", startedAt: at(3) },
        { taskId: "crash1", startedAt: at(4), stoppedAt: at(10), stoppedReason: "Essential container in task exited" },
        // The recorder's rows: the crashed one again (seen RUNNING, then STOPPED), and one that stopped before the window.
        { taskId: "crash1", startedAt: at(4), stoppedAt: null },
        { taskId: "crash1", startedAt: at(4), stoppedAt: at(10), stoppedReason: "Essential container in task exited" },
        { taskId: "old", startedAt: at(-90), stoppedAt: at(-30), stoppedReason: "Scaling activity initiated by deployment" },
      ],
    }, window, 6);
    expect(a.marks.filter((m) => m.kind === "stop").map((m) => m.at)).toEqual([T0 + 10 * MIN]);
    expect(a.stopped).toBe(1);
    expect(a.buckets.reduce((n, b) => n + b.stopped, 0)).toBe(a.stopped);
    expect(a.started).toBe(2);
    expect(a.buckets.reduce((n, b) => n + b.started, 0)).toBe(a.started);
    expect(a.buckets.map((b) => b.from)).toEqual([0, 10, 20, 30, 40, 50].map(at));
    expect(a.marks.map((m) => m.kind)).toEqual(["deployment", "stop"]);
  });

  it("has neither marks nor bars when nothing happened in the window", () => {
    const a = windowActivity({ deployments: [], tasks: [{ taskId: "old", startedAt: at(-90), stoppedAt: at(-30) }, { taskId: "new", startedAt: null }] }, window);
    expect(a).toEqual({ marks: [], buckets: [], started: 0, stopped: 0 });
  });

  it("counts every stop however many there are (the stop reasons list shows the newest 20, the chart all)", () => {
    const tasks = Array.from({ length: 30 }, (_, i) => ({ taskId: `t${i}`, startedAt: at(i), stoppedAt: at(i + 1) }));
    const a = windowActivity({ deployments: [], tasks }, window);
    expect(a.marks).toHaveLength(30);
    expect(a.buckets.reduce((n, b) => n + b.stopped, 0)).toBe(30);
  });
});
