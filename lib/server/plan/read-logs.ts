import { toAwsFailure, type LogsPort } from "../../aws";
import { LOG_PAGE, interleave, logReads, streamOwner, type LogLine, type LogRead, type LogSource, type LogsQuery } from "../../domain/monitor";

// Reading awslogs streams through CloudWatch Logs' FilterLogEvents, shared by the monitor's log
// view (lib/server/monitor/get-service-logs.ts) and `stevedore run-task --wait`: a read (one
// group, the streams of a service, task or container) becomes lines that name their container
// and task.

type FilteredEvent = { logStreamName?: string; timestamp?: number; message?: string; eventId?: string };

/** The events of `read`'s streams as lines (a trailing newline dropped; events of other streams skipped). */
export function linesOf(read: LogRead, events: FilteredEvent[]): LogLine[] {
  const out: LogLine[] = [];
  for (const e of events) {
    const owner = e.logStreamName ? streamOwner(read, e.logStreamName) : undefined;
    if (!owner || e.timestamp === undefined) continue;
    out.push({ timestamp: e.timestamp, container: owner.container, taskId: owner.taskId, message: (e.message ?? "").replace(/\n$/, ""), eventId: e.eventId ?? `${e.timestamp}` });
  }
  return out;
}

/** FilterLogEvents' group, streams and filter pattern for `read`. */
export function filterInput(read: LogRead, query: Pick<LogsQuery, "filterPattern">) {
  return {
    logGroupName: read.group,
    ...(read.logStreamNames ? { logStreamNames: read.logStreamNames } : read.logStreamNamePrefix ? { logStreamNamePrefix: read.logStreamNamePrefix } : {}),
    ...(query.filterPattern ? { filterPattern: query.filterPattern } : {}),
  };
}

/** One page of `read`'s lines within [startTime, endTime], from `nextToken` on. */
export async function readLogPage(logs: LogsPort, read: LogRead, query: Pick<LogsQuery, "filterPattern" | "startTime" | "endTime">, nextToken?: string): Promise<{ lines: LogLine[]; nextToken?: string }> {
  const r = await logs.filterLogEvents({
    ...filterInput(read, query), limit: LOG_PAGE,
    ...(query.startTime !== undefined ? { startTime: query.startTime } : {}), ...(query.endTime !== undefined ? { endTime: query.endTime } : {}),
    ...(nextToken ? { nextToken } : {}),
  });
  return { lines: linesOf(read, r.events ?? []), ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
}

/** How many pages `readTaskLines` reads per group at most (5,000 lines: a one-off task's whole output, as a rule). */
const TASK_PAGES = 10;

/**
 * Every line one task's containers wrote (up to TASK_PAGES pages a group), interleaved by time,
 * and a note for each container without lines to read (its driver, a missing group, an error).
 */
export async function readTaskLines(logs: LogsPort, sources: LogSource[], taskId: string): Promise<{ lines: LogLine[]; notes: string[] }> {
  const notes = sources.filter((s) => s.reason).map((s) => `${s.container}: ${s.reason}`);
  const lists: LogLine[][] = [];
  for (const read of logReads(sources, { task: taskId })) {
    let token: string | undefined;
    let pages = 0;
    try {
      do {
        const page = await readLogPage(logs, read, {}, token);
        lists.push(page.lines);
        token = page.nextToken;
      } while (token && ++pages < TASK_PAGES);
    } catch (err) {
      const f = toAwsFailure(err);
      notes.push(`${read.containers.map((c) => c.container).join(", ")}: ${f.name === "ResourceNotFoundException" ? `the log group ${read.group} does not exist` : `${f.name}: ${f.message}`}`);
    }
  }
  return { lines: interleave(...lists), notes };
}
