import { describe, expect, it } from "vitest";
import { schedulingStrategy } from "./scheduling-strategy";
import { buildIndex } from "../engine";
import { cluster, design, service } from "../test-helpers";

const ctx = { index: buildIndex(design()), cluster: cluster() };

describe("scheduling-strategy", () => {
  it("accepts a REPLICA service with tasks and an EC2 daemon without a count", () => {
    expect(schedulingStrategy.check(service({ desiredCount: 2 }), ctx)).toEqual([]);
    expect(schedulingStrategy.check(service({ schedulingStrategy: "DAEMON", launchType: "EC2", desiredCount: undefined }), ctx)).toEqual([]);
  });
  it("rejects DAEMON on Fargate, with a desired count or a placement strategy", () => {
    const out = schedulingStrategy.check(service({
      schedulingStrategy: "DAEMON", launchType: "FARGATE", desiredCount: 2, placementStrategy: [{ type: "random" }],
    }), ctx);
    expect(out.map((f) => f.path)).toEqual([["schedulingStrategy"], ["desiredCount"], ["placementStrategy"]]);
    expect(out[1].fix?.edits).toEqual([{ path: ["desiredCount"], value: undefined }]);
  });
  it("warns about a REPLICA service with no tasks and rejects a negative count", () => {
    const [zero] = schedulingStrategy.check(service({ desiredCount: 0 }), ctx);
    expect(zero.severity).toBe("warning");
    expect(zero.fix?.edits).toEqual([{ path: ["desiredCount"], value: 1 }]);
    const [negative] = schedulingStrategy.check(service({ desiredCount: -1 }), ctx);
    expect(negative.severity).toBeUndefined();
  });
});
