import { z } from "zod";
import { appendLogEvents, findLogGroup, findLogStream, streamKey, streamsOf } from "../core/log-store";
import type { Ctx, LogEvent, LogStream, World } from "../core/types";
import { invalidParameter, noSuchLogGroup, noSuchLogStream } from "./errors";
import { compileFilterPattern } from "./filter-pattern";
import { EventsLimit, GroupRef, LogGroupName, LogStreamName, NextToken, Timestamp, groupOf, parseInput } from "./input";

// Log events: PutLogEvents, GetLogEvents (one stream, by position, with AWS's `f/…` and `b/…`
// tokens) and FilterLogEvents (a group's streams interleaved by time, with a filter pattern).
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetLogEvents.html
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PutSchema = z.object({
  logGroupName: LogGroupName,
  logStreamName: LogStreamName,
  logEvents: z.array(z.object({ timestamp: Timestamp, message: z.string().min(1) })).min(1).max(10_000),
  sequenceToken: z.string().min(1).optional(),
  entity: z.record(z.string(), z.unknown()).optional(),
});

/**
 * PutLogEvents: the batch must be in chronological order and span at most 24 hours; events more
 * than 2 hours ahead of now, or older than 14 days (or the group's retention), are rejected and
 * reported by index, the rest stored. The sequence token is ignored, as AWS now ignores it.
 */
export function putLogEvents(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(PutSchema, raw);
  const group = findLogGroup(world, input.logGroupName);
  if (!group) throw noSuchLogGroup();
  if (!findLogStream(world, group.name, input.logStreamName)) throw noSuchLogStream();
  const events = input.logEvents;
  for (let i = 1; i < events.length; i++) {
    if (events[i].timestamp < events[i - 1].timestamp) throw invalidParameter("Log events in a single PutLogEvents request must be in chronological order.");
  }
  if (events[events.length - 1].timestamp - events[0].timestamp > DAY) {
    throw invalidParameter("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
  }
  const oldest = ctx.now - 14 * DAY;
  const expired = group.retentionInDays !== undefined ? ctx.now - group.retentionInDays * DAY : -Infinity;
  let tooOldEnd = -1;
  let expiredEnd = -1;
  let tooNewStart = -1;
  const kept = events.filter((e, i) => {
    if (e.timestamp > ctx.now + 2 * HOUR) {
      if (tooNewStart < 0) tooNewStart = i;
      return false;
    }
    if (e.timestamp < expired) {
      expiredEnd = i + 1;
      return false;
    }
    if (e.timestamp < oldest) {
      tooOldEnd = i + 1;
      return false;
    }
    return true;
  });
  appendLogEvents(world, streamKey(group.name, input.logStreamName), kept, ctx.now);
  const rejected = {
    ...(tooNewStart >= 0 ? { tooNewLogEventStartIndex: tooNewStart } : {}),
    ...(tooOldEnd >= 0 ? { tooOldLogEventEndIndex: tooOldEnd } : {}),
    ...(expiredEnd >= 0 ? { expiredLogEventEndIndex: expiredEnd } : {}),
  };
  return Object.keys(rejected).length ? { rejectedLogEventsInfo: rejected } : {};
}

// GetLogEvents' tokens name a position in the stream (the count of events before it, counting
// those dropped from its head), as 56 digits, the way AWS forms them: `f/<digits>/s` forward,
// `b/<digits>/s` backward.
const positionToken = (dir: "f" | "b", at: number) => `${dir}/${String(at).padStart(56, "0")}/s`;

function readPositionToken(token: string): { dir: "f" | "b"; at: number } {
  const m = /^([fb])\/(\d{56})(?:\/s)?$/.exec(token);
  const at = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(at)) throw invalidParameter("The specified nextToken is invalid.");
  return { dir: m[1] as "f" | "b", at };
}

const GetSchema = z.object({
  ...GroupRef,
  logStreamName: LogStreamName,
  startTime: Timestamp.optional(),
  endTime: Timestamp.optional(),
  nextToken: NextToken.optional(),
  limit: EventsLimit.optional(),
  startFromHead: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

/**
 * GetLogEvents: the events of one stream within [startTime, endTime), `limit` of them (10,000 at
 * most): from the head with startFromHead, else the latest. A forward token reads on after the
 * page, a backward one before it; at either end the token given comes back unchanged.
 */
export function getLogEvents(world: World, raw: unknown) {
  const input = parseInput(GetSchema, raw);
  const group = groupOf(world, input);
  const stream = findLogStream(world, group.name, input.logStreamName);
  if (!stream) throw noSuchLogStream();
  const limit = input.limit ?? 10_000;
  const inWindow = (e: LogEvent) => (input.startTime === undefined || e.t >= input.startTime) && (input.endTime === undefined || e.t < input.endTime);
  // Positions of the events in the window, in stream order.
  const positions: number[] = [];
  stream.events.forEach((e, i) => { if (inWindow(e)) positions.push(stream.dropped + i); });
  let from: number;
  let to: number; // positions[from..to) is the page
  const token = input.nextToken !== undefined ? readPositionToken(input.nextToken) : undefined;
  if (token?.dir === "f") {
    from = positions.findIndex((p) => p >= token.at);
    if (from < 0) from = positions.length;
    to = Math.min(positions.length, from + limit);
  } else if (token?.dir === "b") {
    to = positions.findIndex((p) => p >= token.at);
    if (to < 0) to = positions.length;
    from = Math.max(0, to - limit);
  } else if (input.startFromHead) {
    from = 0;
    to = Math.min(positions.length, limit);
  } else {
    to = positions.length;
    from = Math.max(0, to - limit);
  }
  const page = positions.slice(from, to);
  const end = stream.dropped + stream.events.length;
  const startOf = page.length ? page[0] : (positions[from] ?? end);
  const after = page.length ? page[page.length - 1] + 1 : startOf;
  return {
    events: page.map((p) => eventOut(stream.events[p - stream.dropped])),
    nextForwardToken: page.length === 0 && token ? input.nextToken : positionToken("f", after),
    nextBackwardToken: page.length === 0 && token ? input.nextToken : positionToken("b", startOf),
  };
}

const eventOut = (e: LogEvent) => ({ timestamp: e.t, message: e.m, ingestionTime: e.i });

const FilterSchema = z.object({
  ...GroupRef,
  logStreamNames: z.array(LogStreamName).min(1).max(100).optional(),
  logStreamNamePrefix: LogStreamName.optional(),
  startTime: Timestamp.optional(),
  endTime: Timestamp.optional(),
  filterPattern: z.string().max(1024).optional(),
  nextToken: NextToken.optional(),
  limit: EventsLimit.optional(),
  interleaved: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

/** Where an event sorts among a group's events: time, then ingestion, then stream, then place in its stream. */
type Cursor = { t: number; i: number; s: number; p: number };
const before = (a: Cursor, b: Cursor) => a.t - b.t || a.i - b.i || a.s - b.s || a.p - b.p;

function readCursor(token: string): Cursor {
  try {
    const v = JSON.parse(atob(token)) as Cursor;
    if ([v.t, v.i, v.s, v.p].every((n) => Number.isSafeInteger(n))) return v;
  } catch {
    // falls through to the refusal
  }
  throw invalidParameter("The specified nextToken is invalid.");
}

/** A 56-digit event id, as AWS's look: the event's time, its stream's number and its place in the stream. */
const eventId = (c: Cursor) => `${String(c.t).padStart(20, "0")}${String(c.s).padStart(12, "0")}${String(c.p).padStart(24, "0")}`;

/**
 * FilterLogEvents: the group's events in [startTime, endTime] (both inclusive) of the streams
 * named (or starting with a prefix; not both), matching the filter pattern, sorted by time, at
 * most `limit` (10,000) a page; nextToken reads on after the last one returned.
 */
export function filterLogEvents(world: World, raw: unknown) {
  const input = parseInput(FilterSchema, raw);
  if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
    throw invalidParameter("Cannot specify both logStreamNames and logStreamNamePrefix.");
  }
  const group = groupOf(world, input);
  const match = compileFilterPattern(input.filterPattern);
  const after = input.nextToken !== undefined ? readCursor(input.nextToken) : undefined;
  const streams = streamsOf(world, group.name).filter((s) =>
    (input.logStreamNames === undefined || input.logStreamNames.includes(s.name)) &&
    (input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix)));
  const found: { c: Cursor; stream: LogStream; e: LogEvent }[] = [];
  for (const stream of streams) {
    stream.events.forEach((e, k) => {
      if (input.startTime !== undefined && e.t < input.startTime) return;
      if (input.endTime !== undefined && e.t > input.endTime) return;
      const c = { t: e.t, i: e.i, s: stream.seq, p: stream.dropped + k };
      if (after && before(c, after) <= 0) return;
      if (match(e.m)) found.push({ c, stream, e });
    });
  }
  found.sort((a, b) => before(a.c, b.c));
  const limit = input.limit ?? 10_000;
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    events: page.map(({ c, stream, e }) => ({ logStreamName: stream.name, ...eventOut(e), eventId: eventId(c) })),
    searchedLogStreams: [],
    ...(found.length > limit && last ? { nextToken: btoa(JSON.stringify(last.c)) } : {}),
  };
}
