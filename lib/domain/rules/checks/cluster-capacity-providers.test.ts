import { describe, expect, it } from "vitest";
import { clusterCapacityProviders } from "./cluster-capacity-providers";
import { buildIndex } from "../engine";
import { cluster, design } from "../test-helpers";

const index = buildIndex(design());
const at = ["defaultCapacityProviderStrategy"];

describe("cluster-capacity-providers", () => {
  it("accepts a default strategy over the cluster's providers", () => {
    expect(clusterCapacityProviders.check(cluster({
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 4 }],
    }), index)).toEqual([]);
  });
  it("rejects unknown providers, out-of-range numbers, two bases and mixing", () => {
    const out = clusterCapacityProviders.check(cluster({
      capacityProviders: ["FARGATE", "asg"],
      defaultCapacityProviderStrategy: [
        { capacityProvider: "FARGATE", base: 2, weight: 2000 },
        { capacityProvider: "asg", base: 1, weight: 1 },
        { capacityProvider: "other", weight: 1 },
      ],
    }), index);
    expect(out.map((f) => f.path)).toEqual([
      [...at, 0, "weight"], [...at, 1, "base"], [...at, 2, "capacityProvider"], at,
    ]);
    expect(out[0].fix?.edits).toEqual([{ path: [...at, 0, "weight"], value: 1000 }]);
    expect(out[1].fix?.edits).toEqual([{ path: [...at, 1, "base"], value: undefined }]);
  });
  it("requires a positive weight when several providers are listed", () => {
    const [f] = clusterCapacityProviders.check(cluster({
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE" }, { capacityProvider: "FARGATE_SPOT" }],
    }), index);
    expect(f.fix?.edits).toEqual([{ path: [...at, 0, "weight"], value: 1 }]);
  });
});
