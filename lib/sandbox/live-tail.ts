import { randomUUID } from "node:crypto";
import type { LiveTailCursor, LiveTailSelection } from "./logs/live-tail";
import { nextLiveTailUpdate, openLiveTail } from "./logs/engine";
import { logsError } from "./logs/errors";
import { EVENT_STREAM_CONTENT_TYPE, eventMessage, exceptionMessage } from "./protocols/event-stream";
import type { HttpResponse } from "./protocols/http-message";
import { jsonError, jsonServerError, type JsonCall } from "./protocols/json-1-1";
import type { SandboxDeps } from "./store";
import { withState } from "./with-state";

// StartLiveTail's stream (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartLiveTail.html):
// a refused request answers as any awsJson1_1 error; an accepted one answers 200
// `application/vnd.amazon.eventstream`: one `sessionStart`, then a `sessionUpdate` every second
// with what the simulated containers (or PutLogEvents) wrote since, on the sandbox clock, until
// the client closes the stream or three hours pass (`SessionTimeoutException`). A failure of
// the sandbox's store ends it with `SessionStreamingException`. Sessions are connections: they
// are counted per process and Region, not stored.

/** How often a session sends an update, as CloudWatch Logs does. */
export const LIVE_TAIL_UPDATE_MS = 1000;
/** A session's longest life: "Live Tail sessions time out after three hours." */
export const LIVE_TAIL_MAX_MS = 3 * 3_600_000;
/**
 * Concurrent Live Tail sessions per account and Region, a CloudWatch Logs quota (15 by default as
 * recalled from its quotas page, not re-checked against it here;
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html).
 */
export const LIVE_TAIL_SESSIONS = 15;
/** Updates waiting for a slow reader beyond which the oldest are dropped ("buffers up to 10 LiveTailSessionUpdate events"). */
const BUFFERED_UPDATES = 10;

const open = new WeakMap<SandboxDeps, Map<string, number>>();
const counts = (deps: SandboxDeps) => {
  let m = open.get(deps);
  if (!m) open.set(deps, (m = new Map()));
  return m;
};

/** How many live tail sessions of `region` are open on this sandbox (for tests and the status). */
export const openLiveTails = (deps: SandboxDeps, region: string) => counts(deps).get(region) ?? 0;

type Opened = { sessionStart: unknown; selection: LiveTailSelection; cursor: LiveTailCursor };
type Updated = { sessionUpdate: unknown; cursor: LiveTailCursor };

/** The answer to a StartLiveTail call: its error, or its event stream. */
export async function liveTailAnswer(call: JsonCall, deps: SandboxDeps): Promise<HttpResponse> {
  const requestId = randomUUID();
  const started = await withState(deps, (state) => openLiveTail(state, { ...call, realNow: deps.now() }));
  if ("failure" in started) return jsonServerError(started.failure, requestId);
  if (started.result.error) return jsonError(started.result.error, requestId);
  const sessions = counts(deps);
  if ((sessions.get(call.region) ?? 0) >= LIVE_TAIL_SESSIONS) {
    return jsonError(logsError("LimitExceededException", `You have reached the maximum number of concurrent Live Tail sessions (${LIVE_TAIL_SESSIONS}) in this account and Region.`), requestId);
  }
  const { sessionStart, selection } = started.result.output as Opened;
  let { cursor } = started.result.output as Opened;
  sessions.set(call.region, (sessions.get(call.region) ?? 0) + 1);

  const openedAt = deps.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  let busy = false;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    sessions.set(call.region, Math.max(0, (sessions.get(call.region) ?? 1) - 1));
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(eventMessage("sessionStart", sessionStart));
      const finish = (last: Uint8Array) => {
        end();
        controller.enqueue(last);
        controller.close();
      };
      timer = setInterval(async () => {
        if (busy || ended) return;
        busy = true;
        try {
          if (deps.now() - openedAt >= LIVE_TAIL_MAX_MS) return finish(exceptionMessage("SessionTimeoutException", "The Live Tail session has ended: sessions time out after three hours."));
          const next = await withState(deps, (state) => nextLiveTailUpdate(state, { region: call.region, op: "LiveTailUpdate", input: { selection, cursor }, realNow: deps.now() }));
          if (ended) return;
          if ("failure" in next || next.result.error) return finish(exceptionMessage("SessionStreamingException", "failure" in next ? next.failure : next.result.error!.message));
          const update = next.result.output as Updated;
          cursor = update.cursor;
          // A reader this far behind loses the oldest updates, as CloudWatch Logs drops them.
          if ((controller.desiredSize ?? 0) > -BUFFERED_UPDATES) controller.enqueue(eventMessage("sessionUpdate", update.sessionUpdate));
        } finally {
          busy = false;
        }
      }, LIVE_TAIL_UPDATE_MS);
    },
    cancel: end,
  });
  return { status: 200, headers: { "content-type": EVENT_STREAM_CONTENT_TYPE, "x-amzn-requestid": requestId }, body: "", stream };
}
