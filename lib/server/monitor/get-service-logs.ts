import { LOG_PAGE, interleave, logReads, logSourcesOf, type LogLine, type LogRead, type LogSource, type LogsQuery, type LogsView, type LoggingContainer, type TailMode } from "@/lib/domain/monitor";
import { filterInput, linesOf, readLogPage } from "@/lib/server/plan";
import { toAwsFailure, type LogsPort } from "@/lib/aws";
import type { AppContext } from "../context";
import { loadEnvironmentRow, type EnvironmentRow } from "../environments/environment-record";
import { appLogTails, type LogTailHub, type TailLive } from "./log-tail";
import type { ServiceRef } from "./schemas";

// A service's container logs (issue 15): where each container logs, from the task definitions
// the service runs, then FilterLogEvents on each awslogs group for the service's, a task's or a
// container's streams, interleaved by time. A live tail reads the shared poller of its streams
// (log-tail.ts) instead of calling CloudWatch Logs itself.

export type ServiceLogsInput = ServiceRef & LogsQuery;

/** A service's sources change only with a deployment: read them once per SOURCES_TTL_MS per process, for every viewer. */
const SOURCES_TTL_MS = 15_000;
const sourcesCache = new Map<string, { at: number; sources: LogSource[]; error?: string }>();

async function sourcesOf(ctx: AppContext, env: EnvironmentRow, input: ServiceRef): Promise<{ sources: LogSource[]; error?: string }> {
  const key = JSON.stringify([env.id, env.region, input.cluster, input.service]);
  const now = Date.now();
  const hit = sourcesCache.get(key);
  if (hit && now - hit.at < SOURCES_TTL_MS) return hit;
  const ecs = ctx.aws.ecs(env);
  let out: { sources: LogSource[]; error?: string };
  try {
    const { services } = await ecs.describeServices({ cluster: input.cluster, services: [input.service] });
    const svc = services[0];
    if (!svc) {
      out = { sources: [], error: `Service ${input.service} was not found in cluster ${input.cluster}.` };
    } else {
      const arns = [...new Set([svc.taskDefinition, ...(svc.deployments ?? []).map((d) => d.taskDefinition)].filter((a): a is string => Boolean(a)))];
      const tds: { containerDefinitions?: LoggingContainer[] }[] = [];
      for (const arn of arns) {
        const r = await ecs.describeTaskDefinition({ taskDefinition: arn });
        if (r.taskDefinition) tds.push(r.taskDefinition as { containerDefinitions?: LoggingContainer[] });
      }
      out = { sources: logSourcesOf(tds, env.region) };
    }
  } catch (err) {
    const f = toAwsFailure(err);
    out = { sources: [], error: `${f.name}: ${f.message}` };
  }
  if (sourcesCache.size > 500) sourcesCache.clear();
  sourcesCache.set(key, { at: now, ...out });
  return out;
}

const missingGroup = (group: string) =>
  `The log group ${group} does not exist: no task has written to it yet (ECS creates it only with awslogs-create-group "true"), or it was deleted.`;

/**
 * The read's StartLiveTail session (the group by name, its task's streams or its container's
 * prefix, the filter pattern) as the shared tail holds it. Its events carry no event id: each gets
 * one from its ingestion time and its place in the session, which orders like the time it came.
 */
function liveTail(logs: LogsPort, read: LogRead, input: LogsQuery): TailLive {
  return async (on, signal) => {
    const events = await logs.startLiveTail({
      logGroupIdentifiers: [read.group],
      ...(read.logStreamNames ? { logStreamNames: read.logStreamNames } : read.logStreamNamePrefix ? { logStreamNamePrefixes: [read.logStreamNamePrefix] } : {}),
      ...(input.filterPattern ? { logEventFilterPattern: input.filterPattern } : {}),
    }, signal);
    let n = 0;
    for await (const event of events) {
      if (event.sessionStart) on.open();
      else if (event.sessionUpdate) {
        const results = event.sessionUpdate.sessionResults ?? [];
        on.lines(linesOf(read, results.map((e) => ({ ...e, eventId: `live-${String(e.ingestionTime ?? 0).padStart(15, "0")}-${String(n++).padStart(9, "0")}` }))));
      } else if (event.SessionTimeoutException || event.SessionStreamingException) {
        throw new Error((event.SessionTimeoutException ?? event.SessionStreamingException)?.message ?? "The Live Tail session ended.");
      }
    }
  };
}

const encodeTokens = (t: Record<string, string>) => Buffer.from(JSON.stringify(t)).toString("base64url");
function decodeTokens(token: string | undefined): Record<string, string> {
  if (!token) return {};
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString());
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

/**
 * The lines of a service (or one task, or one container) within [startTime, endTime] matching
 * the filter pattern, a page at a time; with `tail`, the shared live tail's lines after `after`.
 */
export async function getServiceLogs({ ctx, input, tails = appLogTails() }: { ctx: AppContext; input: ServiceLogsInput; tails?: LogTailHub }): Promise<LogsView> {
  const env = await loadEnvironmentRow(ctx, input.envId);
  const fetchedAt = ctx.clock.now().toISOString();
  const { sources, error } = await sourcesOf(ctx, env, input);
  if (error) return { sources, lines: [], error, fetchedAt };
  return readLogsOf(ctx, env, sources, input, tails);
}

/** The lines of `sources` (a service's, or one task's definition's) that `input` asks for: a page, or the shared live tail's. */
export async function readLogsOf(ctx: AppContext, env: EnvironmentRow, sources: LogSource[], input: LogsQuery, tails: LogTailHub = appLogTails()): Promise<LogsView> {
  const fetchedAt = ctx.clock.now().toISOString();
  const reads = logReads(sources, input);
  const logs: LogsPort = ctx.aws.logs(env);
  const missing = new Set<string>();
  const failures: string[] = [];
  const lists: LogLine[][] = [];
  const tokens = decodeTokens(input.nextToken);
  const next: Record<string, string> = {};
  let mode: TailMode | undefined;
  for (const read of reads) {
    if (input.nextToken && !tokens[read.group]) continue; // that group was read to its end
    try {
      if (input.tail) {
        const key = JSON.stringify([env.id, read.group, read.logStreamNames ?? read.logStreamNamePrefix, input.filterPattern ?? ""]);
        const poll = async (startTime: number) => {
          const r = await logs.filterLogEvents({ ...filterInput(read, input), startTime, limit: LOG_PAGE });
          return linesOf(read, r.events ?? []);
        };
        lists.push(await tails.read(key, { poll, live: liveTail(logs, read, input) }, { cursor: input.after, since: input.startTime ?? 0 }));
        mode = tails.modeOf(key);
      } else {
        const page = await readLogPage(logs, read, input, tokens[read.group]);
        lists.push(page.lines);
        if (page.nextToken) next[read.group] = page.nextToken;
      }
    } catch (err) {
      const f = toAwsFailure(err);
      if (f.name === "ResourceNotFoundException") missing.add(read.group);
      else failures.push(`${f.name}: ${f.message}`);
    }
  }
  const shown = sources.map((s) => (s.group && missing.has(s.group) && !s.reason ? { ...s, reason: missingGroup(s.group) } : s));
  return {
    sources: shown, lines: interleave(...lists), fetchedAt,
    ...(Object.keys(next).length ? { nextToken: encodeTokens(next) } : {}),
    ...(failures.length ? { error: failures.join("; ") } : {}),
    ...(mode ? { tailMode: mode } : {}),
  };
}

