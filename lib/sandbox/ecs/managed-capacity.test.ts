import { describe, expect, it } from "vitest";
import { failureOf, steppedSandbox } from "../testing";
import { eligibleTypes } from "./capacity";

// Capacity providers as resources (Create/Describe/Update/DeleteCapacityProvider) and what they
// do: Managed Instances launch instances for the tasks and scale in idle ones; Auto Scaling group
// providers with managed scaling hold targetCapacity.

const ASG_ARN = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:0b6a2f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/web-asg";
const ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRole";
const PROFILE = "arn:aws:iam::000000000000:instance-profile/ecsInstanceRole";

type Sb = ReturnType<typeof steppedSandbox>;

function miProvider(sb: Sb, requirements: Record<string, unknown> = { vCpuCount: { min: 2, max: 4 }, memoryMiB: { min: 4096 } }, extra: Record<string, unknown> = {}) {
  return sb.call("CreateCapacityProvider", {
    name: "mi", cluster: "c",
    managedInstancesProvider: {
      infrastructureRoleArn: ROLE, propagateTags: "CAPACITY_PROVIDER",
      instanceLaunchTemplate: { ec2InstanceProfileArn: PROFILE, networkConfiguration: { subnets: ["subnet-1"] }, instanceRequirements: requirements },
      ...extra,
    },
    tags: [{ key: "team", value: "web" }],
  }).capacityProvider;
}

function registerWorker(sb: Sb, compat: string[], cpu = "1024", memory = "2048") {
  sb.call("RegisterTaskDefinition", {
    family: "worker", requiresCompatibilities: compat, networkMode: "awsvpc", cpu, memory,
    containerDefinitions: [{ name: "worker", image: "worker:1", essential: true }],
  });
}

const instances = (sb: Sb, cluster = "c") => {
  const arns = sb.call("ListContainerInstances", { cluster }).containerInstanceArns as string[];
  return arns.length ? sb.call("DescribeContainerInstances", { cluster, containerInstances: arns }).containerInstances as Record<string, unknown>[] : [];
};
const running = (sb: Sb) => {
  const arns = sb.call("ListTasks", { cluster: "c" }).taskArns as string[];
  return arns.length ? sb.call("DescribeTasks", { cluster: "c", tasks: arns }).tasks as Record<string, unknown>[] : [];
};

describe("capacity provider API", () => {
  it("creates an Auto Scaling group provider with ECS's defaults and describes it after FARGATE and FARGATE_SPOT", () => {
    const sb = steppedSandbox();
    const cp = sb.call("CreateCapacityProvider", { name: "asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } }).capacityProvider;
    expect(cp).toMatchObject({
      capacityProviderArn: "arn:aws:ecs:us-east-1:000000000000:capacity-provider/asg", name: "asg", status: "ACTIVE", type: "EC2_AUTOSCALING",
      updateStatus: "CREATE_COMPLETE",
      autoScalingGroupProvider: {
        autoScalingGroupArn: ASG_ARN, managedTerminationProtection: "DISABLED", managedDraining: "ENABLED",
        managedScaling: { status: "DISABLED", targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
      },
    });
    const all = sb.call("DescribeCapacityProviders", {});
    expect(all.capacityProviders.map((p: { name: string }) => p.name)).toEqual(["FARGATE", "FARGATE_SPOT", "asg"]);
    const paged = sb.call("DescribeCapacityProviders", { maxResults: 2 });
    expect(paged.capacityProviders).toHaveLength(2);
    expect(sb.call("DescribeCapacityProviders", { nextToken: paged.nextToken }).capacityProviders.map((p: { name: string }) => p.name)).toEqual(["asg"]);
    expect(failureOf(() => sb.call("DescribeCapacityProviders", { maxResults: 11 })).message).toBe("maxResults must be between 1 and 10.");
    sb.call("TagResource", { resourceArn: cp.capacityProviderArn, tags: [{ key: "env", value: "prod" }] });
    expect(sb.call("ListTagsForResource", { resourceArn: cp.capacityProviderArn }).tags).toEqual([{ key: "env", value: "prod" }]);
    expect(sb.call("DescribeCapacityProviders", { capacityProviders: ["nope"] }).failures).toEqual([
      { arn: "arn:aws:ecs:us-east-1:000000000000:capacity-provider/nope", reason: "MISSING" },
    ]);
  });

  it("refuses bad names, duplicates, a reused Auto Scaling group and out-of-range scaling", () => {
    const sb = steppedSandbox();
    for (const name of ["ecs-web", "fargate2", "AWSx", "a b", "x".repeat(256)]) {
      expect(failureOf(() => sb.call("CreateCapacityProvider", { name, autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } })).code).toBe("InvalidParameterException");
    }
    sb.call("CreateCapacityProvider", { name: "asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } });
    expect(failureOf(() => sb.call("CreateCapacityProvider", { name: "asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } }))).toEqual({
      code: "ClientException", message: "The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.",
    });
    expect(failureOf(() => sb.call("CreateCapacityProvider", { name: "asg2", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } })).message)
      .toBe("The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.");
    const tooHigh = failureOf(() => sb.call("CreateCapacityProvider", { name: "asg3", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN.replace("web-asg", "b"), managedScaling: { targetCapacity: 101 } } }));
    expect(tooHigh).toMatchObject({ code: "ClientException", message: expect.stringMatching(/'autoScalingGroupProvider\.managedScaling\.targetCapacity'.*100/) });
    expect(failureOf(() => sb.call("CreateCapacityProvider", { name: "asg4", autoScalingGroupProvider: { autoScalingGroupArn: "arn:aws:ec2:x" } })).code).toBe("InvalidParameterException");
  });

  it("updates managed scaling, and deletes only a provider no cluster has (DELETE_FAILED while one does)", () => {
    const sb = steppedSandbox();
    sb.call("CreateCapacityProvider", { name: "asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } });
    const up = sb.call("UpdateCapacityProvider", { name: "asg", autoScalingGroupProvider: { managedScaling: { status: "ENABLED", targetCapacity: 80 } } }).capacityProvider;
    expect(up.updateStatus).toBe("UPDATE_COMPLETE");
    expect(up.autoScalingGroupProvider.managedScaling).toMatchObject({ status: "ENABLED", targetCapacity: 80, instanceWarmupPeriod: 300 });
    sb.call("CreateCluster", { clusterName: "c", capacityProviders: ["asg", "FARGATE"] });
    expect(sb.call("DescribeClusters", { clusters: ["c"] }).clusters[0].capacityProviders).toEqual(["asg", "FARGATE"]);
    const failed = sb.call("DeleteCapacityProvider", { capacityProvider: "asg" }).capacityProvider;
    expect(failed).toMatchObject({ status: "ACTIVE", updateStatus: "DELETE_FAILED" });
    sb.call("PutClusterCapacityProviders", { cluster: "c", capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [] });
    expect(sb.call("DeleteCapacityProvider", { capacityProvider: failed.capacityProviderArn }).capacityProvider).toMatchObject({ status: "INACTIVE", updateStatus: "DELETE_COMPLETE" });
    expect(sb.call("DescribeCapacityProviders", {}).capacityProviders).toHaveLength(2);
    expect(failureOf(() => sb.call("DeleteCapacityProvider", { capacityProvider: "asg" })).message).toBe("The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
    expect(failureOf(() => sb.call("PutClusterCapacityProviders", { cluster: "c", capacityProviders: ["asg"], defaultCapacityProviderStrategy: [] })).message)
      .toBe("The specified capacity provider asg does not exist. Specify a valid name or ARN and try again.");
  });

  it("refuses a strategy that mixes Fargate with an Auto Scaling group provider, in ECS's words", () => {
    const sb = steppedSandbox();
    sb.call("CreateCapacityProvider", { name: "asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } });
    sb.call("CreateCluster", { clusterName: "c", capacityProviders: ["asg", "FARGATE"] });
    registerWorker(sb, ["FARGATE"]);
    expect(failureOf(() => sb.call("RunTask", {
      cluster: "c", taskDefinition: "worker", capacityProviderStrategy: [{ capacityProvider: "asg", weight: 1 }, { capacityProvider: "FARGATE", weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    })).message).toBe("A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.");
  });

  it("a Managed Instances provider belongs to its cluster: there at once, not elsewhere, and it keeps the cluster", () => {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    sb.call("CreateCluster", { clusterName: "other" });
    expect(failureOf(() => sb.call("CreateCapacityProvider", { name: "mi", managedInstancesProvider: { infrastructureRoleArn: ROLE, instanceLaunchTemplate: { ec2InstanceProfileArn: PROFILE, networkConfiguration: { subnets: ["subnet-1"] } } } })).code)
      .toBe("InvalidParameterException");
    const cp = miProvider(sb);
    expect(cp).toMatchObject({ type: "MANAGED_INSTANCES", cluster: "arn:aws:ecs:us-east-1:000000000000:cluster/c", managedInstancesProvider: { propagateTags: "CAPACITY_PROVIDER" } });
    expect(sb.call("DescribeClusters", { clusters: ["c"] }).clusters[0].capacityProviders).toEqual(["mi"]);
    expect(failureOf(() => sb.call("PutClusterCapacityProviders", { cluster: "other", capacityProviders: ["mi"], defaultCapacityProviderStrategy: [] })).code).toBe("InvalidParameterException");
    // Put leaves the cluster's own Managed Instances provider where it is.
    sb.call("PutClusterCapacityProviders", { cluster: "c", capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [] });
    expect(sb.call("DescribeClusters", { clusters: ["c"] }).clusters[0].capacityProviders).toEqual(["FARGATE", "mi"]);
    expect(failureOf(() => sb.call("DeleteCluster", { cluster: "c" }))).toEqual({
      code: "ClientException", message: "The Cluster cannot be deleted while Cluster Scoped Capacity Providers are attached to the cluster.",
    });
    sb.call("DeleteCapacityProvider", { capacityProvider: "mi", cluster: "c" });
    expect(sb.call("DescribeClusters", { clusters: ["c"] }).clusters[0].capacityProviders).toEqual(["FARGATE"]);
    expect(sb.call("DeleteCluster", { cluster: "c" }).cluster.status).toBe("INACTIVE");
  });
});

describe("instance types for instanceRequirements", () => {
  it("selects by vCPUs, memory, allowed and excluded types, leaving burstable types out unless asked", () => {
    expect(eligibleTypes({ vCpuCount: { min: 2, max: 2 }, memoryMiB: { min: 4096, max: 8192 } })).toEqual(["c5.large", "m5.large"]);
    expect(eligibleTypes({ vCpuCount: { min: 4 }, memoryMiB: { min: 0 } })).toEqual(["c5.xlarge", "m5.xlarge"]);
    expect(eligibleTypes({ vCpuCount: { min: 2 }, memoryMiB: { min: 0 }, burstablePerformance: "required" })).toEqual(["t3.micro", "t3.small", "t3.medium", "t3.large"]);
    expect(eligibleTypes({ vCpuCount: { min: 0 }, memoryMiB: { min: 0 }, allowedInstanceTypes: ["m5.*"] })).toEqual(["m5.large", "m5.xlarge"]);
    expect(eligibleTypes({ vCpuCount: { min: 0 }, memoryMiB: { min: 0 }, excludedInstanceTypes: ["c5.*", "m5.xlarge"] })).toEqual(["m5.large"]);
    expect(eligibleTypes({ vCpuCount: { min: 0 }, memoryMiB: { min: 0 }, cpuManufacturers: ["amd"] })).toEqual([]);
  });
});

describe("ECS Managed Instances in the sandbox", () => {
  function start(desiredCount: number, requirements?: Record<string, unknown>, extra?: Record<string, unknown>) {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    miProvider(sb, requirements, extra);
    registerWorker(sb, ["MANAGED_INSTANCES"]);
    sb.call("CreateService", {
      cluster: "c", serviceName: "worker", taskDefinition: "worker", desiredCount,
      capacityProviderStrategy: [{ capacityProvider: "mi", weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    });
    sb.step(60);
    return sb;
  }

  it("needs a task definition compatible with MANAGED_INSTANCES", () => {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    miProvider(sb);
    registerWorker(sb, ["FARGATE"]);
    expect(failureOf(() => sb.call("RunTask", {
      cluster: "c", taskDefinition: "worker", capacityProviderStrategy: [{ capacityProvider: "mi", weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    })).message).toBe("Task definition does not support launch_type MANAGED_INSTANCES.");
    registerWorker(sb, ["MANAGED_INSTANCES"]);
    expect(sb.call("DescribeTaskDefinition", { taskDefinition: "worker" }).taskDefinition.compatibilities).toContain("MANAGED_INSTANCES");
  });

  it("launches instances of a type meeting the requirements, registers them with the provider's name and places the tasks", () => {
    const sb = start(3);
    const tasks = running(sb);
    expect(tasks).toHaveLength(3);
    expect(tasks.every((t) => t.lastStatus === "RUNNING" && t.launchType === "MANAGED_INSTANCES" && t.capacityProviderName === "mi")).toBe(true);
    const inst = instances(sb);
    // c5.large registers 2048 cpu / 3759 MiB: one 1024/2048 task each; the smallest type meeting 2–4 vCPUs and ≥ 4096 MiB.
    expect(inst).toHaveLength(3);
    expect(inst.every((i) => i.capacityProviderName === "mi" && i.status === "ACTIVE")).toBe(true);
    expect(inst.map((i) => (i.attributes as { name: string; value?: string }[]).find((a) => a.name === "ecs.instance-type")?.value)).toEqual(["c5.large", "c5.large", "c5.large"]);
    expect(new Set(tasks.map((t) => t.containerInstanceArn))).toEqual(new Set(inst.map((i) => i.containerInstanceArn)));
    const tagged = sb.call("DescribeContainerInstances", { cluster: "c", containerInstances: [inst[0].containerInstanceArn], include: ["TAGS"] }).containerInstances[0];
    expect(tagged.tags).toEqual([{ key: "team", value: "web" }]);
  });

  it("drains and terminates instances idle for scaleInAfter, and launches again when tasks come back", () => {
    const sb = start(2, undefined, { infrastructureOptimization: { scaleInAfter: 120 } });
    expect(instances(sb)).toHaveLength(2);
    sb.call("UpdateService", { cluster: "c", service: "worker", desiredCount: 1 });
    sb.step(60);
    expect(running(sb).filter((t) => t.desiredStatus === "RUNNING")).toHaveLength(1);
    sb.step(120);
    const draining = instances(sb).filter((i) => i.status === "DRAINING");
    expect(draining).toHaveLength(1);
    sb.step(61);
    expect(instances(sb).map((i) => i.status)).toEqual(["ACTIVE"]);
    const gone = sb.call("DescribeContainerInstances", { cluster: "c", containerInstances: [draining[0].containerInstanceArn] }).containerInstances[0];
    expect(gone.status).toBe("INACTIVE");
    sb.call("UpdateService", { cluster: "c", service: "worker", desiredCount: 2 });
    sb.step(60);
    expect(instances(sb)).toHaveLength(2);
  });

  it("reports the task it cannot run when no eligible type is big enough", () => {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    miProvider(sb, { vCpuCount: { min: 2, max: 2 }, memoryMiB: { min: 0, max: 4096 } });
    registerWorker(sb, ["MANAGED_INSTANCES"], "2048", "8192");
    const run = sb.call("RunTask", {
      cluster: "c", taskDefinition: "worker", capacityProviderStrategy: [{ capacityProvider: "mi", weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    });
    expect(run.tasks).toHaveLength(0);
    expect(run.failures[0].reason).toMatch(/No instance type that meets the instance requirements of capacity provider mi/);
  });
});

describe("Auto Scaling group providers with managed scaling", () => {
  function start(desiredCount: number, managedScaling: Record<string, unknown>, placementStrategy?: Record<string, unknown>[]) {
    const sb = steppedSandbox();
    sb.call("CreateCapacityProvider", { name: "asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN, managedScaling: { status: "ENABLED", ...managedScaling } } });
    sb.call("CreateCluster", { clusterName: "c", capacityProviders: ["asg"], defaultCapacityProviderStrategy: [{ capacityProvider: "asg", weight: 1 }] });
    sb.call("RegisterTaskDefinition", {
      family: "web", cpu: "1024", memory: "3072", containerDefinitions: [{ name: "web", image: "web:1", essential: true }],
    });
    sb.call("CreateService", { cluster: "c", serviceName: "web", taskDefinition: "web", desiredCount, ...(placementStrategy ? { placementStrategy } : {}) });
    return sb;
  }

  it("launches instances after the warm-up, within the step sizes, and places the waiting tasks on them", () => {
    // m5.large registers 2048 cpu: two 1024-cpu tasks each; 5 tasks want 3 instances.
    const sb = start(5, { instanceWarmupPeriod: 60, maximumScalingStepSize: 2 });
    sb.step(30);
    expect(instances(sb)).toHaveLength(0);
    sb.step(31);
    expect(instances(sb)).toHaveLength(2);
    sb.step(20);
    expect(running(sb).filter((t) => t.lastStatus === "RUNNING")).toHaveLength(4);
    sb.step(61);
    expect(instances(sb)).toHaveLength(3);
    sb.step(20);
    const tasks = running(sb);
    expect(tasks.filter((t) => t.lastStatus === "RUNNING")).toHaveLength(5);
    expect(tasks.every((t) => t.launchType === "EC2" && t.capacityProviderName === "asg")).toBe(true);
    expect(instances(sb).every((i) => i.capacityProviderName === "asg")).toBe(true);
  });

  it("holds a targetCapacity below 100 with spare instances, and scales idle ones in after 15 minutes", () => {
    const sb = start(2, { instanceWarmupPeriod: 0, targetCapacity: 50 }, [{ type: "binpack", field: "memory" }]);
    sb.step(600);
    // 2 tasks fill 1 instance (binpack); at 50 % ECS wants 2 instances: one spare.
    expect(instances(sb)).toHaveLength(2);
    expect(running(sb).filter((t) => t.lastStatus === "RUNNING")).toHaveLength(2);
    sb.call("UpdateService", { cluster: "c", service: "web", desiredCount: 0 });
    sb.step(14 * 60);
    // The spare, idle since it came, went at 15 minutes; the other has been idle for 14 only.
    expect(instances(sb).map((i) => i.status)).toEqual(["ACTIVE"]);
    sb.step(2 * 60 + 61);
    expect(instances(sb)).toHaveLength(0);
  });

  it("spreads tasks over new instances and scales out again: CapacityProviderReservation counts instances running a task", () => {
    const sb = start(2, { instanceWarmupPeriod: 0, targetCapacity: 50 });
    sb.step(600);
    // The default spread puts one task on each of 2 instances: M = 2, so 50 % wants N = 4.
    expect(instances(sb)).toHaveLength(4);
  });
});
