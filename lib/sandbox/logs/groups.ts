import { z } from "zod";
import { peek } from "../core/draft";
import { addLogGroup, findLogGroup, logGroupArn, streamKey, streamsOf } from "../core/log-store";
import type { Ctx, LogGroup, World } from "../core/types";
import { invalidParameter, logsError, noSuchLogGroup } from "./errors";
import { DescribeLimit, LogGroupIdentifier, LogGroupName, NextToken, describePage, parseInput } from "./input";

// Log groups: CreateLogGroup, DescribeLogGroups, DeleteLogGroup.
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html

/** Log groups per account per Region (the quotas page: 1,000,000). */
const MAX_LOG_GROUPS = 1_000_000;

const CreateSchema = z.object({
  logGroupName: LogGroupName,
  kmsKeyId: z.string().max(256).optional(),
  tags: z.record(z.string().min(1).max(128), z.string().max(256)).optional(),
  logGroupClass: z.enum(["STANDARD", "INFREQUENT_ACCESS", "DELIVERY"]).optional(),
});

export function createLogGroup(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(CreateSchema, raw);
  if (input.logGroupName.startsWith("aws/")) throw invalidParameter("Log group names can't start with the string aws/");
  if (findLogGroup(world, input.logGroupName)) throw logsError("ResourceAlreadyExistsException", "The specified log group already exists");
  if (Object.keys(peek(world).logGroups).length >= MAX_LOG_GROUPS) throw logsError("LimitExceededException", "Resource limit exceeded.");
  addLogGroup(world, input.logGroupName, ctx.now, Object.entries(input.tags ?? {}).map(([key, value]) => ({ key, value })));
  return {};
}

const storedBytes = (world: World, g: LogGroup) => streamsOf(world, g.name).reduce((n, s) => n + s.events.reduce((m, e) => m + e.m.length + 26, 0), 0);

function groupOut(world: World, g: LogGroup) {
  const bare = logGroupArn(world, g.name);
  return {
    logGroupName: g.name, creationTime: g.createdAt, ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
    metricFilterCount: 0, arn: `${bare}:*`, storedBytes: storedBytes(world, g), logGroupClass: "STANDARD", logGroupArn: bare,
  };
}

const DescribeSchema = z.object({
  accountIdentifiers: z.array(z.string()).max(20).optional(),
  logGroupNamePrefix: LogGroupName.optional(),
  logGroupNamePattern: z.string().max(512).regex(/^[.\-_/#A-Za-z0-9]*$/, "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]*").optional(),
  nextToken: NextToken.optional(),
  limit: DescribeLimit.optional(),
  includeLinkedAccounts: z.boolean().optional(),
  logGroupClass: z.enum(["STANDARD", "INFREQUENT_ACCESS", "DELIVERY"]).optional(),
  logGroupIdentifiers: z.array(LogGroupIdentifier).min(1).max(50).optional(),
});

/** Groups in the ASCII order of their names, as CloudWatch Logs lists them. */
export function describeLogGroups(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
    throw invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
  }
  const pattern = input.logGroupNamePattern?.toLowerCase();
  const wanted = input.logGroupIdentifiers?.map((id) => id.replace(/:\*$/, "").replace(/^arn:[^:]+:logs:[^:]+:\d{12}:log-group:/, ""));
  const all = Object.values(peek(world).logGroups)
    .filter((g) => input.logGroupNamePrefix === undefined || g.name.startsWith(input.logGroupNamePrefix))
    .filter((g) => pattern === undefined || g.name.toLowerCase().includes(pattern))
    .filter(() => input.logGroupClass === undefined || input.logGroupClass === "STANDARD")
    .filter((g) => wanted === undefined || wanted.includes(g.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { page, nextToken } = describePage(all, input.nextToken, input.limit);
  return { logGroups: page.map((g) => groupOut(world, g)), ...(nextToken ? { nextToken } : {}) };
}

export function deleteLogGroup(world: World, raw: unknown) {
  const input = parseInput(z.object({ logGroupName: LogGroupName }), raw);
  if (!findLogGroup(world, input.logGroupName)) throw noSuchLogGroup();
  for (const s of streamsOf(world, input.logGroupName)) delete world.logStreams[streamKey(s.group, s.name)];
  delete world.logGroups[input.logGroupName];
  return {};
}
