import { describe, expect, it } from "vitest";
import { steppedSandbox } from "../testing";
import { nextLiveTailUpdate, openLiveTail } from "./engine";
import { LIVE_TAIL_UPDATE_EVENTS } from "./live-tail";

// A Live Tail session on the pure engine: what it opens with, and each second's update.

function session(sb: ReturnType<typeof steppedSandbox>, input: unknown) {
  const realNow = 1_700_000_000_000;
  const opened = openLiveTail(sb.state, { region: "us-east-1", op: "StartLiveTail", input, realNow });
  if (opened.error) throw opened.error;
  let state = opened.state;
  const { selection } = opened.output as { selection: unknown };
  let { cursor } = opened.output as { cursor: unknown };
  return {
    start: (opened.output as { sessionStart: unknown }).sessionStart,
    next(current = state) {
      const r = nextLiveTailUpdate(current, { region: "us-east-1", op: "LiveTailUpdate", input: { selection, cursor }, realNow });
      state = r.state;
      ({ cursor } = r.output as { cursor: unknown });
      return (r.output as { sessionUpdate: { sessionMetadata: { sampled: boolean }; sessionResults: { message: string }[] } }).sessionUpdate;
    },
  };
}

describe("StartLiveTail on the engine", () => {
  it("sends what is ingested after it opened, once, sampled down to 500 an update", () => {
    const sb = steppedSandbox();
    sb.logs("CreateLogGroup", { logGroupName: "/ecs/web" });
    sb.logs("CreateLogStream", { logGroupName: "/ecs/web", logStreamName: "web/app/1" });
    sb.logs("PutLogEvents", { logGroupName: "/ecs/web", logStreamName: "web/app/1", logEvents: [{ timestamp: 1_699_999_999_000, message: "old" }] });
    const s = session(sb, { logGroupIdentifiers: ["/ecs/web"] });
    expect(s.start).toMatchObject({ logGroupIdentifiers: ["/ecs/web"], logEventFilterPattern: "" });
    expect(s.next().sessionResults).toEqual([]);

    // 600 lines in one second (the clock is frozen: one ingestion time) are sampled to 500.
    const base = 1_699_999_999_500;
    const events = Array.from({ length: 600 }, (_, k) => ({ timestamp: base + Math.floor(k / 100), message: `line ${k}` }));
    sb.logs("PutLogEvents", { logGroupName: "/ecs/web", logStreamName: "web/app/1", logEvents: events });
    const update = s.next(sb.state);
    expect(update.sessionMetadata.sampled).toBe(true);
    expect(update.sessionResults).toHaveLength(LIVE_TAIL_UPDATE_EVENTS);
    expect(update.sessionResults[0].message).toBe("line 0");
    expect(new Set(update.sessionResults.map((e) => e.message)).size).toBe(LIVE_TAIL_UPDATE_EVENTS);
    // Nothing twice, though no time passed.
    expect(s.next(sb.state).sessionResults).toEqual([]);
  });
});
