import { describe, expect, it } from "vitest";
import { containerTimeouts } from "./container-timeouts";
import { container, td } from "../test-helpers";

const fargate = { requiresCompatibilities: ["FARGATE" as const] };

describe("container-timeouts", () => {
  it("accepts timeouts in range", () => {
    expect(containerTimeouts.check(td({ ...fargate, containerDefinitions: [container({ stopTimeout: 120, startTimeout: 60 })] }))).toEqual([]);
    expect(containerTimeouts.check(td({ containerDefinitions: [container({ stopTimeout: 2, startTimeout: 300 })] }))).toEqual([]);
  });
  it("clamps a Fargate stopTimeout above 120 s and a stopTimeout below 2 s", () => {
    const [f] = containerTimeouts.check(td({ ...fargate, containerDefinitions: [container({ stopTimeout: 300 })] }));
    expect(f.path).toEqual(["containerDefinitions", 0, "stopTimeout"]);
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "stopTimeout"], value: 120 }]);
    expect(containerTimeouts.check(td({ containerDefinitions: [container({ stopTimeout: 1 })] }))[0].fix?.edits?.[0].value).toBe(2);
  });
  it("only warns about a long stopTimeout on EC2", () => {
    const [f] = containerTimeouts.check(td({ containerDefinitions: [container({ stopTimeout: 300 })] }));
    expect(f.severity).toBe("warning");
  });
  it("needs a positive startTimeout (2-120 s on Fargate)", () => {
    expect(containerTimeouts.check(td({ containerDefinitions: [container({ startTimeout: 0 })] }))[0].path).toEqual(["containerDefinitions", 0, "startTimeout"]);
    expect(containerTimeouts.check(td({ ...fargate, containerDefinitions: [container({ startTimeout: 600 })] }))[0].fix?.edits?.[0].value).toBe(120);
  });
});
