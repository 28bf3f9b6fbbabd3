import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CloudWatchServiceException, DeleteAlarmsCommand, DescribeAlarmsCommand, GetMetricDataCommand, PutMetricAlarmCommand, GetMetricStatisticsCommand, ListMetricsCommand, PutMetricDataCommand,
} from "@aws-sdk/client-cloudwatch";
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { rejection as failed, startSandbox } from "./server";

// CloudWatch over awsJson1_0 (X-Amz-Target GraniteServiceVersion20100801.<Op>, awsQueryCompatible
// errors), through the real CloudWatchClient at /sandbox/aws: the AWS/ECS metrics of a service
// under the simulated load (control setLoad), and custom metrics.

let sb: Awaited<ReturnType<typeof startSandbox>>;
const T0 = 1_700_000_000; // the tests' frozen clock, epoch seconds
beforeAll(async () => {
  sb = await startSandbox();
  await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "shop" }));
  await sb.control({ action: "addInstances", cluster: "shop", count: 2, instanceType: "m5.large" });
  await sb.aws.ecs.send(new RegisterTaskDefinitionCommand({ family: "web", cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "nginx:1.27", essential: true }] }));
  await sb.aws.ecs.send(new CreateServiceCommand({ cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 2 }));
});
afterAll(async () => { await sb.close(); });

const rejection = (call: Promise<unknown>) => failed<CloudWatchServiceException>(call);
const dims = [{ Name: "ClusterName", Value: "shop" }, { Name: "ServiceName", Value: "web" }];
const query = (Id: string, MetricName: string, Stat = "Average") => ({ Id, MetricStat: { Metric: { Namespace: "AWS/ECS", MetricName, Dimensions: dims }, Period: 60, Stat } });

describe("CloudWatch over awsJson1_0", () => {
  it("answers the AWS/ECS utilisation of a service from the load it serves", async () => {
    await sb.step(60);
    await sb.control({ action: "setLoad", cluster: "shop", service: "web", load: { kind: "constant", rps: 20 } });
    await sb.step(5 * 60);
    const out = await sb.aws.cloudwatch.send(new GetMetricDataCommand({
      StartTime: new Date((T0 + 120) * 1000), EndTime: new Date((T0 + 400) * 1000),
      MetricDataQueries: [query("cpu", "CPUUtilization"), query("mem", "MemoryUtilization"), { ...query("n", "CPUUtilization", "SampleCount"), Label: "tasks" }],
    }));
    const [cpu, mem, n] = out.MetricDataResults!;
    // 10 requests/s per task × 10 ms / (0.25 vCPU × 1000 ms) = 40 %, plus 2 % idle; memory 25 % base + 10 × 0.1 × 2 MiB of 512 MiB.
    expect(cpu).toMatchObject({ Id: "cpu", Label: "CPUUtilization", StatusCode: "Complete" });
    expect(cpu.Values!.length).toBeGreaterThanOrEqual(3);
    expect(new Set(cpu.Values)).toEqual(new Set([42]));
    expect(new Set(mem.Values)).toEqual(new Set([25.39]));
    expect(n).toMatchObject({ Label: "tasks" });
    expect(new Set(n.Values)).toEqual(new Set([2]));
    // Newest first (ScanBy TimestampDescending), a minute apart.
    const ts = cpu.Timestamps!.map((d) => d.getTime());
    expect(ts).toEqual([...ts].sort((a, b) => b - a));
    expect(ts[0] - ts[1]).toBe(60_000);
    expect(ts.every((t) => t % 60_000 === 0)).toBe(true);
  });

  it("pages GetMetricData by MaxDatapoints and scans ascending", async () => {
    const input = { StartTime: new Date(T0 * 1000), EndTime: new Date((T0 + 600) * 1000), MetricDataQueries: [query("cpu", "CPUUtilization")], ScanBy: "TimestampAscending" as const };
    const all = (await sb.aws.cloudwatch.send(new GetMetricDataCommand(input))).MetricDataResults![0];
    const first = await sb.aws.cloudwatch.send(new GetMetricDataCommand({ ...input, MaxDatapoints: 2 }));
    expect(first.MetricDataResults![0]).toMatchObject({ StatusCode: "PartialData" });
    expect(first.MetricDataResults![0].Timestamps).toEqual(all.Timestamps!.slice(0, 2));
    const second = await sb.aws.cloudwatch.send(new GetMetricDataCommand({ ...input, MaxDatapoints: 100, NextToken: first.NextToken }));
    expect(second.MetricDataResults![0].Timestamps).toEqual(all.Timestamps!.slice(2));
    expect(second.MetricDataResults![0].StatusCode).toBe("Complete");
    expect(second.NextToken).toBeUndefined();
  });

  it("ramps the load: utilisation follows it minute by minute", async () => {
    await sb.control({ action: "setLoad", cluster: "shop", service: "web", load: { kind: "ramp", from: 0, to: 40, minutes: 4 } });
    await sb.step(6 * 60);
    const out = await sb.aws.cloudwatch.send(new GetMetricStatisticsCommand({
      Namespace: "AWS/ECS", MetricName: "CPUUtilization", Dimensions: dims, StartTime: new Date((T0 + 360) * 1000), EndTime: new Date((T0 + 900) * 1000), Period: 60, Statistics: ["Average", "Maximum"],
    }));
    const values = out.Datapoints!.sort((a, b) => a.Timestamp!.getTime() - b.Timestamp!.getTime()).map((d) => d.Average!);
    expect(values.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
    expect(values.at(-1)).toBe(82); // 20 requests/s per task: 80 % + 2 %
    expect(out.Datapoints![0].Unit).toBe("Percent");
    expect(out.Label).toBe("CPUUtilization");
  });

  it("lists the metrics, takes custom ones, and refuses with CloudWatch's codes", async () => {
    const { Metrics } = await sb.aws.cloudwatch.send(new ListMetricsCommand({ Namespace: "AWS/ECS" }));
    expect(Metrics?.map((m) => m.MetricName).sort()).toEqual(["CPUUtilization", "MemoryUtilization"]);
    await sb.aws.cloudwatch.send(new PutMetricDataCommand({ Namespace: "Shop", MetricData: [{ MetricName: "Queue", Value: 7, Unit: "Count" }, { MetricName: "Queue", Value: 9, Unit: "Count" }] }));
    const stats = await sb.aws.cloudwatch.send(new GetMetricStatisticsCommand({ Namespace: "Shop", MetricName: "Queue", StartTime: new Date((T0 + 600) * 1000), EndTime: new Date((T0 + 1200) * 1000), Period: 300, Statistics: ["Sum", "SampleCount", "Maximum"] }));
    expect(stats.Datapoints).toMatchObject([{ Sum: 16, SampleCount: 2, Maximum: 9, Unit: "Count" }]);
    const aws = await rejection(sb.aws.cloudwatch.send(new PutMetricDataCommand({ Namespace: "AWS/ECS", MetricData: [{ MetricName: "x", Value: 1 }] })));
    expect(aws.name).toBe("InvalidParameterValueException");
    expect(aws.message).toBe("The value AWS/ECS for parameter Namespace is invalid.");
    expect(aws.$metadata.httpStatusCode).toBe(400);
    const many = await rejection(sb.aws.cloudwatch.send(new GetMetricStatisticsCommand({ Namespace: "Shop", MetricName: "Queue", StartTime: new Date(T0 * 1000), EndTime: new Date((T0 + 86_460) * 1000), Period: 60, Statistics: ["Sum"] })));
    expect(many.name).toBe("InvalidParameterCombinationException");
    expect(many.message).toContain("You have requested up to 1,441 datapoints, which exceeds the limit of 1,440.");
    const missing = await rejection(sb.aws.cloudwatch.send(new GetMetricDataCommand({ StartTime: new Date(T0 * 1000), EndTime: new Date((T0 + 60) * 1000), MetricDataQueries: [{ Id: "Bad", MetricStat: query("x", "CPUUtilization").MetricStat }] })));
    expect(missing.name).toBe("InvalidParameterValueException");
    expect(missing.message).toContain("at 'MetricDataQueries.0.Id' failed to satisfy constraint");
  });

  it("keeps alarms: put, described by state, evaluated on the simulated minute, deleted", async () => {
    await sb.aws.cloudwatch.send(new PutMetricAlarmCommand({
      AlarmName: "web-cpu-high", Namespace: "AWS/ECS", MetricName: "CPUUtilization", Dimensions: dims, Statistic: "Average", Period: 60,
      EvaluationPeriods: 2, Threshold: 60, ComparisonOperator: "GreaterThanThreshold", Unit: "Percent", Tags: [{ Key: "team", Value: "shop" }],
    }));
    expect((await sb.aws.cloudwatch.send(new DescribeAlarmsCommand({ StateValue: "INSUFFICIENT_DATA" }))).MetricAlarms?.map((a) => a.AlarmName)).toEqual(["web-cpu-high"]);
    await sb.step(120);
    const [a] = (await sb.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ["web-cpu-high"] }))).MetricAlarms!;
    // The ramp's 40 requests/s keep the two tasks at 82 %.
    expect(a).toMatchObject({ StateValue: "ALARM", AlarmArn: "arn:aws:cloudwatch:us-east-1:000000000000:alarm:web-cpu-high", ActionsEnabled: true, Unit: "Percent" });
    expect(a.StateReason).toMatch(/^Threshold Crossed: 2 datapoints \[82\.0 \(\d\d\/\d\d\/\d\d \d\d:\d\d:00\), 82\.0 \(.+\)\] were greater than the threshold \(60\.0\)\.$/);
    expect(a.StateUpdatedTimestamp).toBeInstanceOf(Date);
    const gone = await rejection(sb.aws.cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ["web-cpu-high", "nope"] })));
    expect(gone.name).toBe("ResourceNotFound");
    expect(gone.$metadata.httpStatusCode).toBe(404);
    await sb.aws.cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ["web-cpu-high"] }));
    expect((await sb.aws.cloudwatch.send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
  });
});
