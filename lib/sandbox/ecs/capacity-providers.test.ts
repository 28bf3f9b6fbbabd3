import { describe, expect, it } from "vitest";
import { steppedSandbox } from "../testing";
import { nextProvider } from "./launch";

// Capacity provider strategies as ECS applies them: the base first, then the weights; Fargate
// Spot taken back with a termination notice, and Spot capacity that is not there.

const FARGATE_BASE_SPOT = [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }];

describe("nextProvider", () => {
  const place = (items: typeof FARGATE_BASE_SPOT, n: number) => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const p = nextProvider(items, counts);
      counts[p] = (counts[p] ?? 0) + 1;
    }
    return counts;
  };

  it("fills the base first, then shares the rest by weight (the ECS guide's base 1 / 1:3 example)", () => {
    expect(place(FARGATE_BASE_SPOT, 1)).toEqual({ FARGATE: 1 });
    expect(place(FARGATE_BASE_SPOT, 5)).toEqual({ FARGATE: 2, FARGATE_SPOT: 3 });
    expect(place(FARGATE_BASE_SPOT, 9)).toEqual({ FARGATE: 3, FARGATE_SPOT: 6 });
  });

  it("splits equal weights evenly and gives a weight of 0 nothing beyond its base", () => {
    expect(place([{ capacityProvider: "FARGATE", weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 1 }], 4)).toEqual({ FARGATE: 2, FARGATE_SPOT: 2 });
    expect(place([{ capacityProvider: "FARGATE", base: 2, weight: 0 }, { capacityProvider: "FARGATE_SPOT", weight: 1 }], 5)).toEqual({ FARGATE: 2, FARGATE_SPOT: 3 });
  });

  it("tops up the provider that fell below its share (a Spot task interrupted)", () => {
    expect(nextProvider(FARGATE_BASE_SPOT, { FARGATE: 2, FARGATE_SPOT: 2 })).toBe("FARGATE_SPOT");
    expect(nextProvider(FARGATE_BASE_SPOT, { FARGATE: 0, FARGATE_SPOT: 3 })).toBe("FARGATE");
  });
});

describe("Fargate Spot in the sandbox", () => {
  function start(desiredCount = 4) {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c", capacityProviders: ["FARGATE", "FARGATE_SPOT"] });
    sb.call("RegisterTaskDefinition", {
      family: "worker", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: "worker", image: "worker:1", essential: true }],
    });
    sb.call("CreateService", {
      cluster: "c", serviceName: "worker", taskDefinition: "worker", desiredCount,
      capacityProviderStrategy: FARGATE_BASE_SPOT,
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    });
    sb.step(120);
    return sb;
  }
  const tasks = (sb: ReturnType<typeof steppedSandbox>, desiredStatus = "RUNNING") => {
    const arns = sb.call("ListTasks", { cluster: "c", serviceName: "worker", desiredStatus }).taskArns as string[];
    return arns.length ? sb.call("DescribeTasks", { cluster: "c", tasks: arns }).tasks as { taskArn: string; capacityProviderName?: string; lastStatus: string; stopCode?: string; stoppedReason?: string }[] : [];
  };
  const byProvider = (ts: { capacityProviderName?: string }[]) => ts.reduce<Record<string, number>>((m, t) => ({ ...m, [t.capacityProviderName ?? "-"]: (m[t.capacityProviderName ?? "-"] ?? 0) + 1 }), {});

  it("a service's tasks follow its strategy's base and weights", () => {
    const sb = start(5);
    expect(byProvider(tasks(sb))).toEqual({ FARGATE: 2, FARGATE_SPOT: 3 });
  });

  it("an interrupted Spot task stops with the termination notice and the service replaces it on Spot", () => {
    const sb = start();
    const r = sb.control({ action: "interruptSpot", cluster: "c", service: "worker" });
    expect(r.taskArns).toHaveLength(1);
    sb.step(120);
    const [stopped] = tasks(sb, "STOPPED");
    expect(stopped).toMatchObject({ taskArn: r.taskArns[0], lastStatus: "STOPPED", stopCode: "TerminationNotice", stoppedReason: "Your Spot Task was interrupted.", capacityProviderName: "FARGATE_SPOT" });
    const running = tasks(sb);
    expect(running).toHaveLength(4);
    expect(byProvider(running)).toEqual({ FARGATE: 2, FARGATE_SPOT: 2 });
  });

  it("without Spot capacity the Spot share is not placed, the Fargate tasks stay, and the service says why", () => {
    const sb = start();
    sb.control({ action: "setSpotCapacity", cluster: "c", available: false });
    expect(sb.world().faults.spotUnavailable).toEqual(["c"]);
    sb.control({ action: "interruptSpot", cluster: "c", count: 2 });
    sb.step(120);
    expect(byProvider(tasks(sb))).toEqual({ FARGATE: 2 });
    const events = sb.call("DescribeServices", { cluster: "c", services: ["worker"] }).services[0].events as { message: string }[];
    expect(events.map((e) => e.message)).toContain("(service worker) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.");
    sb.control({ action: "setSpotCapacity", available: true });
    expect(sb.world().faults.spotUnavailable).toBeUndefined();
    sb.step(120);
    expect(byProvider(tasks(sb))).toEqual({ FARGATE: 2, FARGATE_SPOT: 2 });
  });

  it("RunTask reports Spot capacity it cannot get as failures, and interruptSpot needs a Spot task", () => {
    const sb = start(1);
    sb.control({ action: "setSpotCapacity", available: false });
    const run = sb.call("RunTask", {
      cluster: "c", taskDefinition: "worker", count: 2, capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    });
    expect(run.tasks).toHaveLength(0);
    expect(run.failures).toEqual([
      { reason: "Capacity is unavailable at this time. Please try again later or in a different availability zone." },
      { reason: "Capacity is unavailable at this time. Please try again later or in a different availability zone." },
    ]);
    expect(() => sb.control({ action: "interruptSpot", cluster: "c" })).toThrow(/No RUNNING FARGATE_SPOT task/);
  });
});
