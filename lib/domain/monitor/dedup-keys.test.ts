import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deploymentKey, eventKey, taskStateKey } from "./dedup-keys";
import { recordsOf, changedSamples } from "./records";
import { service, stopped, task } from "./fixtures";

describe("de-duplication keys", () => {
  it("keys an event by its service and id only", () => {
    expect(eventKey("svc", { id: "e1" })).toBe(eventKey("svc", { id: "e1" }));
    expect(eventKey("svc", { id: "e1" })).not.toBe(eventKey("other", { id: "e1" }));
  });

  it("keys a task state by ARN, status and version, falling back to the newest timestamp", () => {
    expect(taskStateKey(task({ version: 3 }))).not.toBe(taskStateKey(task({ version: 4 })));
    expect(taskStateKey(task({ version: 3 }))).not.toBe(taskStateKey(task({ version: 3, lastStatus: "STOPPED" })));
    expect(taskStateKey(task({ version: undefined, stoppedAt: "a" }))).not.toBe(taskStateKey(task({ version: undefined, stoppedAt: "b" })));
  });

  it("keys a deployment by id, rollout state and update time", () => {
    const d = { id: "d1", status: "PRIMARY", rolloutState: "IN_PROGRESS", updatedAt: "t1" };
    expect(deploymentKey(d)).not.toBe(deploymentKey({ ...d, rolloutState: "COMPLETED" }));
    expect(deploymentKey(d)).not.toBe(deploymentKey({ ...d, updatedAt: "t2" }));
  });

  it("gives the same keys for the same snapshot, and distinct keys within one (property)", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{4,8}$/), { maxLength: 20 }), fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{4,8}$/), { maxLength: 20 }), (eventIds, taskIds) => {
      const snap = {
        cluster: "prod", takenAt: "2026-11-28T08:00:00.000Z",
        services: [service({ events: eventIds.map((id) => ({ id, createdAt: "2026-11-28T08:00:00.000Z", message: id })) })],
        tasks: taskIds.map((id, i) => (i % 2 ? task({ taskArn: `arn/${id}`, taskId: id }) : stopped({ taskArn: `arn/${id}`, taskId: id }))),
      };
      const a = recordsOf(snap);
      const b = recordsOf(structuredClone(snap));
      expect(a.events.map((e) => e.key)).toEqual(b.events.map((e) => e.key));
      expect(new Set(a.events.map((e) => e.key)).size).toBe(eventIds.length);
      expect(new Set(a.tasks.map((t) => t.key)).size).toBe(taskIds.length);
    }));
  });

  it("keeps only samples whose counts changed", () => {
    const prev = new Map([["shop", { serviceName: "shop", at: "t0", desired: 2, running: 2, pending: 0 }]]);
    const now = [{ serviceName: "shop", at: "t1", desired: 2, running: 2, pending: 0 }, { serviceName: "cart", at: "t1", desired: 1, running: 0, pending: 1 }];
    expect(changedSamples(now, prev).map((s) => s.serviceName)).toEqual(["cart"]);
  });

  it("explains stopped tasks in their records", () => {
    const r = recordsOf({ cluster: "prod", takenAt: "t", services: [], tasks: [stopped({ stopCode: "EssentialContainerExited", containers: [{ name: "app", exitCode: 137 }] })] });
    expect(r.tasks[0]).toMatchObject({ stopCategory: "out-of-memory", explanation: expect.stringMatching(/memory/) });
  });
});
