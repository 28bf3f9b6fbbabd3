import { describe, expect, it } from "vitest";
import { healthCheck } from "./health-check";
import { container, td } from "../test-helpers";

const withCheck = (hc: object) => td({ containerDefinitions: [container({ healthCheck: hc as never })] });

describe("health-check", () => {
  it("accepts a well-formed check", () => {
    expect(healthCheck.check(withCheck({ command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: 30, timeout: 5, retries: 3, startPeriod: 60 }))).toEqual([]);
    expect(healthCheck.check(withCheck({ command: ["CMD", "/bin/check"] }))).toEqual([]);
  });
  it("prefixes a command without CMD or CMD-SHELL", () => {
    const [f] = healthCheck.check(withCheck({ command: ["curl -f http://localhost/"] }));
    expect(f.path).toEqual(["containerDefinitions", 0, "healthCheck", "command"]);
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "healthCheck", "command"], value: ["CMD-SHELL", "curl -f http://localhost/"] }]);
    expect(healthCheck.check(withCheck({ command: ["CMD-SHELL"] }))[0].message).toContain("no command");
  });
  it("clamps out-of-range values", () => {
    const found = healthCheck.check(withCheck({ command: ["CMD", "x"], interval: 1, timeout: 90, retries: 0, startPeriod: 400 }));
    const errors = found.filter((f) => f.severity !== "warning");
    expect(errors.map((f) => f.fix?.edits?.[0])).toEqual([
      { path: ["containerDefinitions", 0, "healthCheck", "interval"], value: 5 },
      { path: ["containerDefinitions", 0, "healthCheck", "timeout"], value: 60 },
      { path: ["containerDefinitions", 0, "healthCheck", "retries"], value: 1 },
      { path: ["containerDefinitions", 0, "healthCheck", "startPeriod"], value: 300 },
    ]);
  });
  it("warns when the timeout is not shorter than the interval", () => {
    const [f] = healthCheck.check(withCheck({ command: ["CMD", "x"], interval: 10, timeout: 10 }));
    expect(f.severity).toBe("warning");
    expect(f.path).toEqual(["containerDefinitions", 0, "healthCheck", "timeout"]);
  });
});
