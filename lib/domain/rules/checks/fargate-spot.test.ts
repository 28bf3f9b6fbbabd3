import { describe, expect, it } from "vitest";
import { fargateSpot } from "./fargate-spot";
import { launchTypeCompatibility } from "./launch-type-compatibility";
import { buildIndex } from "../engine";
import { cluster, design, service, td } from "../test-helpers";

const index = buildIndex(design());
const SPOT_MIX = [{ capacityProvider: "FARGATE", weight: 1, base: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }];
const fargateTd = (runtimePlatform?: { operatingSystemFamily?: string; cpuArchitecture?: string }) =>
  td({ requiresCompatibilities: ["FARGATE"], ...(runtimePlatform ? { runtimePlatform } : {}) } as Parameters<typeof td>[0]);
const spotCluster = cluster({ capacityProviders: ["FARGATE", "FARGATE_SPOT"] });

describe("fargate-spot", () => {
  it("accepts Linux X86_64 (and an unset platform, which is Linux X86_64) on Spot", () => {
    for (const t of [fargateTd(), fargateTd({ operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" })]) {
      expect(fargateSpot.check(service({ capacityProviderStrategy: SPOT_MIX }), { index, taskDefinition: t, cluster: spotCluster })).toEqual([]);
    }
  });

  it("rejects ARM64 on Spot and offers the strategy without Spot", () => {
    const [f] = fargateSpot.check(service({ capacityProviderStrategy: SPOT_MIX }), { index, taskDefinition: fargateTd({ operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" }), cluster: spotCluster });
    expect(f.path).toEqual(["capacityProviderStrategy", 1, "capacityProvider"]);
    expect(f.message).toContain("only Linux tasks on X86_64");
    expect(f.fix?.edits).toEqual([{ path: ["capacityProviderStrategy"], value: [SPOT_MIX[0]] }]);
  });

  it("rejects Windows on a Spot-only strategy and offers FARGATE", () => {
    const [f] = fargateSpot.check(service({ capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] }),
      { index, taskDefinition: fargateTd({ operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "X86_64" }), cluster: spotCluster });
    expect(f.message).toContain("does not run Windows containers");
    expect(f.fix?.edits).toEqual([{ path: ["capacityProviderStrategy"], value: [{ capacityProvider: "FARGATE", weight: 1 }] }]);
  });

  it("checks the cluster's default strategy when the service has neither launch type nor strategy", () => {
    const c = cluster({ capacityProviders: ["FARGATE_SPOT"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] });
    const [f] = fargateSpot.check(service({}), { index, taskDefinition: fargateTd({ cpuArchitecture: "ARM64" }), cluster: c });
    expect(f.message).toMatch(/^The default capacity provider strategy of cluster/);
    expect(f.fix?.edits).toBeUndefined();
    expect(fargateSpot.check(service({ launchType: "FARGATE" }), { index, taskDefinition: fargateTd({ cpuArchitecture: "ARM64" }), cluster: c })).toEqual([]);
  });

  it("wants platform version 1.3.0 or later", () => {
    const out = fargateSpot.check(service({ capacityProviderStrategy: SPOT_MIX, platformVersion: "1.2.0" }), { index, taskDefinition: fargateTd(), cluster: spotCluster });
    expect(out.map((f) => f.path)).toEqual([["platformVersion"]]);
    expect(fargateSpot.check(service({ capacityProviderStrategy: SPOT_MIX, platformVersion: "1.4.0" }), { index, taskDefinition: fargateTd(), cluster: spotCluster })).toEqual([]);
  });

  it("a strategy holds at most 20 providers", () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ capacityProvider: `asg-${i}`, weight: 1 }));
    const c = cluster({ capacityProviders: many.map((m) => m.capacityProvider) });
    const out = launchTypeCompatibility.check(service({ capacityProviderStrategy: many }), { index, taskDefinition: td(), cluster: c });
    expect(out.map((f) => f.message)).toContain("A capacity provider strategy can contain at most 20 capacity providers; this one lists 21.");
  });
});
