import { describe, expect, it } from "vitest";
import { initialState } from "../core/state";
import { steppedSandbox } from "../testing";
import { handleOperation } from "./engine";

const web = (image = "nginx:1") => ({
  family: "web", networkMode: "bridge",
  containerDefinitions: [{ name: "web", image, memory: 256, cpu: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
});

describe("engine", () => {
  it("runs a task through its lifecycle on a stepped clock", () => {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    sb.control({ action: "addInstances", cluster: "c", count: 1 });
    sb.call("RegisterTaskDefinition", web());
    const { tasks } = sb.call("RunTask", { cluster: "c", taskDefinition: "web" });
    expect(tasks[0].lastStatus).toBe("PROVISIONING");
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      sb.step(1);
      seen.push(sb.call("DescribeTasks", { cluster: "c", tasks: [tasks[0].taskArn] }).tasks[0].lastStatus);
    }
    expect(seen).toContain("PENDING");
    expect(seen).toContain("ACTIVATING");
    expect(seen[seen.length - 1]).toBe("RUNNING");
    sb.call("StopTask", { cluster: "c", task: tasks[0].taskArn, reason: "bye" });
    sb.step(10);
    const stopped = sb.call("DescribeTasks", { cluster: "c", tasks: [tasks[0].taskArn] }).tasks[0];
    expect(stopped).toMatchObject({ lastStatus: "STOPPED", stopCode: "UserInitiated", stoppedReason: "bye" });
    sb.step(3601);
    expect(sb.call("DescribeTasks", { cluster: "c", tasks: [tasks[0].taskArn] }).failures[0].reason).toBe("MISSING");
  });

  it("keeps a service at its desired count and reports a steady state", () => {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    sb.control({ action: "addInstances", cluster: "c", count: 2 });
    sb.call("RegisterTaskDefinition", web());
    sb.call("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 3 });
    sb.step(30);
    const svc = sb.call("DescribeServices", { cluster: "c", services: ["s"] }).services[0];
    expect(svc.runningCount).toBe(3);
    expect(svc.events[0].message).toBe("(service s) has reached a steady state.");
    expect(svc.deployments[0].rolloutState).toBe("COMPLETED");
  });

  it("starts a new deployment when UpdateService changes the placement strategy, and none when nothing changed", () => {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    sb.control({ action: "addInstances", cluster: "c", count: 3 });
    sb.call("RegisterTaskDefinition", web());
    sb.call("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 3, placementStrategy: [{ type: "binpack", field: "memory" }] });
    sb.step(30);
    const same = sb.call("UpdateService", { cluster: "c", service: "s", placementStrategy: [{ type: "binpack", field: "memory" }] }).service;
    expect(same.deployments).toHaveLength(1);
    const spread = sb.call("UpdateService", { cluster: "c", service: "s", placementStrategy: [{ type: "spread", field: "instanceId" }] }).service;
    expect(spread.deployments).toHaveLength(2);
    expect(spread.deployments[0]).toMatchObject({ status: "PRIMARY", rolloutState: "IN_PROGRESS" });
  });

  it("a failed call stores nothing, not even a world for a region it names first", () => {
    const state = initialState(1_700_000_000_000);
    const r = handleOperation(state, { region: "ap-south-2", op: "CreateService", input: { cluster: "nope", serviceName: "s", taskDefinition: "web" }, realNow: 1_700_000_000_000 });
    expect(r.error?.type).toBe("ClusterNotFoundException");
    expect(r.state).toBe(state);
    const ok = handleOperation(state, { region: "ap-south-2", op: "ListClusters", input: {}, realNow: 1_700_000_000_000 });
    expect(ok.error).toBeUndefined();
  });

  it("a region named like an Object.prototype member is a region like any other", () => {
    const state = initialState(1_700_000_000_000);
    const r = handleOperation(state, { region: "constructor", op: "CreateCluster", input: { clusterName: "c" }, realNow: 1_700_000_000_000 });
    expect(r.error).toBeUndefined();
    expect(Object.keys(r.state.worlds)).toEqual(["constructor"]);
  });

  it("names like Object.prototype members are names like any other: families, clusters, services", () => {
    const sb = steppedSandbox();
    for (const name of ["constructor", "__proto__", "toString"]) {
      expect(sb.call("DescribeClusters", { clusters: [name] }).failures[0].reason).toBe("MISSING");
      expect(() => sb.call("DescribeTaskDefinition", { taskDefinition: name })).toThrow("Unable to describe task definition.");
      sb.call("CreateCluster", { clusterName: name });
      sb.call("RegisterTaskDefinition", { ...web(), family: name });
      sb.call("CreateService", { cluster: name, serviceName: name, taskDefinition: name, desiredCount: 0 });
      expect(sb.call("DescribeTaskDefinition", { taskDefinition: `${name}:1` }).taskDefinition.family).toBe(name);
      expect(sb.call("DescribeServices", { cluster: name, services: [name] }).services[0].serviceName).toBe(name);
    }
    expect(sb.call("ListTaskDefinitionFamilies", {}).families.sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.keys(sb.world().clusters).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(JSON.parse(JSON.stringify(sb.state)).worlds["us-east-1"].taskDefinitions.__proto__).toHaveLength(1);
  });

  it("keeps a service's deployment strategy as given and describes it back", () => {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    sb.control({ action: "addInstances", cluster: "c", count: 2 });
    sb.call("RegisterTaskDefinition", web());
    const canary = { strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 }, lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }] };
    sb.call("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 1, deploymentConfiguration: canary });
    const described = () => sb.call("DescribeServices", { cluster: "c", services: ["s"] }).services[0].deploymentConfiguration;
    expect(described()).toMatchObject({ minimumHealthyPercent: 100, maximumPercent: 200, ...canary });
    sb.call("UpdateService", { cluster: "c", service: "s", deploymentConfiguration: { bakeTimeInMinutes: 15 } });
    expect(described()).toMatchObject({ ...canary, bakeTimeInMinutes: 15 });
    expect(() => sb.call("UpdateService", { cluster: "c", service: "s", deploymentConfiguration: { strategy: "SIDEWAYS" } })).toThrow();
  });
});
