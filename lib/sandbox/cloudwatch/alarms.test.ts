import { describe, expect, it } from "vitest";
import { METRIC_WINDOW_MS } from "../core/metric-store";
import { failureOf, steppedSandbox } from "../testing";

// Alarm evaluation every simulated minute (core/alarms.ts) through CloudWatch's API on the pure
// engine: M out of N, the four TreatMissingData choices, and the state reasons' wording.

type Sandbox = ReturnType<typeof steppedSandbox>;
const put = (sb: Sandbox, value: number) => sb.cloudwatch("PutMetricData", { Namespace: "App", MetricData: [{ MetricName: "Errors", Value: value }] });
const alarm = (sb: Sandbox, extra: object = {}) => sb.cloudwatch("PutMetricAlarm", {
  AlarmName: "errors", Namespace: "App", MetricName: "Errors", Statistic: "Sum", Period: 60, EvaluationPeriods: 3, Threshold: 10,
  ComparisonOperator: "GreaterThanThreshold", ...extra,
});
const state = (sb: Sandbox) => sb.cloudwatch("DescribeAlarms", { AlarmNames: ["errors"] }).MetricAlarms[0];
/** Puts one value in each of the next minutes (none for undefined), stepping a minute after each. */
function minutes(sb: Sandbox, values: (number | undefined)[]) {
  for (const v of values) {
    if (v !== undefined) put(sb, v);
    sb.step(60);
  }
}

describe("alarm evaluation", () => {
  it("starts unchecked, then ALARM when every period of the range breaches", () => {
    const sb = steppedSandbox();
    sb.step(40); // to a minute boundary: the frozen clock starts at :20
    alarm(sb);
    expect(state(sb)).toMatchObject({ StateValue: "INSUFFICIENT_DATA", StateReason: "Unchecked: Initial alarm creation" });
    minutes(sb, [12, 15]);
    expect(state(sb).StateValue).toBe("OK");
    // The reason is the transition's: the first evaluation with data.
    expect(state(sb).StateReason).toBe("Threshold Crossed: 1 datapoint [12.0 (14/11/23 22:14:00)] was not greater than the threshold (10.0).");
    minutes(sb, [20.5]);
    const s = state(sb);
    expect(s.StateValue).toBe("ALARM");
    expect(s.StateReason).toBe("Threshold Crossed: 3 datapoints [20.5 (14/11/23 22:16:00), 15.0 (14/11/23 22:15:00), 12.0 (14/11/23 22:14:00)] were greater than the threshold (10.0).");
    expect(JSON.parse(s.StateReasonData)).toMatchObject({ version: "1.0", statistic: "Sum", period: 60, threshold: 10, recentDatapoints: [12, 15, 20.5] });
    expect(s.StateTransitionedTimestamp).toBe(s.StateUpdatedTimestamp);
  });

  it("M out of N: DatapointsToAlarm of the EvaluationPeriods", () => {
    const sb = steppedSandbox();
    sb.step(40);
    alarm(sb, { EvaluationPeriods: 4, DatapointsToAlarm: 2 });
    minutes(sb, [50, 1, 1, 30]);
    expect(state(sb).StateReason).toMatch(/^Threshold Crossed: 2 out of the last 4 datapoints \[30\.0 \(.+\), 50\.0 \(.+\)\] were greater than the threshold \(10\.0\) \(minimum 2 datapoints for OK -> ALARM transition\)\.$/);
  });

  it("treats missing data as it is told", () => {
    const run = (treat: string | undefined) => {
      const sb = steppedSandbox();
      sb.step(40);
      alarm(sb, treat ? { TreatMissingData: treat } : {});
      minutes(sb, [3, 3, 3]);
      const settled = state(sb).StateValue;
      minutes(sb, [undefined, undefined, undefined]);
      return [settled, state(sb).StateValue, state(sb).StateReason];
    };
    expect(run(undefined)).toEqual(["OK", "INSUFFICIENT_DATA", "Insufficient Data: 3 datapoints were unknown."]);
    expect(run("missing")[1]).toBe("INSUFFICIENT_DATA");
    expect(run("ignore").slice(0, 2)).toEqual(["OK", "OK"]);
    expect(run("breaching")).toEqual(["OK", "ALARM", "Threshold Crossed: 0 out of the last 3 datapoints [] were greater than the threshold (10.0) and 3 missing datapoints were treated as [Breaching]."]);
    // Still OK: the reason stays the one of the transition to OK.
    expect(run("notBreaching")).toEqual(["OK", "OK", "Threshold Crossed: 1 datapoint [3.0 (14/11/23 22:14:00)] was not greater than the threshold (10.0)."]);
  });

  it("validates alarms as CloudWatch does, and deletes all or none", () => {
    const sb = steppedSandbox();
    expect(failureOf(() => alarm(sb, { Period: 45 }))).toEqual({ code: "InvalidParameterValueException", message: "The parameter Period must be 1, 5, 10, 20, 30, or a multiple of 60." });
    expect(failureOf(() => alarm(sb, { DatapointsToAlarm: 4 })).code).toBe("InvalidParameterCombinationException");
    expect(failureOf(() => alarm(sb, { Period: 3600, EvaluationPeriods: 200 })).message).toContain("must not exceed 604800 seconds");
    expect(failureOf(() => alarm(sb, { TreatMissingData: "zero" })).code).toBe("InvalidParameterValueException");
    expect(failureOf(() => alarm(sb, { Statistic: undefined })).code).toBe("MissingRequiredParameterException");
    expect(failureOf(() => alarm(sb, { AlarmActions: ["not-an-arn"] })).message).toBe("Invalid arn syntax: not-an-arn (AlarmActions)");
    alarm(sb);
    alarm(sb, { AlarmName: "other" });
    expect(failureOf(() => sb.cloudwatch("DeleteAlarms", { AlarmNames: ["errors", "nope"] }))).toEqual({ code: "ResourceNotFound", message: "Alarm not found: nope" });
    expect(sb.cloudwatch("DescribeAlarms", {}).MetricAlarms.map((a: { AlarmName: string }) => a.AlarmName)).toEqual(["errors", "other"]);
    expect(sb.cloudwatch("DescribeAlarms", { MaxRecords: 1 }).NextToken).toBeDefined();
    expect(failureOf(() => sb.cloudwatch("DescribeAlarms", { AlarmNames: ["errors"], AlarmNamePrefix: "e" })).code).toBe("InvalidParameterCombinationException");
    sb.cloudwatch("DeleteAlarms", { AlarmNames: ["errors", "other"] });
    expect(sb.cloudwatch("DescribeAlarms", {}).MetricAlarms).toEqual([]);
  });
});

describe("metric storage", () => {
  it("keeps a bounded window of one-minute points", () => {
    const sb = steppedSandbox();
    for (let i = 0; i < 3; i++) { put(sb, 1); sb.step(3 * 3600); }
    put(sb, 1);
    const [series] = Object.values(sb.world().metrics);
    expect(series.points.every((p) => p.t >= sb.world().now - METRIC_WINDOW_MS)).toBe(true);
    // Put at 0, 3, 6 and 9 hours: 6 hours back from the last, only the last two are kept.
    expect(series.points).toHaveLength(2);
  });
});
