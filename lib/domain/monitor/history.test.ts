import { describe, expect, it } from "vitest";
import { HistoryQuerySchema, timeline, toCsv } from "./history";
import { stepPaths } from "./chart";
import { toView } from "./snapshot-view";
import { service, task } from "./fixtures";

describe("history", () => {
  it("parses filters with defaults and rejects bad dates", () => {
    expect(HistoryQuerySchema.parse({})).toMatchObject({ kind: "events", limit: 500 });
    expect(HistoryQuerySchema.safeParse({ from: "yesterday" }).success).toBe(false);
    expect(HistoryQuerySchema.parse({ kind: "tasks", stopReason: "out-of-memory", limit: "20" })).toMatchObject({ limit: 20 });
  });

  it("writes RFC 4180 CSV", () => {
    expect(toCsv([{ a: 1, b: 'say "hi", ok' }, { a: null, b: { x: 1 } }], ["a", "b"])).toBe('a,b\r\n1,"say ""hi"", ok"\r\n,"{""x"":1}"\r\n');
  });

  it("merges events, task stops and deployments newest first", () => {
    const items = timeline({
      events: [{ createdAt: "2026-01-01T00:00:01Z", message: "(service shop) has reached a steady state." }],
      tasks: [{ observedAt: "x", stoppedAt: "2026-01-01T00:00:03Z", startedAt: null, lastStatus: "STOPPED", taskId: "abcdef0123", explanation: "OOM", stopCategory: "out-of-memory" }],
      deployments: [{ updatedAt: "2026-01-01T00:00:02Z", deploymentId: "d1", rolloutState: "FAILED", status: "PRIMARY", rolloutStateReason: "breaker", failedTasks: 3 }],
    });
    expect(items.map((i) => [i.kind, i.tone])).toEqual([["task", "bad"], ["deployment", "bad"], ["event", "good"]]);
  });

  it("draws running and desired as step lines", () => {
    const g = stepPaths([{ at: "2026-01-01T00:00:00Z", desired: 2, running: 0 }, { at: "2026-01-01T00:00:10Z", desired: 2, running: 2 }], { width: 100, height: 50, to: Date.parse("2026-01-01T00:00:20Z") });
    expect(g.maxY).toBe(2);
    expect(g.running).toBe("M0.0,50.0 H50.0 V0.0 H100.0");
    expect(g.desired).toBe("M0.0,0.0 H50.0 V0.0 H100.0");
  });

  it("marks a view stale when the data is older than three intervals", () => {
    const snapshot = { cluster: "prod", takenAt: "2026-01-01T00:00:00Z", services: [service()], tasks: [task()] };
    expect(toView({ envId: "e", cluster: "prod", snapshot, now: new Date("2026-01-01T00:00:05Z"), intervalMs: 2000 }).stale).toBe(false);
    const old = toView({ envId: "e", cluster: "prod", snapshot, now: new Date("2026-01-01T00:01:00Z"), intervalMs: 2000, error: "ECONNREFUSED" });
    expect(old).toMatchObject({ stale: true, unreachable: true });
    expect(old.services[0].health.level).toBe("healthy");
  });
});
