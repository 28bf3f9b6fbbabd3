import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { callsPerRefresh, minIntervalMs, totalCalls } from "./call-budget";
import { FAST_MS, MAX_BACKOFF_MS, SLOW_MS, isBusy, pollInterval } from "./poll-interval";
import { service, task } from "./fixtures";

describe("calls per refresh", () => {
  it("is ceil(S/10) DescribeServices + ceil(T/100) DescribeTasks + list pages", () => {
    expect(callsPerRefresh(100, 1000)).toEqual({ ListServices: 1, DescribeServices: 10, ListTasks: 10 + 1, DescribeTasks: 10 });
    expect(callsPerRefresh(0, 0)).toEqual({ ListServices: 1, DescribeServices: 0, ListTasks: 2, DescribeTasks: 0 });
    expect(callsPerRefresh(11, 150, 101)).toEqual({ ListServices: 1, DescribeServices: 2, ListTasks: 2 + 1, DescribeTasks: 2 });
  });

  it("grows by exactly one call per started batch (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 20000 }), (s, t) => {
      const c = callsPerRefresh(s, t);
      expect(c.DescribeServices).toBe(Math.ceil(s / 10));
      expect(c.DescribeTasks).toBe(Math.ceil(t / 100));
      expect(c.DescribeServices * 10).toBeGreaterThanOrEqual(s);
      expect((c.DescribeServices - 1) * 10).toBeLessThan(Math.max(s, 1));
      expect(totalCalls(c)).toBe(c.ListServices + c.DescribeServices + c.ListTasks + c.DescribeTasks);
    }));
  });
});

describe("poll interval", () => {
  const steady = { services: [service()], tasks: [task()] };
  it("is fast while a deployment is in progress or tasks are pending, slow when steady", () => {
    expect(isBusy(steady)).toBe(false);
    expect(pollInterval({ snapshot: steady })).toBe(SLOW_MS);
    expect(pollInterval({ snapshot: { ...steady, tasks: [task({ lastStatus: "PENDING" })] } })).toBe(FAST_MS);
    const rolling = { ...steady, services: [service({ deployments: [{ id: "d", status: "PRIMARY", desiredCount: 2, runningCount: 1, pendingCount: 0, failedTasks: 0, rolloutState: "IN_PROGRESS" }] })] };
    expect(pollInterval({ snapshot: rolling })).toBe(FAST_MS);
    expect(pollInterval({})).toBe(FAST_MS);
    expect(pollInterval({ snapshot: steady, slowMs: 5_000 })).toBe(5_000);
    expect(pollInterval({ snapshot: steady, slowMs: 10 })).toBe(FAST_MS);
  });

  it("never asks ECS for more than the monitor's share of the sustained rate (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 50000 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), (s, t, clusters, busy) => {
      const calls = callsPerRefresh(s, t);
      const snapshot = busy ? { services: [], tasks: [task({ lastStatus: "PENDING" })] } : steady;
      const ms = pollInterval({ snapshot, calls, clusters });
      const perSecond = ((calls.ListTasks + calls.DescribeTasks) * clusters) / (ms / 1000);
      expect(perSecond).toBeLessThanOrEqual(20 * 0.25 + 1e-9);
      expect(ms).toBeGreaterThanOrEqual(minIntervalMs(calls, clusters));
    }));
  });

  it("backs off exponentially on throttling, up to a ceiling", () => {
    expect(pollInterval({ snapshot: steady, throttled: 1 })).toBe(SLOW_MS * 2);
    expect(pollInterval({ snapshot: steady, throttled: 10 })).toBe(MAX_BACKOFF_MS);
  });
});
