import { describe, expect, it } from "vitest";
import { placement } from "./placement";
import { buildIndex } from "../engine";
import { cluster, design, service } from "../test-helpers";

const ctx = { index: buildIndex(design()), cluster: cluster() };

describe("placement", () => {
  it("accepts well-formed EC2 placement", () => {
    expect(placement.check(service({
      launchType: "EC2",
      placementStrategy: [{ type: "spread", field: "attribute:ecs.availability-zone" }, { type: "binpack", field: "memory" }, { type: "random" }],
      placementConstraints: [{ type: "distinctInstance" }, { type: "memberOf", expression: "attribute:ecs.instance-type =~ t3.*" }],
    }), ctx)).toEqual([]);
  });
  it("rejects placement on Fargate", () => {
    const out = placement.check(service({ launchType: "FARGATE", placementConstraints: [{ type: "distinctInstance" }], placementStrategy: [{ type: "random" }] }), ctx);
    expect(out.map((f) => f.path)).toEqual([["placementConstraints"], ["placementStrategy"]]);
  });
  it("rejects bad fields and expressions", () => {
    const out = placement.check(service({
      launchType: "EC2",
      placementStrategy: [{ type: "binpack", field: "CPU" }, { type: "spread", field: "zone" }, { type: "random", field: "cpu" }],
      placementConstraints: [{ type: "memberOf" }, { type: "distinctInstance", expression: "x" }],
    }), ctx);
    expect(out.map((f) => f.path)).toEqual([
      ["placementStrategy", 0, "field"], ["placementStrategy", 1, "field"], ["placementStrategy", 2, "field"],
      ["placementConstraints", 0, "expression"], ["placementConstraints", 1, "expression"],
    ]);
    expect(out[0].fix?.edits).toEqual([{ path: ["placementStrategy", 0, "field"], value: "cpu" }]);
  });
  it("limits counts", () => {
    const out = placement.check(service({
      launchType: "EC2",
      placementStrategy: Array.from({ length: 6 }, () => ({ type: "random" as const })),
      placementConstraints: Array.from({ length: 11 }, () => ({ type: "distinctInstance" as const })),
    }), ctx);
    expect(out.map((f) => f.path)).toEqual([["placementConstraints"], ["placementStrategy"]]);
  });
});
