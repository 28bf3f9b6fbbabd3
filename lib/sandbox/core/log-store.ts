import { peek } from "./draft";
import { arn, nextSeq } from "./ids";
import { own, setOwn } from "./maps";
import type { LogGroup, LogStream, Tag, World } from "./types";

// CloudWatch Logs' storage, shared by the service that serves it (logs/) and the writers that
// fill it (ECS's awslogs driver, ecs/container-logs.ts). Pure: it mutates the draft it is given.

/** A stream keeps its newest events only, so a crash-looping service cannot grow the sandbox's state without end. */
export const MAX_STREAM_EVENTS = 5_000;

/** A stream's key in `world.logStreams`: neither a group's nor a stream's name may contain a colon. */
export const streamKey = (group: string, stream: string) => `${group}:${stream}`;

/** `arn:aws:logs:<region>:<account>:log-group:<name>` (DescribeLogGroups' `logGroupArn`; its `arn` adds `:*`). */
export const logGroupArn = (world: World, name: string) => arn(world, "logs", `log-group:${name}`);

export const logStreamArn = (world: World, group: string, stream: string) => `${logGroupArn(world, group)}:log-stream:${stream}`;

export function findLogGroup(world: World, name: string): LogGroup | undefined {
  return own(peek(world).logGroups, name);
}

export function findLogStream(world: World, group: string, stream: string): LogStream | undefined {
  return own(peek(world).logStreams, streamKey(group, stream));
}

export function addLogGroup(world: World, name: string, now: number, tags: Tag[] = []): LogGroup {
  const group: LogGroup = { name, createdAt: now, tags, seq: nextSeq(world) };
  setOwn(world.logGroups, name, group);
  return group;
}

export function addLogStream(world: World, group: string, name: string, now: number): LogStream {
  const stream: LogStream = { group, name, createdAt: now, events: [], dropped: 0, seq: nextSeq(world) };
  setOwn(world.logStreams, streamKey(group, name), stream);
  return stream;
}

/** The streams of a group (shared with the base world: read only). */
export function streamsOf(world: World, group: string): LogStream[] {
  const prefix = streamKey(group, "");
  return Object.entries(peek(world).logStreams).filter(([k]) => k.startsWith(prefix)).map(([, s]) => s);
}

/**
 * Appends events (already in chronological order) to the draft's stream `key`, each placed
 * after every stored event of the same or an earlier timestamp; the oldest go past MAX_STREAM_EVENTS.
 */
export function appendLogEvents(world: World, key: string, events: { timestamp: number; message: string }[], now: number) {
  const stream = world.logStreams[key];
  if (!stream || events.length === 0) return;
  for (const e of events) {
    let at = stream.events.length;
    while (at > 0 && stream.events[at - 1].t > e.timestamp) at--;
    stream.events.splice(at, 0, { t: e.timestamp, i: now, m: e.message });
  }
  stream.lastIngestionTime = now;
  const over = stream.events.length - MAX_STREAM_EVENTS;
  if (over > 0) {
    stream.events.splice(0, over);
    stream.dropped += over;
  }
}

// What the awslogs driver ECS runs (Docker's, daemon/logger/awslogs/cloudwatchlogs.go in
// moby/moby) sends: PutLogEvents batches within the API's limits, at most 10,000 events and
// 1,048,576 bytes (each message's UTF-8 bytes plus 26 per event;
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html),
// and a line longer than 262,118 bytes (256 KiB less those 26) split into several events, as the
// driver splits it (CloudWatch Logs now takes events up to 1 MB, the driver still cuts at 256 KiB).
export const PUT_BATCH_MAX_EVENTS = 10_000;
export const PUT_BATCH_MAX_BYTES = 1_048_576;
export const PUT_EVENT_OVERHEAD_BYTES = 26;
export const DRIVER_MAX_EVENT_BYTES = 262_144 - PUT_EVENT_OVERHEAD_BYTES;

const utf8Bytes = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** `message` cut into pieces of at most `max` UTF-8 bytes, never inside a character. */
export function splitMessage(message: string, max = DRIVER_MAX_EVENT_BYTES): string[] {
  const out: string[] = [];
  let piece = "";
  let bytes = 0;
  for (const ch of message) {
    const n = utf8Bytes(ch.codePointAt(0)!);
    if (bytes + n > max) {
      out.push(piece);
      piece = "";
      bytes = 0;
    }
    piece += ch;
    bytes += n;
  }
  if (piece || !out.length) out.push(piece);
  return out;
}

type NewEvent = { timestamp: number; message: string };

/** The driver's PutLogEvents batches for `events` (in time order): long lines split, each batch within the API's limits. */
export function driverBatches(events: NewEvent[]): NewEvent[][] {
  const batches: NewEvent[][] = [];
  let batch: NewEvent[] = [];
  let bytes = 0;
  for (const e of events) {
    for (const message of splitMessage(e.message)) {
      const size = [...message].reduce((n, ch) => n + utf8Bytes(ch.codePointAt(0)!), 0) + PUT_EVENT_OVERHEAD_BYTES;
      if (batch.length && (batch.length >= PUT_BATCH_MAX_EVENTS || bytes + size > PUT_BATCH_MAX_BYTES)) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push({ timestamp: e.timestamp, message });
      bytes += size;
    }
  }
  if (batch.length) batches.push(batch);
  return batches;
}
