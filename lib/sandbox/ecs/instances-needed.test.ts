import { describe, expect, it } from "vitest";
import { instancesForTasks, MAX_TASKS_PLACED, providerInstanceNeeds, type TasksToPlace } from "./instances-needed";

// The instance counts the cost model prices come from the sandbox's own placement: they must
// match what the providers launch (managed-capacity.test.ts: 5 tasks of 1 vCPU / 2 GB want 3 m5.large).

const web = (over: Partial<TasksToPlace> = {}): TasksToPlace => ({
  serviceName: "web", cpu: 1024, memory: 2048, td: { networkMode: "awsvpc", containerDefinitions: [{ name: "app", image: "nginx" }] },
  constraints: [], strategies: [{ type: "binpack", field: "memory" }], count: 5, ...over,
});

describe("instances a provider needs, from the sandbox's placement", () => {
  it("5 tasks of 1 vCPU / 2 GB binpacked by memory need 3 m5.large (2048 cpu units each)", () => {
    expect(instancesForTasks([web()], "m5.large")).toEqual({ instances: 3 });
    expect(instancesForTasks([web({ count: 0 })], "m5.large")).toEqual({ instances: 0 });
    expect(instancesForTasks([web()], "m5.xlarge")).toEqual({ instances: 2 });
  });

  it("follows distinctInstance, fixed host ports and the other services' tasks", () => {
    expect(instancesForTasks([web({ count: 3, cpu: 256, memory: 512, constraints: [{ type: "distinctInstance" }] })], "m5.large")).toEqual({ instances: 3 });
    const port80 = { networkMode: "bridge", containerDefinitions: [{ name: "app", image: "nginx", portMappings: [{ containerPort: 80, hostPort: 80 }] }] };
    expect(instancesForTasks([web({ count: 3, cpu: 256, memory: 512, td: port80 })], "m5.large")).toEqual({ instances: 3 });
    expect(instancesForTasks([web({ count: 3 }), web({ serviceName: "api", count: 1 })], "m5.large")).toEqual({ instances: 2 });
  });

  it("says when a task fits no instance of the type", () => {
    expect(instancesForTasks([web({ memory: 9000 })], "m5.large")).toEqual({ error: expect.stringContaining("does not fit an empty m5.large") });
    expect(instancesForTasks([web({ count: MAX_TASKS_PLACED + 1 })], "m5.large")).toEqual({ error: `${MAX_TASKS_PLACED + 1} tasks are more than the ${MAX_TASKS_PLACED} the estimate places one by one` });
    const big = [{ ...web({ memory: 9000 }), desired: 1, min: 1, max: 1 }];
    expect(providerInstanceNeeds([{ provider: "mi", kind: "managedInstances", requirements: { vCpuCount: { min: 2, max: 2 }, memoryMiB: { min: 0 } }, tasks: big }], { "m5.large": { usd: 0.096 } }))
      .toEqual([expect.objectContaining({ provider: "mi", error: "no priced instance type meets its instanceRequirements and fits every task" })]);
    expect(providerInstanceNeeds([{ provider: "asg", kind: "autoScalingGroup", tasks: big }], {})[0].error).toContain("does not fit an empty m5.large");
  });

  it("Managed Instances: the cheapest priced type meeting instanceRequirements; Auto Scaling groups: m5.large, stated", () => {
    const tasks = [{ ...web(), desired: 5, min: 2, max: 6 }];
    const prices = { "m5.large": { usd: 0.096 }, "m5.xlarge": { usd: 0.192 }, "c5.xlarge": { usd: 0.17 } };
    const [mi] = providerInstanceNeeds([{ provider: "mi", kind: "managedInstances", requirements: { vCpuCount: { min: 4 }, memoryMiB: { min: 4096 } }, tasks }], prices);
    // A c5.xlarge registers 4096 cpu units and 7,624 MiB: three 2 GB tasks each.
    expect(mi).toMatchObject({ instanceType: "c5.xlarge", desired: 2, min: 1, max: 2 });
    expect(mi.how).toContain("cheapest priced instance type that meets the provider's instanceRequirements");
    const [asg] = providerInstanceNeeds([{ provider: "asg", kind: "autoScalingGroup", tasks }], prices);
    expect(asg).toMatchObject({ instanceType: "m5.large", desired: 3, min: 1, max: 3 });
    expect(asg.how).toContain("m5.large assumed");
  });
});
