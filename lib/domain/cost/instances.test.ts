import { describe, expect, it } from "vitest";
import type { CapacityProviderDesign, Design, Service, TaskDefinition } from "../design";
import { providerLoads } from "./instances";
import { designCost } from "./model";
import { PRICE_TABLE, priceTableWith } from "./prices";

const ASG: CapacityProviderDesign = {
  id: "cp-asg", name: "asg",
  autoScalingGroupProvider: { autoScalingGroupArn: "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:0b6a2f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/web-asg" },
};
const MI: CapacityProviderDesign = {
  id: "cp-mi", name: "mi",
  managedInstancesProvider: {
    cluster: "main", infrastructureRoleArn: "arn:aws:iam::000000000000:role/ecsInfrastructureRole",
    instanceLaunchTemplate: { ec2InstanceProfileArn: "arn:aws:iam::000000000000:instance-profile/ecsInstanceRole", networkConfiguration: { subnets: ["subnet-1"] }, instanceRequirements: { vCpuCount: { min: 2, max: 4 }, memoryMiB: { min: 4096 } } },
  },
};
const td: TaskDefinition = { id: "td-web", family: "web", networkMode: "bridge", cpu: "1024", memory: "2048", containerDefinitions: [{ name: "app", image: "nginx:1.27" }] };
const svc = (over: Partial<Service> = {}): Service => ({
  id: "svc-web", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 3,
  capacityProviderStrategy: [{ capacityProvider: "asg", weight: 1 }], autoScaling: { minCapacity: 2, maxCapacity: 6 }, ...over,
});
const design = (over: Partial<Design> = {}): Design => ({
  schemaVersion: 1, clusters: [{ id: "cl-main", clusterName: "main", capacityProviders: ["asg", "mi"] }], capacityProviders: [ASG, MI],
  taskDefinitions: [td], services: [svc()], layout: {}, ...over,
});
const bounds = (s: Service) => ({ min: s.autoScaling?.minCapacity, max: s.autoScaling?.maxCapacity });
const cents = (n: number) => Math.round(n * 100) / 100;

describe("capacity providers' instances in the cost model", () => {
  it("collects per provider the tasks at desired, min and max, whole tasks of a strategy's share", () => {
    const loads = providerLoads(design({ services: [svc({ capacityProviderStrategy: [{ capacityProvider: "asg", weight: 1 }, { capacityProvider: "mi", weight: 1 }] })] }), bounds);
    expect(loads.map((l) => [l.provider, l.kind, l.tasks[0].desired, l.tasks[0].min, l.tasks[0].max, l.tasks[0].cpu, l.tasks[0].memory])).toEqual([
      ["asg", "autoScalingGroup", 2, 1, 3, 1024, 2048],
      ["mi", "managedInstances", 2, 1, 3, 1024, 2048],
    ]);
    expect(loads[1].requirements).toEqual({ vCpuCount: { min: 2, max: 4 }, memoryMiB: { min: 4096 } });
    expect(providerLoads(design({ services: [svc({ launchType: "FARGATE", capacityProviderStrategy: undefined })] }), bounds)).toEqual([]);
  });

  it("prices the instances at desired count, min and max, and says what it assumed", () => {
    const c = designCost(design(), { instances: [{ provider: "asg", kind: "autoScalingGroup", instanceType: "m5.large", desired: 2, min: 1, max: 3, how: "m5.large assumed" }] });
    const line = c.shared.find((l) => l.kind === "instances")!;
    expect(line.label).toBe("EC2 m5.large for asg");
    expect(cents(line.monthly)).toBe(cents(2 * 0.096 * 730));
    expect(line.detail).toContain("2 instances (1 at the minimum, 3 at the maximum) × ($0.096/h on-demand Linux) × 730 h; m5.large assumed");
    expect(cents(c.total)).toBe(cents(2 * 0.096 * 730));
    expect(cents(c.totalAtMin)).toBe(cents(0.096 * 730));
    expect(cents(c.totalAtMax)).toBe(cents(3 * 0.096 * 730));
  });

  it("says when a Managed Instances fee or an instance type's price is missing", () => {
    const c = designCost(design(), {
      instances: [
        { provider: "mi", kind: "managedInstances", instanceType: "m5.large", desired: 1, min: 1, max: 2, how: "cheapest" },
        { provider: "asg", kind: "autoScalingGroup", instanceType: "x9.huge", desired: 1, min: 1, max: 1, how: "assumed" },
        { provider: "other", kind: "autoScalingGroup", instanceType: "m5.large", desired: 0, min: 0, max: 0, how: "", error: "600 tasks are more than the 500 the estimate places one by one" },
      ],
    });
    expect(c.shared.filter((l) => l.kind === "instances").map((l) => l.label)).toEqual(["ECS Managed Instances m5.large for mi"]);
    expect(c.unknowns).toEqual(expect.arrayContaining([
      "capacity provider mi: the ECS Managed Instances management fee for m5.large is not priced (no sourced figure for us-east-1)",
      "capacity provider asg: no price for instance type x9.huge in us-east-1: its 1 instance not priced",
      "capacity provider other: how many instances its tasks need is unknown (600 tasks are more than the 500 the estimate places one by one): not priced",
    ]));
  });

  it("names the providers whose instances it was not given", () => {
    expect(designCost(design()).unknowns).toContain("capacity provider asg: its instances are not priced here (the design page and the plan price them from the sandbox's placement)");
    expect(designCost(design(), { instances: [] }).unknowns).toContain("capacity provider asg: how many instances its tasks need is unknown (no priced instance type fits every task): not priced");
  });

  it("adds a Managed Instances management fee the table has for the type, per instance-hour", () => {
    const us = PRICE_TABLE.regions["us-east-1"];
    const table = priceTableWith([{ ...us, managedInstancesFee: { "m5.large": { usd: 0.012, source: "test figure" } } }]);
    const c = designCost(design(), { table, instances: [{ provider: "mi", kind: "managedInstances", instanceType: "m5.large", desired: 2, min: 1, max: 4, how: "cheapest" }] });
    const line = c.shared.find((l) => l.kind === "instances")!;
    expect(line.detail).toContain("($0.096/h on-demand Linux + $0.012/h Managed Instances management fee)");
    expect(cents(c.totalAtMax)).toBe(cents(4 * (0.096 + 0.012) * 730));
    expect(c.unknowns.some((u) => u.includes("management fee"))).toBe(false);
  });
});
