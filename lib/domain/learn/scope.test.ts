import { describe, expect, it } from "vitest";
import { scopeToCurrentServices } from "./scope";
import { running, service, snapshot, task } from "./test/snapshots";

describe("scopeToCurrentServices", () => {
  it("keeps tasks of the current service and one-off tasks, drops earlier incarnations and deleted services", () => {
    const current = running("web", { createdAt: 200 as unknown as Date });
    const old = task("web", { lastStatus: "STOPPED", desiredStatus: "STOPPED", createdAt: 50 as unknown as Date });
    const gone = running("api", { createdAt: 300 as unknown as Date });
    const oneOff = task("x", { group: "family:batch" });
    const s = snapshot([service("web", { createdAt: new Date(100_000) }), service("api", { status: "DRAINING" })], [current, old, gone, oneOff]);
    expect(scopeToCurrentServices(s).tasks).toEqual([current, oneOff]);
  });
});
