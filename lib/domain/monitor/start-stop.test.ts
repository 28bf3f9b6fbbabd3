import { describe, expect, it } from "vitest";
import { startStopBuckets, taskActivity } from "./chart";

const t = (s: number) => new Date(Date.UTC(2026, 10, 28, 9, 0, s)).toISOString();

describe("startStopBuckets", () => {
  it("counts each task's start and stop once, in the bucket of its time", () => {
    const rows = [
      { taskId: "a", startedAt: t(5), stoppedAt: null },
      { taskId: "a", startedAt: t(5), stoppedAt: t(55) }, // the same task seen again when it stopped
      { taskId: "b", startedAt: t(58), stoppedAt: null },
      { taskId: "c", startedAt: null, stoppedAt: t(20) }, // failed to start
    ];
    const b = startStopBuckets(rows, { from: Date.parse(t(0)), to: Date.parse(t(60)), buckets: 6 });
    expect(b.map((x) => x.started)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(b.map((x) => x.stopped)).toEqual([0, 0, 1, 0, 0, 1]);
    expect(b[0]).toMatchObject({ from: t(0), to: t(10) });
  });
  it("is empty without any times", () => {
    expect(startStopBuckets([{ taskId: "a", startedAt: null, stoppedAt: null }], { to: Date.now() })).toEqual([]);
  });
});

describe("taskActivity", () => {
  it("keeps each task once, its rows filling each other's gaps", () => {
    expect(taskActivity([
      { taskId: "a", startedAt: t(5), stoppedAt: null },
      { taskId: "a", startedAt: null, stoppedAt: t(55), stoppedReason: "Task stopped by user" },
      { taskId: "b", startedAt: null, stoppedAt: null },
    ])).toEqual([{ taskId: "a", startedAt: t(5), stoppedAt: t(55), stoppedReason: "Task stopped by user" }, { taskId: "b" }]);
  });
});
