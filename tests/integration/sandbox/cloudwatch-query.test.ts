import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { startSandbox } from "./server";

// CloudWatch over awsQuery, as older SDKs and CLIs send it: a form-encoded POST
// (Action=…&Version=2010-08-01), signed with SigV4 for `monitoring`, answered in XML by the same
// engine that answers awsJson1_0 (which the real CloudWatchClient still speaks at the same endpoint).

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox(); });
afterAll(async () => { await sb.close(); });

const T0 = 1_700_000_000_000; // the tests' frozen clock
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "member" });

async function query(action: string, params: Record<string, string>) {
  const body = new URLSearchParams({ Action: action, Version: "2010-08-01", ...params }).toString();
  const res = await sb.signedFetch("/sandbox/aws", { service: "monitoring", body, headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } });
  expect(res.headers.get("content-type")).toBe("text/xml");
  return { status: res.status, xml: parser.parse(await res.text()) };
}

const metric = { Namespace: "Shop", MetricName: "Orders", "Dimensions.member.1.Name": "Store", "Dimensions.member.1.Value": "north" };
const prefixed = (prefix: string, o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}${k}`, v]));

describe("CloudWatch over awsQuery", () => {
  it("puts and gets metric data in XML, the same data the JSON protocol answers", async () => {
    const put = await query("PutMetricData", {
      Namespace: "Shop",
      ...prefixed("MetricData.member.1.", { MetricName: "Orders", "Dimensions.member.1.Name": "Store", "Dimensions.member.1.Value": "north", Value: "3", Unit: "Count", Timestamp: new Date(T0 - 120_000).toISOString() }),
      ...prefixed("MetricData.member.2.", { MetricName: "Orders", "Dimensions.member.1.Name": "Store", "Dimensions.member.1.Value": "north", Value: "5", Unit: "Count", Timestamp: new Date(T0 - 60_000).toISOString() }),
    });
    expect(put.status).toBe(200);
    // No output: only the request id.
    expect(Object.keys(put.xml.PutMetricDataResponse)).toEqual(["ResponseMetadata", "@_xmlns"]);
    expect(put.xml.PutMetricDataResponse["@_xmlns"]).toBe("http://monitoring.amazonaws.com/doc/2010-08-01/");

    const get = await query("GetMetricData", {
      StartTime: new Date(T0 - 600_000).toISOString(), EndTime: new Date(T0).toISOString(), ScanBy: "TimestampAscending",
      ...prefixed("MetricDataQueries.member.1.", { Id: "orders", ReturnData: "true", "MetricStat.Period": "60", "MetricStat.Stat": "Sum", ...prefixed("MetricStat.Metric.", metric) }),
    });
    expect(get.status).toBe(200);
    const [result] = get.xml.GetMetricDataResponse.GetMetricDataResult.MetricDataResults.member;
    expect(result).toMatchObject({ Id: "orders", Label: "Orders", StatusCode: "Complete" });
    expect(result.Values.member).toEqual([3, 5]);
    // One-minute periods: each datapoint in the minute it fell in.
    const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
    expect(result.Timestamps.member).toEqual([minute(T0 - 120_000), minute(T0 - 60_000)]);
    expect(get.xml.GetMetricDataResponse.ResponseMetadata.RequestId).toMatch(/^[0-9a-f-]{36}$/);

    const json = await sb.aws.cloudwatch.send(new GetMetricDataCommand({
      StartTime: new Date(T0 - 600_000), EndTime: new Date(T0), ScanBy: "TimestampAscending",
      MetricDataQueries: [{ Id: "orders", MetricStat: { Metric: { Namespace: "Shop", MetricName: "Orders", Dimensions: [{ Name: "Store", Value: "north" }] }, Period: 60, Stat: "Sum" } }],
    }));
    expect(json.MetricDataResults?.[0].Values).toEqual([3, 5]);

    const list = await query("ListMetrics", { Namespace: "Shop" });
    expect(list.xml.ListMetricsResponse.ListMetricsResult.Metrics.member).toEqual([
      { Namespace: "Shop", MetricName: "Orders", Dimensions: { member: [{ Name: "Store", Value: "north" }] } },
    ]);
  });

  it("puts, describes and deletes alarms; errors answer in ErrorResponse with their awsQuery codes", async () => {
    const put = await query("PutMetricAlarm", {
      AlarmName: "orders-high", ...metric, Statistic: "Sum", Period: "60", EvaluationPeriods: "3", DatapointsToAlarm: "2", Threshold: "10.5",
      ComparisonOperator: "GreaterThanThreshold", ActionsEnabled: "false", TreatMissingData: "notBreaching",
    });
    expect(put.status).toBe(200);
    expect(put.xml.PutMetricAlarmResponse.PutMetricAlarmResult).toBeUndefined();
    const described = await query("DescribeAlarms", { "AlarmNames.member.1": "orders-high" });
    const [alarm] = described.xml.DescribeAlarmsResponse.DescribeAlarmsResult.MetricAlarms.member;
    expect(alarm).toMatchObject({
      AlarmName: "orders-high", AlarmArn: "arn:aws:cloudwatch:us-east-1:000000000000:alarm:orders-high", Threshold: 10.5, EvaluationPeriods: 3,
      DatapointsToAlarm: 2, ActionsEnabled: false, ComparisonOperator: "GreaterThanThreshold", StateValue: "INSUFFICIENT_DATA", TreatMissingData: "notBreaching",
      Dimensions: { member: [{ Name: "Store", Value: "north" }] },
    });
    expect(alarm.StateUpdatedTimestamp).toBe(new Date(T0).toISOString());

    const bad = await query("PutMetricAlarm", { AlarmName: "x", ...metric, Statistic: "Sum", Period: "7", EvaluationPeriods: "1", Threshold: "1", ComparisonOperator: "GreaterThanThreshold" });
    expect(bad.status).toBe(400);
    expect(bad.xml.ErrorResponse.Error).toEqual({ Type: "Sender", Code: "InvalidParameterValue", Message: "The parameter Period must be 1, 5, 10, 20, 30, or a multiple of 60." });
    const missing = await query("DeleteAlarms", { "AlarmNames.member.1": "orders-high", "AlarmNames.member.2": "nope" });
    expect(missing.status).toBe(404);
    expect(missing.xml.ErrorResponse.Error).toMatchObject({ Code: "ResourceNotFound", Message: "Alarm not found: nope" });
    expect((await query("DeleteAlarms", { "AlarmNames.member.1": "orders-high" })).status).toBe(200);
    expect((await query("DescribeAlarms", {})).xml.DescribeAlarmsResponse.DescribeAlarmsResult.MetricAlarms).toBe("");
    const unknown = await query("PutDashboard", {});
    expect(unknown.xml.ErrorResponse.Error.Code).toBe("InvalidAction");
  });
});
