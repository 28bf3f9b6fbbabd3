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
