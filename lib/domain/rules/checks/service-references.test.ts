import { describe, expect, it } from "vitest";
import { serviceReferences } from "./service-references";
import { buildIndex } from "../engine";
import { cluster, design, service, td } from "../test-helpers";

describe("service-references", () => {
  it("accepts references to the design's cluster and family (with a revision)", () => {
    const d = design({ clusters: [cluster()], taskDefinitions: [td()], services: [service({ taskDefinition: "web:3" })] });
    expect(serviceReferences.check(buildIndex(d))).toEqual([]);
  });
  it("rejects dangling names and suggests the match", () => {
    const d = design({
      clusters: [cluster()], taskDefinitions: [td(), td({ id: "td-2", family: "api" })],
      services: [service({ cluster: "Main", taskDefinition: "worker" })],
    });
    const out = serviceReferences.check(buildIndex(d));
    expect(out.map((f) => [f.severity, f.path])).toEqual([
      ["error", ["services", 0, "cluster"]], ["error", ["services", 0, "taskDefinition"]],
    ]);
    expect(out[0].fix?.edits).toEqual([{ path: ["services", 0, "cluster"], value: "main" }]);
    expect(out[0].resource).toEqual({ kind: "service", id: "svc-1", name: "web" });
    expect(out[1].fix?.edits).toBeUndefined();
  });
  it("reports ARNs outside the design as info", () => {
    const d = design({
      services: [service({
        cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
        taskDefinition: "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7",
      })],
    });
    const out = serviceReferences.check(buildIndex(d));
    expect(out.map((f) => f.severity)).toEqual(["info", "info"]);
  });
});

describe("service-references with empty references", () => {
  it("says plainly that the service has no task definition or cluster yet", () => {
    const idx = buildIndex(design({ clusters: [], taskDefinitions: [], services: [service({ cluster: "", taskDefinition: "" })] }));
    const messages = serviceReferences.check(idx).map((f) => f.message);
    expect(messages.some((m) => m.startsWith("The service runs no task definition yet"))).toBe(true);
    expect(messages.some((m) => m.startsWith("The service is in no cluster"))).toBe(true);
  });
});
