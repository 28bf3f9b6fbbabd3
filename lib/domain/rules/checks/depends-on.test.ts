import { describe, expect, it } from "vitest";
import { dependsOn } from "./depends-on";
import { container, td } from "../test-helpers";

describe("depends-on", () => {
  it("accepts satisfiable dependencies", () => {
    expect(dependsOn.check(td({ containerDefinitions: [
      container({ dependsOn: [{ containerName: "init", condition: "SUCCESS" }, { containerName: "db", condition: "HEALTHY" }, { containerName: "log", condition: "START" }] }),
      container({ name: "init", essential: false }),
      container({ name: "db", healthCheck: { command: ["CMD", "pg_isready"] } }),
      container({ name: "log" }),
    ] }))).toEqual([]);
  });
  it("rejects unknown and self targets", () => {
    const found = dependsOn.check(td({ containerDefinitions: [container({ dependsOn: [{ containerName: "app", condition: "START" }, { containerName: "ghost", condition: "START" }] })] }));
    expect(found.map((f) => f.path)).toEqual([["containerDefinitions", 0, "dependsOn", 0, "containerName"], ["containerDefinitions", 0, "dependsOn", 1, "containerName"]]);
    expect(found[1].fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "dependsOn"], value: [{ containerName: "app", condition: "START" }] }]);
  });
  it("needs a health check for HEALTHY and a non-essential target for SUCCESS", () => {
    const found = dependsOn.check(td({ containerDefinitions: [
      container({ dependsOn: [{ containerName: "db", condition: "HEALTHY" }, { containerName: "init", condition: "SUCCESS" }] }),
      container({ name: "db" }), container({ name: "init" }),
    ] }));
    expect(found.map((f) => f.path)).toEqual([["containerDefinitions", 0, "dependsOn", 0, "condition"], ["containerDefinitions", 0, "dependsOn", 1, "condition"]]);
    expect(found[1].fix?.edits).toEqual([{ path: ["containerDefinitions", 2, "essential"], value: false }]);
  });
  it("reports a cycle once, naming it", () => {
    const found = dependsOn.check(td({ containerDefinitions: [
      container({ name: "a", dependsOn: [{ containerName: "b", condition: "START" }] }),
      container({ name: "b", dependsOn: [{ containerName: "c", condition: "START" }] }),
      container({ name: "c", dependsOn: [{ containerName: "a", condition: "START" }] }),
    ] }));
    expect(found).toHaveLength(1);
    expect(found[0].path).toEqual(["containerDefinitions", 0, "dependsOn"]);
    expect(found[0].message).toContain('"a" → "b" → "c" → "a"');
  });
});
