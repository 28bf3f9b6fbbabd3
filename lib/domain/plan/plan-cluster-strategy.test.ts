import { describe, expect, it } from "vitest";
import type { CapacityProviderDesign, Design } from "../design";
import { emptyLiveState, planDesign, type LiveState } from "./index";

const ARN = "arn:aws:ecs:eu-west-1:123456789012";

const managed: CapacityProviderDesign = {
  id: "cp-mi", name: "mi",
  managedInstancesProvider: {
    cluster: "main", infrastructureRoleArn: "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
    instanceLaunchTemplate: { ec2InstanceProfileArn: "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole", networkConfiguration: { subnets: ["subnet-a"] } },
  },
};

function design(strategy: { capacityProvider: string; weight?: number; base?: number }[]): Design {
  return {
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: "main", capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: strategy }],
    taskDefinitions: [], services: [], layout: {}, capacityProviders: [managed],
  };
}

const ecsCalls = (d: Design, live: LiveState) =>
  planDesign(d, live, { designId: "d1" }).steps.flatMap((s) => s.calls.map((c) => ({ step: s.key, operation: c.operation, input: c.input })));

describe("a default strategy naming a Managed Instances provider the plan creates", () => {
  it("creates the cluster without it, the provider in the cluster, then puts the strategy", () => {
    const calls = ecsCalls(design([{ capacityProvider: "mi", weight: 1, base: 1 }]), emptyLiveState());
    expect(calls.map((c) => c.operation)).toEqual(["CreateCluster", "CreateCapacityProvider", "PutClusterCapacityProviders"]);
    expect(calls[0].input).not.toHaveProperty("defaultCapacityProviderStrategy");
    expect(calls[0].input.capacityProviders).toEqual(["FARGATE"]);
    expect(calls[1].input).toMatchObject({ name: "mi", cluster: "main" });
    expect(calls[2]).toMatchObject({
      step: "cluster:main/strategy",
      input: { cluster: "main", capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "mi", weight: 1, base: 1 }] },
    });
  });

  it("sets a strategy of FARGATE only with the cluster itself", () => {
    const calls = ecsCalls(design([{ capacityProvider: "FARGATE", weight: 1 }]), emptyLiveState());
    expect(calls.map((c) => c.operation)).toEqual(["CreateCluster", "CreateCapacityProvider"]);
    expect(calls[0].input.defaultCapacityProviderStrategy).toEqual([{ capacityProvider: "FARGATE", weight: 1 }]);
  });

  it("on an existing cluster, waits for the new provider before changing the strategy", () => {
    const live = emptyLiveState();
    live.clusters.main = { clusterArn: `${ARN}:cluster/main`, clusterName: "main", status: "ACTIVE", capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [] };
    const calls = ecsCalls(design([{ capacityProvider: "mi", weight: 1 }]), live);
    expect(calls.map((c) => `${c.step} ${c.operation}`)).toEqual([
      "capacity-provider:mi CreateCapacityProvider", "cluster:main/strategy PutClusterCapacityProviders",
    ]);
  });

  it("puts the strategy with the cluster's step once the provider exists", () => {
    const live = emptyLiveState();
    live.clusters.main = { clusterArn: `${ARN}:cluster/main`, clusterName: "main", status: "ACTIVE", capacityProviders: ["FARGATE", "mi"], defaultCapacityProviderStrategy: [] };
    live.capacityProviders = { mi: { name: "mi", status: "ACTIVE", type: "MANAGED_INSTANCES", cluster: "main", managedInstancesProvider: managed.managedInstancesProvider } };
    const steps = planDesign(design([{ capacityProvider: "mi", weight: 1 }]), live, { designId: "d1" }).steps;
    expect(steps.map((s) => s.key)).not.toContain("cluster:main/strategy");
    const put = steps.find((s) => s.key === "cluster:main")!.calls.find((c) => c.operation === "PutClusterCapacityProviders");
    expect(put?.input).toEqual({ cluster: "main", capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "mi", weight: 1 }] });
  });
});
