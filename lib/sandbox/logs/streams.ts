import { z } from "zod";
import { addLogStream, findLogStream, logStreamArn, streamsOf } from "../core/log-store";
import type { Ctx, LogStream, World } from "../core/types";
import { invalidParameter, logsError } from "./errors";
import { DescribeLimit, GroupRef, LogGroupName, LogStreamName, NextToken, describePage, groupOf, parseInput } from "./input";

// Log streams: CreateLogStream, DescribeLogStreams.
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogStreams.html

export function createLogStream(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(z.object({ logGroupName: LogGroupName, logStreamName: LogStreamName }), raw);
  const group = groupOf(world, { logGroupName: input.logGroupName });
  if (findLogStream(world, group.name, input.logStreamName)) throw logsError("ResourceAlreadyExistsException", "The specified log stream already exists");
  addLogStream(world, group.name, input.logStreamName, ctx.now);
  return {};
}

function streamOut(world: World, s: LogStream) {
  const first = s.events[0];
  const last = s.events[s.events.length - 1];
  return {
    logStreamName: s.name, creationTime: s.createdAt,
    ...(first ? { firstEventTimestamp: first.t, lastEventTimestamp: last.t } : {}),
    ...(s.lastIngestionTime !== undefined ? { lastIngestionTime: s.lastIngestionTime } : {}),
    uploadSequenceToken: String(s.dropped + s.events.length).padStart(56, "4"),
    arn: logStreamArn(world, s.group, s.name), storedBytes: 0,
  };
}

const DescribeSchema = z.object({
  ...GroupRef,
  logStreamNamePrefix: LogStreamName.optional(),
  orderBy: z.enum(["LogStreamName", "LastEventTime"]).optional(),
  descending: z.boolean().optional(),
  nextToken: NextToken.optional(),
  limit: DescribeLimit.optional(),
});

const lastEventTime = (s: LogStream) => s.events.length ? s.events[s.events.length - 1].t : 0;

export function describeLogStreams(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  if (input.orderBy === "LastEventTime" && input.logStreamNamePrefix !== undefined) {
    throw invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
  }
  const group = groupOf(world, input);
  const byName = (a: LogStream, b: LogStream) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const all = streamsOf(world, group.name)
    .filter((s) => input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix))
    .sort(input.orderBy === "LastEventTime" ? (a, b) => lastEventTime(a) - lastEventTime(b) || byName(a, b) : byName);
  if (input.descending) all.reverse();
  const { page, nextToken } = describePage(all, input.nextToken, input.limit);
  return { logStreams: page.map((s) => streamOut(world, s)), ...(nextToken ? { nextToken } : {}) };
}
