import { describe, expect, it } from "vitest";
import { countBySeverity, groupFindings, severityRank, SEVERITY_ORDER } from "./group-findings";
import type { Finding, ResourceKind, Severity } from "./types";

const finding = (severity: Severity, kind: ResourceKind, id: string, name: string, ruleId = `${severity}-rule`): Finding =>
  ({ ruleId, severity, message: ruleId, path: [], resource: { kind, id, name } });

describe("group-findings", () => {
  it("ranks error before warning before info", () => {
    expect(SEVERITY_ORDER).toEqual(["error", "warning", "info"]);
    expect(severityRank("error")).toBeLessThan(severityRank("warning"));
    expect(severityRank("warning")).toBeLessThan(severityRank("info"));
  });

  it("counts every severity, zero included", () => {
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
    expect(countBySeverity([finding("info", "service", "s", "web"), finding("error", "service", "s", "web"), finding("info", "cluster", "c", "main")]))
      .toEqual({ error: 1, warning: 0, info: 2 });
  });

  it("groups by resource, worst resource first (then by name), each group worst first", () => {
    const groups = groupFindings([
      finding("info", "cluster", "c1", "main"),
      finding("warning", "service", "s1", "web"),
      finding("info", "service", "s1", "web"),
      finding("error", "service", "s1", "web"),
      finding("warning", "taskDefinition", "t1", "api"),
      // Same name, other kind: a group of its own.
      finding("warning", "taskDefinition", "c1", "main"),
    ]);
    expect(groups.map((g) => g.key)).toEqual(["service:s1", "taskDefinition:t1", "taskDefinition:c1", "cluster:c1"]);
    expect(groups[0]).toMatchObject({ kind: "service", id: "s1", name: "web" });
    expect(groups[0].findings.map((f) => f.severity)).toEqual(["error", "warning", "info"]);
  });
});
