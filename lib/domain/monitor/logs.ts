import { z } from "zod";

// The monitor's log view, pure: where each container of a service logs (from its task
// definitions' logConfiguration), which FilterLogEvents calls read a service's, a task's or a
// container's lines (the awslogs stream is `<prefix>/<container>/<task-id>`), and the lines of
// several groups interleaved by time, each with its container and task.

/** A container definition as far as logging goes. */
export type LoggingContainer = { name?: string; logConfiguration?: { logDriver?: string; options?: Record<string, string> } };

/** Where one container's lines are, or plainly why the log view has none. */
export type LogSource = {
  container: string;
  driver: string;
  /** awslogs only. */
  group?: string;
  prefix?: string;
  region?: string;
  /** Why there are no lines to read for this container (another driver, no prefix, the group missing). */
  reason?: string;
};

export function logSourceOf(c: LoggingContainer, envRegion: string): LogSource {
  const container = c.name ?? "(unnamed)";
  const log = c.logConfiguration;
  if (!log?.logDriver) return { container, driver: "none", reason: `"${container}" has no log driver: what it prints is not kept anywhere.` };
  const driver = log.logDriver;
  if (driver === "awsfirelens") return { container, driver, reason: `"${container}" logs through FireLens (a Fluent Bit or Fluentd sidecar), to wherever its output is routed, not to a CloudWatch Logs stream Stevedore knows.` };
  if (driver !== "awslogs") return { container, driver, reason: `"${container}" logs with the ${driver} driver: its lines are in ${driver}, not in CloudWatch Logs.` };
  const o = log.options ?? {};
  const group = o["awslogs-group"];
  const prefix = o["awslogs-stream-prefix"];
  const region = o["awslogs-region"];
  if (!group) return { container, driver, reason: `"${container}" uses awslogs without an awslogs-group.` };
  if (!prefix) return { container, driver, group, region, reason: `"${container}" has no awslogs-stream-prefix: its streams are named by container id, which cannot be matched to a task.` };
  if (region && region !== envRegion) return { container, driver, group, prefix, region, reason: `"${container}" logs to ${region}, not to this environment's Region ${envRegion}.` };
  return { container, driver, group, prefix, region };
}

/** Every container's source over the task definitions a service runs (a container named in several keeps its first, newest, settings). */
export function logSourcesOf(taskDefinitions: { containerDefinitions?: LoggingContainer[] }[], envRegion: string): LogSource[] {
  const out = new Map<string, LogSource>();
  for (const td of taskDefinitions) for (const c of td.containerDefinitions ?? []) {
    const s = logSourceOf(c, envRegion);
    if (!out.has(s.container)) out.set(s.container, s);
  }
  return [...out.values()];
}

/** One FilterLogEvents read: a group, and the streams of it (by name, or by one prefix). */
export type LogRead = { group: string; logStreamNames?: string[]; logStreamNamePrefix?: string; containers: { container: string; prefix: string }[] };

/**
 * The reads for the selection: per group, the streams of a task (by name), or of a container
 * (`<prefix>/<container>/`), or a prefix common to every container of the group.
 */
export function logReads(sources: LogSource[], pick: { task?: string; container?: string }): LogRead[] {
  const readable = sources.filter((s) => !s.reason && s.group && s.prefix && (!pick.container || s.container === pick.container));
  const groups = new Map<string, { container: string; prefix: string }[]>();
  for (const s of readable) groups.set(s.group!, [...(groups.get(s.group!) ?? []), { container: s.container, prefix: s.prefix! }]);
  return [...groups.entries()].map(([group, containers]) => {
    if (pick.task) return { group, containers, logStreamNames: containers.map((c) => `${c.prefix}/${c.container}/${pick.task}`) };
    if (containers.length === 1) return { group, containers, logStreamNamePrefix: `${containers[0].prefix}/${containers[0].container}/` };
    const prefixes = new Set(containers.map((c) => c.prefix));
    return { group, containers, logStreamNamePrefix: prefixes.size === 1 ? `${containers[0].prefix}/` : "" };
  });
}

/** A stream name's container and task, if it is one of the read's (`<prefix>/<container>/<task-id>`). */
export function streamOwner(read: LogRead, stream: string): { container: string; taskId: string } | undefined {
  for (const c of read.containers) {
    const head = `${c.prefix}/${c.container}/`;
    if (stream.startsWith(head) && !stream.slice(head.length).includes("/")) return { container: c.container, taskId: stream.slice(head.length) };
  }
  return undefined;
}

/** One line of the log view. */
export type LogLine = { timestamp: number; container: string; taskId: string; message: string; eventId: string };

/** A line's place in a live tail (the `after` of the next read): its time, then its event id. */
export const tailCursor = (l: Pick<LogLine, "timestamp" | "eventId">) => `${l.timestamp}:${l.eventId}`;

/** Lines of several reads interleaved by time (ties by event id, which orders within a group). */
export function interleave(...lists: LogLine[][]): LogLine[] {
  return lists.flat().sort((a, b) => a.timestamp - b.timestamp || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
}

/** The log view as its route answers it. */
export type LogsView = {
  sources: LogSource[];
  lines: LogLine[];
  /** Reads on from where this page stopped (opaque; only this route reads it). */
  nextToken?: string;
  error?: string;
  fetchedAt: string;
  /** A live tail's read: how the shared tail gets its lines now (a StartLiveTail session, or polling FilterLogEvents). */
  tailMode?: TailMode;
};

/** How a shared live tail reads: "live" (a StartLiveTail session streams its lines) or "polling" (FilterLogEvents every LOG_TAIL_INTERVAL_MS). */
export type TailMode = "live" | "polling";

/** Lines as a text file: `<ISO time> <container> <task-id> <message>`, one a line. */
export function logsAsText(lines: LogLine[]): string {
  return lines.map((l) => `${new Date(l.timestamp).toISOString()} ${l.container} ${l.taskId} ${l.message}`).join("\n") + (lines.length ? "\n" : "");
}

/** How many lines one page of the view shows (FilterLogEvents would give 10,000). */
export const LOG_PAGE = 500;

/**
 * How often a shared live tail polls FilterLogEvents: a new line shows within 2 s, and with the
 * monitor's share of the account's FilterLogEvents rate (5 per second per Region), a handful of
 * streams tailed at once stay within it.
 */
export const LOG_TAIL_INTERVAL_MS = 1000;

const EcsName = z.string().min(1).max(255).regex(/^[A-Za-z0-9_-]+$/, "Not an ECS name");
const Millis = z.coerce.number().int().min(0);

/** The log view's query: which lines (task, container, time range, filter pattern), a page token, or a live tail after a line. */
export const LogsQuerySchema = z.object({
  task: z.string().regex(/^[a-f0-9]{32}$|^[A-Za-z0-9-]{1,64}$/, "Not a task id").optional(),
  container: EcsName.optional(),
  startTime: Millis.optional(),
  endTime: Millis.optional(),
  filterPattern: z.string().max(1024).optional(),
  nextToken: z.string().max(20_000).optional(),
  /** "1": the live tail's new lines after `after` (an event id), from the shared poller. */
  tail: z.enum(["1"]).optional(),
  after: z.string().max(100).optional(),
});
export type LogsQuery = z.infer<typeof LogsQuerySchema>;
