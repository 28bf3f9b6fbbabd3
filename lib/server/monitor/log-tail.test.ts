import { describe, expect, it } from "vitest";
import type { LogLine } from "@/lib/domain/monitor";
import { LogTailHub, tailCursor } from "./log-tail";

// One shared poller per tail key, however many viewers read it.

const line = (timestamp: number, eventId: string, message = eventId): LogLine => ({ timestamp, eventId, message, container: "app", taskId: "t1" });

function source() {
  const stored: LogLine[] = [line(1000, "a")];
  const polls: number[] = [];
  const poll = async (startTime: number) => {
    polls.push(startTime);
    await new Promise((r) => setTimeout(r, 5));
    return stored.filter((l) => l.timestamp >= startTime);
  };
  return { stored, polls, poll };
}

describe("LogTailHub", () => {
  it("20 viewers of one tail cost the calls of one", async () => {
    let now = 0;
    const hub = new LogTailHub(() => now, 1000);
    const one = source();
    const many = source();
    await hub.read("one", one.poll, { since: 0 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => hub.read("many", many.poll, { since: 0 })));
    expect(many.polls).toHaveLength(one.polls.length);
    expect(answers.every((a) => a.map((l) => l.message).join() === "a")).toBe(true);

    // Within the interval nobody polls again; after it, one poll serves all twenty.
    many.stored.push(line(2000, "b"));
    await Promise.all(Array.from({ length: 20 }, () => hub.read("many", many.poll, { since: 0 })));
    expect(many.polls).toHaveLength(1);
    now = 1000;
    const next = await Promise.all(Array.from({ length: 20 }, () => hub.read("many", many.poll, { since: 0, cursor: tailCursor(line(1000, "a")) })));
    expect(many.polls).toEqual([0, 1000]);
    expect(next.every((a) => a.map((l) => l.message).join() === "b")).toBe(true);
  });

  it("keeps each line once although polls overlap in time, and forgets idle tails", async () => {
    let now = 0;
    const hub = new LogTailHub(() => now, 1000);
    const s = source();
    s.stored.push(line(1000, "a2"));
    await hub.read("k", s.poll, { since: 0 });
    now = 1000;
    const again = await hub.read("k", s.poll, { since: 0 });
    expect(again.map((l) => l.eventId)).toEqual(["a", "a2"]);
    expect(hub.size).toBe(1);
    now = 40_000;
    await hub.read("other", s.poll, { since: 0 });
    expect(hub.size).toBe(1);
  });
});
