import { describe, expect, it } from "vitest";
import { designNames } from "./design-names";
import { buildIndex } from "../engine";
import { cluster, design, service, td } from "../test-helpers";

describe("design-names", () => {
  it("accepts distinct valid names; the same service name may repeat in another cluster", () => {
    const d = design({
      clusters: [cluster(), cluster({ id: "cl-2", clusterName: "batch" })],
      taskDefinitions: [td()],
      services: [service(), service({ id: "svc-2", cluster: "batch" })],
    });
    expect(designNames.check(buildIndex(d))).toEqual([]);
  });
  it("rejects invalid names and offers a cleaned one", () => {
    const d = design({ clusters: [cluster({ clusterName: "my cluster!" })], services: [service({ serviceName: "" })] });
    const out = designNames.check(buildIndex(d));
    expect(out.map((f) => f.path)).toEqual([["clusters", 0, "clusterName"], ["services", 0, "serviceName"]]);
    expect(out[0].fix?.edits).toEqual([{ path: ["clusters", 0, "clusterName"], value: "my-cluster" }]);
    expect(out[1].fix?.edits).toBeUndefined();
  });
  it("rejects duplicates: clusters, families, services in one cluster, ids", () => {
    const d = design({
      clusters: [cluster(), cluster({ id: "cl-2" })],
      taskDefinitions: [td(), td({ id: "td-2" })],
      services: [service(), service({ id: "svc-1" })],
    });
    const out = designNames.check(buildIndex(d));
    expect(out.map((f) => [f.resource.kind, f.path])).toEqual([
      ["cluster", ["clusters", 1, "clusterName"]],
      ["taskDefinition", ["taskDefinitions", 1, "family"]],
      ["service", ["services", 1, "id"]],
      ["service", ["services", 1, "serviceName"]],
    ]);
    expect(out[0].fix?.edits).toEqual([{ path: ["clusters", 1, "clusterName"], value: "main-2" }]);
    expect(out[2].fix?.edits).toEqual([{ path: ["services", 1, "id"], value: "svc-1-2" }]);
    expect(out[3].message).toContain("not idempotent");
  });
});
