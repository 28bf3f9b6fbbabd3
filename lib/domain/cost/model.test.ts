import { describe, expect, it } from "vitest";
import type { Design, Service, TaskDefinition } from "../design";
import { designCost, monthly, serviceCost, splitByStrategy } from "./model";
import { PRICE_TABLE, priceTableWith } from "./prices";

const td = (over: Partial<TaskDefinition> = {}): TaskDefinition => ({
  id: "td-web", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
  containerDefinitions: [{ name: "app", image: "nginx:1.27" }], ...over,
});
const svc = (over: Partial<Service> = {}): Service => ({ id: "svc-web", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE", ...over });
const design = (over: Partial<Design> = {}): Design => ({
  schemaVersion: 1, clusters: [{ id: "cl-main", clusterName: "main" }], taskDefinitions: [td()], services: [svc()], layout: {}, ...over,
});
const cents = (n: number) => Math.round(n * 100) / 100;

describe("cost model (us-east-1, prices read 2026-12-07)", () => {
  it("prices a 0.25 vCPU / 0.5 GB Linux x86 Fargate task all month at $9.01 ($0.04048/vCPU-h, $0.004445/GB-h, 730 h)", () => {
    const c = designCost(design());
    expect(cents(c.total)).toBe(9.01);
    expect(monthly(c.total)).toBe("$9.01/mo");
    expect(c.services[0].lines).toEqual([expect.objectContaining({ kind: "compute", label: "Fargate Linux x86" })]);
    expect(c.assumptions[0]).toContain("730 hours a month, on-demand prices of us-east-1 read 2026-12-07");
  });

  it("uses the ARM and Windows rates, the Windows OS licence fee included", () => {
    const arm = designCost(design({ taskDefinitions: [td({ cpu: "1024", memory: "2048", runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" } })] }));
    expect(cents(arm.total)).toBe(cents((0.03238 + 2 * 0.00356) * 730));
    const win = designCost(design({ taskDefinitions: [td({ cpu: "1024", memory: "2048", runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } })] }));
    expect(cents(win.total)).toBe(cents((0.09148 + 0.046 + 2 * 0.01005) * 730));
  });

  it("adds ephemeral storage above 20 GiB and a public IPv4 address per task with assignPublicIp ENABLED", () => {
    const c = designCost(design({
      taskDefinitions: [td({ ephemeralStorage: { sizeInGiB: 50 } })],
      services: [svc({ desiredCount: 2, networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"], assignPublicIp: "ENABLED" } } })],
    }));
    const byKind = Object.fromEntries(c.services[0].lines.map((l) => [l.kind, l.monthly]));
    expect(cents(byKind.storage)).toBe(cents(2 * 30 * 0.000111 * 730));
    expect(cents(byKind.ipv4)).toBe(cents(2 * 0.005 * 730));
  });

  it("splits a FARGATE + FARGATE_SPOT strategy by base, then weight, and prices Spot at its published maximum discount", () => {
    expect(Object.fromEntries(splitByStrategy([{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }], 5)))
      .toEqual({ FARGATE: 2, FARGATE_SPOT: 3 });
    const s = svc({ launchType: undefined, desiredCount: 5, capacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }] });
    const c = serviceCost(s, design({ services: [s] }));
    const task = 0.25 * 0.04048 + 0.5 * 0.004445;
    expect(cents(c.monthly)).toBe(cents((2 * task + 3 * task * 0.3) * 730));
    expect(c.mix).toContain("2 on FARGATE, 3 on FARGATE_SPOT");
    expect(c.assumptions.join(" ")).toMatch(/FARGATE_SPOT at 70% off.*varies/);
  });

  it("leaves out a FARGATE_SPOT share of an ARM task (Spot runs only Linux x86_64), naming it", () => {
    const s = svc({ launchType: undefined, desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 1 }] });
    const c = serviceCost(s, design({ services: [s], taskDefinitions: [td({ runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" } })] }));
    expect(cents(c.monthly)).toBe(cents((0.25 * 0.03238 + 0.5 * 0.00356) * 730));
    expect(c.unknowns.join(" ")).toContain("Fargate Spot runs only Linux x86_64 tasks, not Linux ARM (Graviton)");
  });

  it("prices at the scaling minimum and maximum when given", () => {
    const c = designCost(design(), { capacity: { "svc-web": { min: 0, max: 4 } } });
    expect(c.services[0].atMin).toBe(0);
    expect(cents(c.totalAtMax)).toBe(cents(4 * (0.25 * 0.04048 + 0.5 * 0.004445) * 730));
  });

  it("prices at the design's own autoScaling minCapacity and maxCapacity when no bounds are given", () => {
    const c = designCost(design({ services: [svc({ desiredCount: 2, autoScaling: { minCapacity: 1, maxCapacity: 6 } })] }));
    const task = (0.25 * 0.04048 + 0.5 * 0.004445) * 730;
    expect(c.services[0]).toMatchObject({ min: 1, max: 6 });
    expect([cents(c.totalAtMin), cents(c.total), cents(c.totalAtMax)]).toEqual([cents(task), cents(2 * task), cents(6 * task)]);
    // Bounds given (the live scalable target) win over the design's.
    expect(designCost(design({ services: [svc({ autoScaling: { minCapacity: 1, maxCapacity: 6 } })] }), { capacity: { "svc-web": { min: 2, max: 3 } } }).services[0]).toMatchObject({ min: 2, max: 3 });
    expect(designCost(design()).services[0].min).toBeUndefined();
  });

  it("prices load balancers hourly plus the assumed LCUs and their public IPv4 addresses", () => {
    const c = designCost(design({ loadBalancers: [{ id: "lb", name: "front", type: "application", scheme: "internet-facing", subnets: ["a", "b", "c"] }] }));
    expect(cents(c.shared[0].monthly)).toBe(cents((0.0225 + 0.008 + 3 * 0.005) * 730));
    expect(c.assumptions.join(" ")).toContain("1 LCU/NLCU per load balancer");
    const nlb = designCost(design({ loadBalancers: [{ id: "lb", name: "inner", type: "network", scheme: "internal" }] }), { lcuPerLoadBalancer: 2 });
    expect(cents(nlb.shared[0].monthly)).toBe(cents((0.0225 + 2 * 0.006) * 730));
  });

  it("prices a cluster's declared EC2 instances by type and names what it cannot price", () => {
    const c = designCost(design({
      clusters: [{ id: "cl-main", clusterName: "main", instances: [
        { id: "i1", instanceType: "m5.large", cpu: 2048, memory: 7680 }, { id: "i2", instanceType: "m5.large", cpu: 2048, memory: 7680 },
        { id: "i3", instanceType: "x9.mega", cpu: 2048, memory: 7680 }, { id: "i4", cpu: 2048, memory: 7680 },
      ] }],
      taskDefinitions: [td({ cpu: undefined, memory: undefined, requiresCompatibilities: ["EC2"] })],
      services: [svc({ launchType: "EC2" })],
    }));
    expect(c.shared).toEqual([expect.objectContaining({ kind: "instances", label: "EC2 m5.large in main" })]);
    expect(cents(c.total)).toBe(cents(2 * 0.096 * 730));
    expect(c.unknowns.join("\n")).toMatch(/x9\.mega/);
    expect(c.unknowns.join("\n")).toMatch(/i4 has no instanceType/);
    expect(c.unknowns.join("\n")).toMatch(/no cpu or memory .* on EC2/);
  });

  it("says so for a Region the table does not have, and prices nothing", () => {
    const c = designCost(design(), { region: "ap-south-2" });
    expect(c.regionKnown).toBe(false);
    expect(c.total).toBe(0);
    expect(c.unknowns[0]).toContain("no prices for Region ap-south-2");
  });

  it("ships a dated table with a source on every price", () => {
    expect(PRICE_TABLE.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const r = PRICE_TABLE.regions["us-east-1"];
    const sources = [r.fargate.linuxX86?.vcpuHour, r.alb?.hour, r.nlb?.nlcuHour, r.publicIpv4Hour, r.ephemeralStorage.gbHour, ...Object.values(r.ec2)].map((p) => p?.source);
    for (const s of sources) expect(s).toMatch(/^https:\/\//);
  });
});

describe("the other shipped Regions (read 2026-12-08, only what could be sourced)", () => {
  it("prices the same 0.25 vCPU / 0.5 GB task at each Region's own rates, with the Region's date", () => {
    const task = (vcpu: number, gb: number) => cents((0.25 * vcpu + 0.5 * gb) * 730);
    expect(cents(designCost(design(), { region: "eu-west-1" }).total)).toBe(9.01);
    expect(cents(designCost(design(), { region: "us-west-2" }).total)).toBe(9.01);
    const frankfurt = designCost(design(), { region: "eu-central-1" });
    expect(cents(frankfurt.total)).toBe(task(0.04656, 0.00511));
    expect(cents(frankfurt.total)).toBe(10.36);
    expect(frankfurt.priceDate).toBe("2026-12-08");
    expect(frankfurt.assumptions[0]).toContain("on-demand prices of eu-central-1 read 2026-12-08");
  });

  it("names what a Region's table leaves out instead of guessing it", () => {
    const sydney = designCost(design(), { region: "ap-southeast-2" });
    expect(sydney.regionKnown).toBe(true);
    expect(sydney.total).toBe(0);
    expect(sydney.unknowns.join(" ")).toContain("no Fargate Linux x86 price for ap-southeast-2 in the table");
    const arm = designCost(design({ taskDefinitions: [td({ runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" } })] }), { region: "eu-central-1" });
    expect(arm.unknowns.join(" ")).toContain("no Fargate Linux ARM (Graviton) price for eu-central-1");
    const lb = designCost(design({ loadBalancers: [{ id: "lb-1", name: "front", type: "application" }] }), { region: "eu-west-1" });
    expect(lb.shared).toEqual([]);
    expect(lb.unknowns.join(" ")).toContain("load balancer front: no Application Load Balancer price for eu-west-1");
    const storage = designCost(design({ taskDefinitions: [td({ ephemeralStorage: { sizeInGiB: 50 } })] }), { region: "eu-west-1" });
    expect(storage.unknowns.join(" ")).toContain("no ephemeral storage price for eu-west-1");
    expect(cents(storage.total)).toBe(9.01);
  });

  it("uses a refreshed Region instead of the shipped one when it is at least as new", () => {
    const refreshed = { ...PRICE_TABLE.regions["ap-southeast-2"], date: "2026-12-20", fargate: { linuxX86: { vcpuHour: { usd: 0.05, source: "refresh" }, gbHour: { usd: 0.005, source: "refresh" } } } };
    const table = priceTableWith([refreshed]);
    const c = designCost(design(), { region: "ap-southeast-2", table });
    expect(cents(c.total)).toBe(cents((0.25 * 0.05 + 0.5 * 0.005) * 730));
    expect(c.priceDate).toBe("2026-12-20");
    expect(priceTableWith([{ ...refreshed, date: "2026-01-01" }]).regions["ap-southeast-2"]).toBe(PRICE_TABLE.regions["ap-southeast-2"]);
    expect(table.regions["us-east-1"]).toBe(PRICE_TABLE.regions["us-east-1"]);
  });
});
