import { z } from "zod";
import { streamsOf } from "../core/log-store";
import { uuid } from "../core/ids";
import type { World } from "../core/types";
import { invalidParameter } from "./errors";
import { compileFilterPattern } from "./filter-pattern";
import { LogGroupIdentifier, LogStreamName, groupOf, parseInput } from "./input";

// StartLiveTail (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartLiveTail.html):
// the request is checked and the session opened here (sessionStart); each second the edge
// (../live-tail.ts) asks `liveTailUpdate` for the events ingested since its last update
// (sessionUpdate: at most 500, sampled beyond). Pure: the edge holds the connection and the clock.

const StartSchema = z.object({
  logGroupIdentifiers: z.array(LogGroupIdentifier).min(1).max(10),
  logStreamNames: z.array(LogStreamName).min(1).max(100).optional(),
  logStreamNamePrefixes: z.array(LogStreamName).min(1).max(100).optional(),
  logEventFilterPattern: z.string().max(1024).optional(),
});

/** What a session tails: its groups (by name, and as its events name them), streams or prefixes, pattern. */
export type LiveTailSelection = {
  groups: { name: string; identifier: string }[];
  logStreamNames?: string[];
  logStreamNamePrefixes?: string[];
  logEventFilterPattern?: string;
};

/** Where a session has read up to: the latest ingestion time it sent, and the events of that millisecond it sent. */
export type LiveTailCursor = { ingestedTo: number; sentAt: string[] };

/** The most events one sessionUpdate carries; more matching in a second are sampled down to these. */
export const LIVE_TAIL_UPDATE_EVENTS = 500;

/**
 * Checks a StartLiveTail request and opens its session: the `sessionStart` event, the selection
 * its updates read, and a cursor at "now" (a live tail shows only what is ingested after it opens).
 * Groups are named by ARN (the identifier's pattern refuses a trailing `:*`) or by name; each must exist.
 */
export function startLiveTail(world: World, raw: unknown) {
  const input = parseInput(StartSchema, raw);
  if (input.logStreamNames !== undefined && input.logStreamNamePrefixes !== undefined) {
    throw invalidParameter("logStreamNames and logStreamNamePrefixes are mutually exclusive: specify only one of them.");
  }
  if ((input.logStreamNames !== undefined || input.logStreamNamePrefixes !== undefined) && input.logGroupIdentifiers.length > 1) {
    throw invalidParameter("logStreamNames and logStreamNamePrefixes can be specified only when logGroupIdentifiers contains exactly one log group.");
  }
  if (new Set(input.logGroupIdentifiers).size !== input.logGroupIdentifiers.length) {
    throw invalidParameter("logGroupIdentifiers must not contain duplicates.");
  }
  const groups = input.logGroupIdentifiers.map((ref) => {
    const group = groupOf(world, { logGroupIdentifier: ref });
    return { name: group.name, identifier: `${world.account}:${group.name}` };
  });
  compileFilterPattern(input.logEventFilterPattern);
  const selection: LiveTailSelection = {
    groups,
    ...(input.logStreamNames ? { logStreamNames: input.logStreamNames } : {}),
    ...(input.logStreamNamePrefixes ? { logStreamNamePrefixes: input.logStreamNamePrefixes } : {}),
    ...(input.logEventFilterPattern !== undefined ? { logEventFilterPattern: input.logEventFilterPattern } : {}),
  };
  // What is already there, ingested in this very millisecond too, is not the session's.
  const cursor: LiveTailCursor = { ingestedTo: world.now, sentAt: [...selectedEvents(world, selection)].filter((e) => e.ingestionTime === world.now).map((e) => e.key) };
  const sessionStart = {
    requestId: uuid(world),
    sessionId: uuid(world),
    logGroupIdentifiers: input.logGroupIdentifiers,
    ...(input.logStreamNames ? { logStreamNames: input.logStreamNames } : {}),
    ...(input.logStreamNamePrefixes ? { logStreamNamePrefixes: input.logStreamNamePrefixes } : {}),
    logEventFilterPattern: input.logEventFilterPattern ?? "",
  };
  return { sessionStart, selection, cursor };
}

/** The events of the selection's streams that match its pattern, as a session sends them (`key`: the event within its millisecond). */
function* selectedEvents(world: World, selection: LiveTailSelection) {
  const match = compileFilterPattern(selection.logEventFilterPattern);
  for (const group of selection.groups) {
    for (const stream of streamsOf(world, group.name)) {
      if (selection.logStreamNames && !selection.logStreamNames.includes(stream.name)) continue;
      if (selection.logStreamNamePrefixes && !selection.logStreamNamePrefixes.some((p) => stream.name.startsWith(p))) continue;
      for (const e of stream.events) {
        if (match(e.m)) yield { logStreamName: stream.name, logGroupIdentifier: group.identifier, message: e.m, timestamp: e.t, ingestionTime: e.i, key: `${stream.seq}:${e.t}:${e.m}` };
      }
    }
  }
}

const UpdateSchema = z.object({
  selection: z.custom<LiveTailSelection>((v) => typeof v === "object" && v !== null),
  cursor: z.custom<LiveTailCursor>((v) => typeof v === "object" && v !== null),
});

/**
 * One second of a session: the `sessionUpdate` of the events of its selection ingested after its
 * cursor (a group deleted since the session opened simply has none), and the cursor after them.
 */
export function liveTailUpdate(world: World, raw: unknown) {
  const { selection, cursor } = UpdateSchema.parse(raw);
  const sent = new Set(cursor.sentAt);
  const found = [...selectedEvents(world, selection)].filter((e) => e.ingestionTime > cursor.ingestedTo || (e.ingestionTime === cursor.ingestedTo && !sent.has(e.key)));
  found.sort((a, b) => a.ingestionTime - b.ingestionTime || a.timestamp - b.timestamp);
  const sampled = found.length > LIVE_TAIL_UPDATE_EVENTS;
  // Sampled evenly over the second, as many as an update carries.
  const shown = sampled ? Array.from({ length: LIVE_TAIL_UPDATE_EVENTS }, (_, k) => found[Math.floor((k * found.length) / LIVE_TAIL_UPDATE_EVENTS)]) : found;
  const ingestedTo = Math.max(cursor.ingestedTo, world.now);
  const sentAt = [...(ingestedTo === cursor.ingestedTo ? cursor.sentAt : []), ...found.filter((f) => f.ingestionTime === ingestedTo).map((f) => f.key)];
  return {
    sessionUpdate: { sessionMetadata: { sampled }, sessionResults: shown.map(({ key: _key, ...e }) => e) },
    cursor: { ingestedTo, sentAt },
  };
}
