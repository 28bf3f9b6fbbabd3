import { describe, expect, it } from "vitest";
import { launchTypeCompatibility } from "./launch-type-compatibility";
import { buildIndex } from "../engine";
import { cluster, design, service, td } from "../test-helpers";

const index = buildIndex(design());

describe("launch-type-compatibility", () => {
  it("accepts a Fargate service on a Fargate task definition", () => {
    const t = td({ requiresCompatibilities: ["FARGATE"] });
    expect(launchTypeCompatibility.check(service({ launchType: "FARGATE" }), { index, taskDefinition: t, cluster: cluster() })).toEqual([]);
  });
  it("accepts a strategy of providers the cluster lists", () => {
    const c = cluster({ capacityProviders: ["FARGATE", "FARGATE_SPOT"] });
    const s = service({ capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1, base: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }] });
    expect(launchTypeCompatibility.check(s, { index, taskDefinition: td({ requiresCompatibilities: ["FARGATE"] }), cluster: c })).toEqual([]);
  });
  it("rejects FARGATE when requiresCompatibilities is omitted (EC2 only) and offers EC2", () => {
    const [f] = launchTypeCompatibility.check(service({ launchType: "FARGATE" }), { index, taskDefinition: td(), cluster: cluster() });
    expect(f.path).toEqual(["launchType"]);
    expect(f.message).toContain("does not support launch_type FARGATE");
    expect(f.fix?.edits).toEqual([{ path: ["launchType"], value: "EC2" }]);
  });
  it("rejects a strategy provider the cluster does not list", () => {
    const s = service({ capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] });
    const out = launchTypeCompatibility.check(s, {
      index, taskDefinition: td({ requiresCompatibilities: ["FARGATE"] }), cluster: cluster({ capacityProviders: ["FARGATE"] }),
    });
    expect(out.map((f) => f.path)).toEqual([["capacityProviderStrategy", 0, "capacityProvider"]]);
  });
  it("rejects Fargate and Auto Scaling group providers in one strategy", () => {
    const s = service({ capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }, { capacityProvider: "asg", weight: 1 }] });
    const out = launchTypeCompatibility.check(s, {
      index, taskDefinition: td({ requiresCompatibilities: ["FARGATE", "EC2"] }), cluster: cluster({ capacityProviders: ["FARGATE", "asg"] }),
    });
    expect(out.map((f) => f.path)).toEqual([["capacityProviderStrategy"]]);
  });
  it("says (info) when the service falls back to EC2", () => {
    const [f] = launchTypeCompatibility.check(service(), { index, taskDefinition: td(), cluster: cluster() });
    expect(f.severity).toBe("info");
  });
  it("follows the cluster's default strategy", () => {
    const c = cluster({ capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }] });
    const [f] = launchTypeCompatibility.check(service(), { index, taskDefinition: td(), cluster: c });
    expect(f.message).toContain("default capacity provider strategy");
  });
});
