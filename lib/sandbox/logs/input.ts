import { z } from "zod";
import { constraintOf, parseOr } from "../core/input";
import { findLogGroup } from "../core/log-store";
import { decodeOffset, pageFrom } from "../core/paging";
import type { LogGroup, World } from "../core/types";
import { invalidParameter, noSuchLogGroup } from "./errors";

// CloudWatch Logs' inputs (awsJson1_1: the SDK's member names), parsed with zod. A malformed
// member answers InvalidParameterException in the words of AWS's validation messages
// ("1 validation error detected: Value '' at 'logGroupName' failed to satisfy constraint: …").
// Constraints from the API reference's request parameters.

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseOr(schema, input, (issue) => {
    const value = issue.input === undefined ? "null" : `'${typeof issue.input === "object" ? JSON.stringify(issue.input) : String(issue.input)}'`;
    return invalidParameter(`1 validation error detected: Value ${value} at '${issue.path.join(".") || "input"}' failed to satisfy constraint: ${constraintOf(issue)}`);
  });
}

/** Log group names: 1–512 of [\.\-_/#A-Za-z0-9]. */
export const LogGroupName = z.string().min(1).max(512).regex(/^[.\-_/#A-Za-z0-9]+$/, "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
/** Log stream names: 1–512 characters, no colon or asterisk. */
export const LogStreamName = z.string().min(1).max(512).regex(/^[^:*]*$/, "Member must satisfy regular expression pattern: [^:*]*");
/** A log group's name or ARN (with or without the trailing `:*`). */
export const LogGroupIdentifier = z.string().min(1).max(2048).regex(/^[\w#+=/:,.@-]*$/, "Member must satisfy regular expression pattern: [\\w#+=/:,.@-]*");
export const Timestamp = z.number().int().min(0);
export const NextToken = z.string().min(1);

export const GroupRef = { logGroupName: LogGroupName.optional(), logGroupIdentifier: LogGroupIdentifier.optional() };

/**
 * The group a call names by `logGroupName` or `logGroupIdentifier` (one of the two, never both),
 * which must exist in this Region and account.
 */
export function groupOf(world: World, input: { logGroupName?: string; logGroupIdentifier?: string }): LogGroup {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  }
  const ref = input.logGroupName ?? input.logGroupIdentifier;
  if (ref === undefined) throw invalidParameter("Either the log group name or the log group ARN must be specified.");
  let name = ref;
  if (ref.startsWith("arn:")) {
    const m = /^arn:aws[\w-]*:logs:([\w-]+):(\d{12}):log-group:([^:]+)(?::\*)?$/.exec(ref);
    if (!m) throw invalidParameter(`Invalid log group ARN: ${ref}`);
    if (m[1] !== world.region || m[2] !== world.account) throw noSuchLogGroup();
    name = m[3];
  }
  const group = findLogGroup(world, name);
  if (!group) throw noSuchLogGroup();
  return group;
}

/** A page of a Describe… call: `limit` 1–50 (default 50), an opaque nextToken. */
export function describePage<T>(items: T[], nextToken: string | undefined, limit: number | undefined) {
  let start = 0;
  if (nextToken !== undefined) {
    const at = decodeOffset(nextToken);
    if (at === undefined) throw invalidParameter("The specified nextToken is invalid.");
    start = at;
  }
  const { page, next } = pageFrom(items, start, limit ?? 50);
  return { page, nextToken: next };
}

export const DescribeLimit = z.number().int().min(1).max(50);
export const EventsLimit = z.number().int().min(1).max(10_000);
