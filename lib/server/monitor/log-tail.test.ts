import { describe, expect, it } from "vitest";
import type { LogLine } from "@/lib/domain/monitor";
import { LogTailHub, tailCursor, type TailLive } from "./log-tail";

// One shared tail per key, however many viewers read it: one StartLiveTail session where it
// opens, polling FilterLogEvents where it does not.

const line = (timestamp: number, eventId: string, message = eventId): LogLine => ({ timestamp, eventId, message, container: "app", taskId: "t1" });

function source() {
  const stored: LogLine[] = [line(1000, "a")];
  const polls: number[] = [];
  const poll = async (startTime: number) => {
    polls.push(startTime);
    await new Promise((r) => setTimeout(r, 5));
    return stored.filter((l) => l.timestamp >= startTime);
  };
  return { stored, polls, poll, src: { poll } };
}

/** A StartLiveTail stand-in the test drives: each session opened, its `on`, and whether it was closed. */
function sessions(refuse?: () => Error) {
  const opened: { on: Parameters<TailLive>[0]; signal: AbortSignal; end(): void }[] = [];
  const live: TailLive = (on, signal) => {
    if (refuse) return Promise.reject(refuse());
    return new Promise<void>((resolve) => {
      opened.push({ on, signal, end: resolve });
      signal.addEventListener("abort", () => resolve());
      // sessionStart comes after the request went out.
      queueMicrotask(() => on.open());
    });
  };
  return { opened, live };
}

/** A hub on a test clock, with a source that has a live session. */
function liveTail() {
  const clock = { now: 0 };
  const hub = new LogTailHub(() => clock.now, 1000);
  const s = source();
  const live = sessions();
  return { clock, hub, s, live, src: { poll: s.poll, live: live.live } };
}

describe("LogTailHub", () => {
  it("20 viewers of one tail cost the calls of one", async () => {
    let now = 0;
    const hub = new LogTailHub(() => now, 1000);
    const one = source();
    const many = source();
    await hub.read("one", one.src, { since: 0 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => hub.read("many", many.src, { since: 0 })));
    expect(many.polls).toHaveLength(one.polls.length);
    expect(answers.every((a) => a.map((l) => l.message).join() === "a")).toBe(true);

    // Within the interval nobody polls again; after it, one poll serves all twenty.
    many.stored.push(line(2000, "b"));
    await Promise.all(Array.from({ length: 20 }, () => hub.read("many", many.src, { since: 0 })));
    expect(many.polls).toHaveLength(1);
    now = 1000;
    const next = await Promise.all(Array.from({ length: 20 }, () => hub.read("many", many.src, { since: 0, cursor: tailCursor(line(1000, "a")) })));
    expect(many.polls).toEqual([0, 1000]);
    expect(next.every((a) => a.map((l) => l.message).join() === "b")).toBe(true);
  });

  it("keeps each line once although polls overlap in time, and forgets idle tails", async () => {
    let now = 0;
    const hub = new LogTailHub(() => now, 1000);
    const s = source();
    s.stored.push(line(1000, "a2"));
    await hub.read("k", s.src, { since: 0 });
    now = 1000;
    const again = await hub.read("k", s.src, { since: 0 });
    expect(again.map((l) => l.eventId)).toEqual(["a", "a2"]);
    expect(hub.size).toBe(1);
    now = 40_000;
    await hub.read("other", s.src, { since: 0 });
    expect(hub.size).toBe(1);
  });

  it("20 viewers of a live tail hold one session, and read its lines without polling", async () => {
    const { clock, hub, s, live, src } = liveTail();
    const first = await Promise.all(Array.from({ length: 20 }, () => hub.read("k", src, { since: 0 })));
    expect(live.opened).toHaveLength(1);
    expect(hub.modeOf("k")).toBe("live");
    expect(first.every((a) => a.map((l) => l.eventId).join() === "a")).toBe(true);
    // The history, then one catch-up of what came before the session opened; none after, however long they read.
    expect(s.polls).toEqual([0]);
    await hub.read("k", src, { since: 0 });
    expect(s.polls).toEqual([0, 1000]);

    live.opened[0].on.lines([line(3000, "live-1", "from the session"), line(1000, "other-id", "a")]);
    for (clock.now = 1000; clock.now <= 10_000; clock.now += 1000) {
      const views = await Promise.all(Array.from({ length: 20 }, () => hub.read("k", src, { since: 0, cursor: tailCursor(line(1000, "a")) })));
      // The session's copy of a line a poll already gave is the same line: shown once.
      expect(views.every((v) => v.map((l) => l.message).join() === "from the session")).toBe(true);
    }
    expect(s.polls).toEqual([0, 1000]);
    expect(live.opened).toHaveLength(1);

    // Nobody reads it: the session is closed with the tail.
    clock.now = 50_000;
    await hub.read("other", { poll: s.poll }, { since: 0 });
    expect(live.opened[0].signal.aborted).toBe(true);
    expect(hub.modeOf("k")).toBeUndefined();
  });

  it("polls where the session is refused, and tries it again after a backoff", async () => {
    let now = 0;
    const hub = new LogTailHub(() => now, 1000);
    const s = source();
    let refusals = 0;
    const refused = sessions(() => { refusals++; return Object.assign(new Error("quota"), { name: "LimitExceededException" }); });
    const src = { poll: s.poll, live: refused.live };
    await Promise.all(Array.from({ length: 20 }, () => hub.read("k", src, { since: 0 })));
    expect(refusals).toBe(1);
    expect(hub.modeOf("k")).toBe("polling");
    now = 1000;
    s.stored.push(line(1500, "b"));
    const polled = await hub.read("k", src, { since: 0, cursor: tailCursor(line(1000, "a")) });
    expect(polled.map((l) => l.eventId)).toEqual(["b"]);
    expect(s.polls).toEqual([0, 1000]);
    // Within the backoff (2 s after the first refusal) no new session; after it, one more try.
    expect(refusals).toBe(1);
    now = 2000;
    await hub.read("k", src, { since: 0 });
    expect(refusals).toBe(2);
    now = 3000;
    await hub.read("k", src, { since: 0 });
    expect(refusals).toBe(2);
  });

  it("falls back to polling when the session drops, then opens it again", async () => {
    const { clock, hub, s, live, src } = liveTail();
    await hub.read("k", src, { since: 0 });
    expect(hub.modeOf("k")).toBe("live");
    live.opened[0].end();
    await Promise.resolve();
    expect(hub.modeOf("k")).toBe("polling");
    clock.now = 500;
    s.stored.push(line(2000, "after-drop"));
    const read = await hub.read("k", src, { since: 0 });
    expect(read.map((l) => l.eventId)).toEqual(["a", "after-drop"]);
    expect(live.opened).toHaveLength(1);
    clock.now = 2500;
    await hub.read("k", src, { since: 0 });
    expect(live.opened).toHaveLength(2);
    expect(hub.modeOf("k")).toBe("live");
    hub.close();
    expect(live.opened[1].signal.aborted).toBe(true);
  });

  it("a read of a live tail with nothing new waits for the session's next lines", async () => {
    const hub = new LogTailHub(() => 0, 1000, 60_000);
    const s = source();
    const live = sessions();
    const src = { poll: s.poll, live: live.live };
    await hub.read("k", src, { since: 0 });
    await hub.read("k", src, { since: 0 });
    const waiting = hub.read("k", src, { since: 0, cursor: tailCursor(line(1000, "a")) });
    live.opened[0].on.lines([line(4000, "live-2", "just printed")]);
    expect((await waiting).map((l) => l.message)).toEqual(["just printed"]);
    hub.close();
  });
});
