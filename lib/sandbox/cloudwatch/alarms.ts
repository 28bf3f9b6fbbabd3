import { z } from "zod";
import { findAlarm, putAlarm } from "../core/alarms";
import { peek } from "../core/draft";
import { encodeOffset } from "../core/paging";
import type { Ctx, MetricAlarm, World } from "../core/types";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { cloudWatchError, invalidCombination, invalidValue } from "./errors";
import { Dimensions, MetricName, Namespace, Period, StandardUnit, checkPeriod, dimsOut, parseInput, toDims, tokenOffset } from "./input";

// Metric alarms: PutMetricAlarm, DescribeAlarms, DeleteAlarms, SetAlarmState
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html …).
// The alarms themselves and their evaluation every simulated minute are core/alarms.ts; an alarm
// whose AlarmActions name an Application Auto Scaling policy drives it (ecs/auto-scaling.ts).
// Metric math alarms (Metrics), percentiles (ExtendedStatistic) and anomaly detection are not
// served. Limits from the API reference: 5 actions of each kind, 100 names per DescribeAlarms
// or DeleteAlarms, MaxRecords 1–100.

const Actions = z.array(z.string().min(1).max(1024)).max(5);
const Operator = z.enum([
  "GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold",
  "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold",
]);
const AlarmName = z.string().min(1).max(255);
const Tag = z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256) });

const PutSchema = z.object({
  AlarmName, AlarmDescription: z.string().max(1024).optional(), ActionsEnabled: z.boolean().optional(),
  OKActions: Actions.optional(), AlarmActions: Actions.optional(), InsufficientDataActions: Actions.optional(),
  MetricName: MetricName.optional(), Namespace: Namespace.optional(),
  Statistic: z.enum(["SampleCount", "Average", "Sum", "Minimum", "Maximum"]).optional(), ExtendedStatistic: z.string().optional(),
  Dimensions: Dimensions.optional(), Period: Period.optional(), Unit: StandardUnit.optional(),
  EvaluationPeriods: z.number().int().min(1), DatapointsToAlarm: z.number().int().min(1).optional(),
  Threshold: z.number().optional(), ComparisonOperator: Operator,
  TreatMissingData: z.string().min(1).max(255).optional(), EvaluateLowSampleCountPercentile: z.string().optional(),
  Metrics: z.array(z.unknown()).optional(), Tags: z.array(Tag).max(50).optional(), ThresholdMetricId: z.string().optional(),
});

const TREATMENTS = ["breaching", "notBreaching", "ignore", "missing"] as const;
const isTreatment = (t: string): t is (typeof TREATMENTS)[number] => (TREATMENTS as readonly string[]).includes(t);
const SIMPLE_OPERATORS = ["GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"] as const;
const isSimple = (op: string): op is MetricAlarm["comparisonOperator"] => (SIMPLE_OPERATORS as readonly string[]).includes(op);

function checkActions(list: string[] | undefined, at: string) {
  for (const a of list ?? []) if (!/^arn:aws[\w-]*:[\w-]+:/.test(a)) throw invalidValue(`Invalid arn syntax: ${a} (${at})`);
}

export function putMetricAlarm(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(PutSchema, raw);
  if (input.Metrics || input.ThresholdMetricId) throw invalidValue("The sandbox serves alarms on a single metric; metric math alarms (Metrics) and ThresholdMetricId are not supported.");
  if (input.ExtendedStatistic !== undefined) throw invalidValue(`The sandbox keeps statistic sets: the statistic ${input.ExtendedStatistic} for parameter ExtendedStatistic is not supported.`);
  if (!input.Statistic) throw cloudWatchError("MissingRequiredParameterException", "The parameter Statistic or ExtendedStatistic is required.");
  if (!input.MetricName) throw cloudWatchError("MissingRequiredParameterException", "The parameter MetricName is required.");
  if (!input.Namespace) throw cloudWatchError("MissingRequiredParameterException", "The parameter Namespace is required.");
  if (input.Period === undefined) throw cloudWatchError("MissingRequiredParameterException", "The parameter Period is required.");
  if (input.Threshold === undefined) throw cloudWatchError("MissingRequiredParameterException", "The parameter Threshold is required.");
  if (!isSimple(input.ComparisonOperator)) throw invalidValue(`The comparison operator ${input.ComparisonOperator} is for anomaly detection alarms, which the sandbox does not serve.`);
  checkPeriod(input.Period);
  if (input.Period < 10) throw invalidValue("The parameter Period must be 10, 20, 30, or a multiple of 60 for an alarm.");
  // "An alarm's total current evaluation period can be no longer than seven days … for alarms with
  // a period of less than one hour, … one day" (PutMetricAlarm, EvaluationPeriods).
  const limit = input.Period < 3600 ? 86_400 : 604_800;
  if (input.Period * input.EvaluationPeriods > limit) {
    throw invalidValue(`The product of Period and EvaluationPeriods (${input.Period * input.EvaluationPeriods} seconds) must not exceed ${limit} seconds.`);
  }
  if (input.DatapointsToAlarm !== undefined && input.DatapointsToAlarm > input.EvaluationPeriods) {
    throw invalidCombination("DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
  }
  const treat = input.TreatMissingData;
  if (treat !== undefined && !isTreatment(treat)) throw invalidValue(`The value ${treat} for parameter TreatMissingData is invalid: it must be breaching, notBreaching, ignore or missing.`);
  checkActions(input.OKActions, "OKActions");
  checkActions(input.AlarmActions, "AlarmActions");
  checkActions(input.InsufficientDataActions, "InsufficientDataActions");
  putAlarm(world, {
    name: input.AlarmName, ...(input.AlarmDescription !== undefined ? { description: input.AlarmDescription } : {}),
    actionsEnabled: input.ActionsEnabled ?? true, okActions: input.OKActions ?? [], alarmActions: input.AlarmActions ?? [],
    insufficientDataActions: input.InsufficientDataActions ?? [], namespace: input.Namespace, metricName: input.MetricName,
    dimensions: toDims(input.Dimensions), statistic: input.Statistic, ...(input.Unit ? { unit: input.Unit } : {}), period: input.Period,
    evaluationPeriods: input.EvaluationPeriods, ...(input.DatapointsToAlarm !== undefined ? { datapointsToAlarm: input.DatapointsToAlarm } : {}),
    threshold: input.Threshold, comparisonOperator: input.ComparisonOperator, ...(treat !== undefined ? { treatMissingData: treat } : {}),
    ...(input.Tags ? { tags: input.Tags.map((t) => ({ key: t.Key, value: t.Value })) } : {}),
  }, ctx.now);
  return {};
}

/** A metric alarm as DescribeAlarms writes it. */
const alarmOut = (a: MetricAlarm) => compact({
  AlarmName: a.name, AlarmArn: a.arn, AlarmDescription: a.description, AlarmConfigurationUpdatedTimestamp: epochSeconds(a.configurationUpdatedAt),
  ActionsEnabled: a.actionsEnabled, OKActions: a.okActions, AlarmActions: a.alarmActions, InsufficientDataActions: a.insufficientDataActions,
  StateValue: a.state, StateReason: a.stateReason, StateReasonData: a.stateReasonData, StateUpdatedTimestamp: epochSeconds(a.stateUpdatedAt),
  MetricName: a.metricName, Namespace: a.namespace, Statistic: a.statistic, Dimensions: dimsOut(a.dimensions), Period: a.period, Unit: a.unit,
  EvaluationPeriods: a.evaluationPeriods, DatapointsToAlarm: a.datapointsToAlarm, Threshold: a.threshold, ComparisonOperator: a.comparisonOperator,
  TreatMissingData: a.treatMissingData, StateTransitionedTimestamp: epochSeconds(a.stateTransitionedAt),
});

const DescribeSchema = z.object({
  AlarmNames: z.array(AlarmName).max(100).optional(), AlarmNamePrefix: AlarmName.optional(),
  AlarmTypes: z.array(z.enum(["CompositeAlarm", "MetricAlarm"])).optional(),
  ChildrenOfAlarmName: AlarmName.optional(), ParentsOfAlarmName: AlarmName.optional(),
  StateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]).optional(), ActionPrefix: z.string().min(1).max(1024).optional(),
  MaxRecords: z.number().int().min(1).max(100).optional(), NextToken: z.string().optional(),
});

/** Alarms in the order of their names, as CloudWatch lists them. */
export function describeAlarms(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  if (input.AlarmNames?.length && input.AlarmNamePrefix !== undefined) {
    throw invalidCombination("The parameters AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.");
  }
  const metric = !input.AlarmTypes?.length || input.AlarmTypes.includes("MetricAlarm");
  const all = !metric || input.ChildrenOfAlarmName !== undefined || input.ParentsOfAlarmName !== undefined ? [] : Object.values(peek(world).alarms)
    .filter((a) => !input.AlarmNames?.length || input.AlarmNames.includes(a.name))
    .filter((a) => input.AlarmNamePrefix === undefined || a.name.startsWith(input.AlarmNamePrefix))
    .filter((a) => input.StateValue === undefined || a.state === input.StateValue)
    .filter((a) => input.ActionPrefix === undefined || [...a.okActions, ...a.alarmActions, ...a.insufficientDataActions].some((x) => x.startsWith(input.ActionPrefix ?? "")))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const size = input.MaxRecords ?? 50;
  const from = tokenOffset(input.NextToken);
  return {
    MetricAlarms: all.slice(from, from + size).map(alarmOut),
    ...(input.AlarmTypes?.includes("CompositeAlarm") ? { CompositeAlarms: [] } : {}),
    ...(from + size < all.length ? { NextToken: encodeOffset(from + size) } : {}),
  };
}

const notFound = (names: string[]) => cloudWatchError("ResourceNotFound", `${names.length === 1 ? "Alarm" : "Alarms"} not found: ${names.join(", ")}`);

/** Deletes all the alarms named, or (one of them missing) none. */
export function deleteAlarms(world: World, raw: unknown) {
  const input = parseInput(z.object({ AlarmNames: z.array(AlarmName).max(100) }), raw);
  const missing = input.AlarmNames.filter((n) => !findAlarm(world, n));
  if (missing.length) throw notFound(missing);
  for (const n of input.AlarmNames) delete world.alarms[n];
  return {};
}

const SetStateSchema = z.object({
  AlarmName, StateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]), StateReason: z.string().max(1023), StateReasonData: z.string().max(4000).optional(),
});

/** Sets an alarm's state until its next evaluation (a minute at most) says otherwise; actions follow as for any change. */
export function setAlarmState(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(SetStateSchema, raw);
  if (!findAlarm(world, input.AlarmName)) throw notFound([input.AlarmName]);
  if (input.StateReasonData !== undefined) {
    try {
      JSON.parse(input.StateReasonData);
    } catch {
      throw cloudWatchError("InvalidFormatFault", "StateReasonData is not valid JSON.");
    }
  }
  const a = world.alarms[input.AlarmName];
  if (a.state !== input.StateValue) a.stateTransitionedAt = ctx.now;
  Object.assign(a, { state: input.StateValue, stateReason: input.StateReason, stateUpdatedAt: ctx.now });
  if (input.StateReasonData !== undefined) a.stateReasonData = input.StateReasonData;
  return {};
}
