import { z } from "zod";
import { constraintOf, parseOr } from "../core/input";
import { decodeOffset } from "../core/paging";
import { cloudWatchError, invalidValue } from "./errors";

// CloudWatch's inputs (awsJson1_0: the SDK's PascalCase member names; timestamps epoch seconds),
// parsed with zod. A missing required member answers MissingParameter ("The parameter MetricName
// is required."), another malformed one InvalidParameterValue in AWS's validation wording.
// Constraints from the API reference's data types.

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseOr(schema, input, (issue) => {
    const at = issue.path.map(String).join(".") || "input";
    if (issue.code === "invalid_type" && issue.input === undefined) return cloudWatchError("MissingRequiredParameterException", `The parameter ${at} is required.`);
    const value = issue.input === undefined ? "null" : `'${typeof issue.input === "object" ? JSON.stringify(issue.input) : String(issue.input)}'`;
    return invalidValue(`1 validation error detected: Value ${value} at '${at}' failed to satisfy constraint: ${constraintOf(issue)}`);
  });
}

export const Namespace = z.string().min(1).max(255).regex(/^[^:].*$/, "Member must satisfy regular expression pattern: [^:].*");
export const MetricName = z.string().min(1).max(255);
export const Dimension = z.object({ Name: z.string().min(1).max(255), Value: z.string().min(1).max(1024) });
/** A metric's dimensions: at most 30 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Metric.html). */
export const Dimensions = z.array(Dimension).max(30);
export const Metric = z.object({ Namespace: Namespace.optional(), MetricName: MetricName.optional(), Dimensions: Dimensions.optional() });
/** Epoch seconds, as awsJson carries timestamps. */
export const Timestamp = z.number();
export const StandardUnit = z.enum([
  "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits",
  "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second",
  "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
]);
export const Stat = z.string().min(1);
/** 1, 5, 10, 20, 30 or any multiple of 60 seconds. */
export const Period = z.number().int().min(1);

export function checkPeriod(period: number, what = "Period") {
  if (![1, 5, 10, 20, 30].includes(period) && period % 60 !== 0) {
    throw invalidValue(`The parameter ${what} must be 1, 5, 10, 20, 30, or a multiple of 60.`);
  }
}

export const toDims = (dims: z.infer<typeof Dimensions> | undefined) => (dims ?? []).map((d) => ({ name: d.Name, value: d.Value }));
export const dimsOut = (dims: readonly { name: string; value: string }[]) => dims.map((d) => ({ Name: d.name, Value: d.value }));

/** The offset of a NextToken this sandbox handed out, else InvalidNextToken. */
export function tokenOffset(token: string | undefined): number {
  if (token === undefined) return 0;
  const at = decodeOffset(token);
  if (at === undefined) throw cloudWatchError("InvalidNextToken", "The service returned an invalid token.");
  return at;
}
