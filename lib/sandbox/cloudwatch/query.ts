import { runCall, type Call, type EngineResult } from "../core/engine";
import { AwsError } from "../core/errors";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { invalidAction, type QueryService, type QueryValue } from "../protocols/query";
import { QUERY_ERROR_CODES } from "./errors";
import { CLOUDWATCH_HANDLERS } from "./handlers";

// CloudWatch over awsQuery, as it was spoken before awsJson1_0 and as older SDKs and CLIs still
// speak it: `Action=GetMetricData&Version=2010-08-01&…` form-encoded, answered in XML
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/making-api-requests.html).
// The same handlers answer it: this adapter reads the form's text into the JSON shapes they take
// (numbers, booleans, ISO 8601 timestamps as epoch seconds, `Names=` as an empty list) and writes
// their answers back (epoch seconds as ISO 8601); errors carry their awsQuery codes
// (InvalidParameterValue, ResourceNotFound, …), the codes `x-amzn-query-error` names on the JSON side.

/** Members whose text is a timestamp, a number, a boolean, or a list (by member name: CloudWatch uses each name for one kind). */
const TIMESTAMPS = new Set(["StartTime", "EndTime", "Timestamp"]);
const NUMBERS = new Set([
  "Period", "MaxDatapoints", "EvaluationPeriods", "DatapointsToAlarm", "Threshold", "MaxRecords",
  "Value", "SampleCount", "Sum", "Minimum", "Maximum", "StorageResolution", "Values", "Counts",
]);
const BOOLEANS = new Set(["ReturnData", "ActionsEnabled", "IncludeLinkedAccounts", "StrictEntityValidation"]);
const LISTS = new Set([
  "MetricDataQueries", "Dimensions", "AlarmNames", "AlarmTypes", "OKActions", "AlarmActions", "InsufficientDataActions",
  "MetricData", "Tags", "Statistics", "ExtendedStatistics", "Values", "Counts", "Metrics",
]);
const OUT_TIMESTAMPS = new Set(["Timestamps", "Timestamp", "AlarmConfigurationUpdatedTimestamp", "StateUpdatedTimestamp", "StateTransitionedTimestamp"]);

function scalar(name: string, text: string): unknown {
  if (TIMESTAMPS.has(name)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? text : ms / 1000;
  }
  if (NUMBERS.has(name)) return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
  if (BOOLEANS.has(name)) return text === "true" ? true : text === "false" ? false : text;
  return text;
}

/** The form's values in the JSON input's types; `name` is the member the value is of. */
function jsonInput(value: QueryValue, name = ""): unknown {
  if (typeof value === "string") return value === "" && LISTS.has(name) ? [] : scalar(name, value);
  if (Array.isArray(value)) return value.map((v) => jsonInput(v, name));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonInput(v, k)]));
}

const iso = (seconds: unknown) => (typeof seconds === "number" ? new Date(seconds * 1000).toISOString() : seconds);

/** An answer in the query protocol's types: epoch seconds as ISO 8601. */
function queryOutput(value: unknown, name = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => queryOutput(v, name));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, queryOutput(v, k)]));
  return OUT_TIMESTAMPS.has(name) ? iso(value) : value;
}

const queryCode = (e: AwsError) =>
  new AwsError((QUERY_ERROR_CODES as Readonly<Record<string, string>>)[e.type] ?? e.type, e.message, e.status);

function handleQueryOperation(state: SandboxState, call: Call): EngineResult {
  const result = runCall(CLOUDWATCH_HANDLERS, ECS_DYNAMICS, state, { ...call, input: jsonInput(call.input as QueryValue) }, invalidAction);
  if (result.error) return { ...result, error: queryCode(result.error) };
  return { ...result, output: queryOutput(result.output) };
}

/** CloudWatch's awsQuery face: signing name `monitoring`, like its awsJson1_0 face (../http.ts tells them apart). */
export const CLOUDWATCH_QUERY_API: QueryService = {
  signingName: "monitoring",
  version: "2010-08-01",
  xmlNamespace: "http://monitoring.amazonaws.com/doc/2010-08-01/",
  dialect: "awsQuery",
  clientErrorType: "InvalidParameterValue",
  engine: handleQueryOperation,
  // Operations without an output answer only their ResponseMetadata.
  resultless: ["PutMetricAlarm", "DeleteAlarms", "SetAlarmState", "PutMetricData"],
};
