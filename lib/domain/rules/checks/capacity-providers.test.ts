import { describe, expect, it } from "vitest";
import type { CapacityProviderDesign } from "../../design";
import { capacityProviders } from "./capacity-providers";
import { launchTypeCompatibility } from "./launch-type-compatibility";
import { buildIndex } from "../engine";
import { cluster, design, service, td } from "../test-helpers";

const ASG_ARN = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:0b6a2f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/web";
const asg = (over: Partial<CapacityProviderDesign> = {}): CapacityProviderDesign => ({ id: "cp-asg", name: "web-asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN }, ...over });
const mi = (over: Partial<NonNullable<CapacityProviderDesign["managedInstancesProvider"]>> = {}): CapacityProviderDesign => ({
  id: "cp-mi", name: "mi",
  managedInstancesProvider: {
    cluster: "prod", infrastructureRoleArn: "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
    instanceLaunchTemplate: {
      ec2InstanceProfileArn: "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole",
      networkConfiguration: { subnets: ["subnet-1"] }, instanceRequirements: { vCpuCount: { min: 2, max: 8 }, memoryMiB: { min: 4096 } },
    },
    ...over,
  },
});
const check = (over: Parameters<typeof design>[0]) => capacityProviders.check(buildIndex(design(over)));

describe("capacity-providers", () => {
  it("accepts valid Auto Scaling group and Managed Instances providers named by their clusters", () => {
    expect(check({
      clusters: [cluster({ clusterName: "prod", capacityProviders: ["FARGATE", "web-asg", "mi"] })],
      capacityProviders: [asg({ autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN, managedScaling: { status: "ENABLED", targetCapacity: 90, minimumScalingStepSize: 1, maximumScalingStepSize: 5, instanceWarmupPeriod: 60 } } }), mi()],
    })).toEqual([]);
  });

  it("rejects managed scaling outside ECS's ranges, with the clamped value as the fix", () => {
    const out = check({
      clusters: [cluster({ clusterName: "prod" })],
      capacityProviders: [asg({ autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN, managedScaling: { targetCapacity: 0, minimumScalingStepSize: 20, maximumScalingStepSize: 10, instanceWarmupPeriod: 10001 } } })],
    });
    const at = ["capacityProviders", 0, "autoScalingGroupProvider", "managedScaling"];
    expect(out.map((f) => f.path)).toEqual([[...at, "targetCapacity"], [...at, "instanceWarmupPeriod"], [...at, "minimumScalingStepSize"]]);
    expect(out[0].fix?.edits).toEqual([{ path: [...at, "targetCapacity"], value: 1 }]);
    expect(out[1].fix?.edits).toEqual([{ path: [...at, "instanceWarmupPeriod"], value: 10000 }]);
    expect(out[0].resource).toEqual({ kind: "capacityProvider", id: "cp-asg", name: "web-asg" });
  });

  it("rejects reserved or duplicate names, both kinds at once, and a bad ARN", () => {
    const out = check({
      clusters: [cluster({ clusterName: "prod" })],
      capacityProviders: [
        asg({ name: "ecs-web" }),
        asg({ id: "b", name: "x", autoScalingGroupProvider: { autoScalingGroupArn: "web" } }),
        { ...mi(), id: "c", name: "x", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } },
      ],
    });
    expect(out.map((f) => [f.resource.id, f.path.slice(2).join(".")])).toEqual([
      ["cp-asg", "name"], ["b", "autoScalingGroupProvider.autoScalingGroupArn"], ["c", "name"], ["c", ""],
    ]);
  });

  it("checks a Managed Instances provider's cluster, ARNs, subnets, requirement ranges and scaleInAfter", () => {
    const out = check({
      clusters: [cluster({ clusterName: "prod" })],
      capacityProviders: [mi({
        cluster: "gone", infrastructureRoleArn: "role",
        instanceLaunchTemplate: { ec2InstanceProfileArn: "arn:aws:iam::123456789012:role/x", networkConfiguration: {}, instanceRequirements: { vCpuCount: { min: 4, max: 2 }, memoryMiB: { min: 0 } } },
        infrastructureOptimization: { scaleInAfter: 4000 },
      })],
    });
    expect(out.map((f) => f.path.slice(3).join("."))).toEqual([
      "cluster", "infrastructureRoleArn", "instanceLaunchTemplate.ec2InstanceProfileArn", "instanceLaunchTemplate.networkConfiguration.subnets",
      "instanceLaunchTemplate.instanceRequirements.vCpuCount.max", "infrastructureOptimization.scaleInAfter",
    ]);
  });

  it("warns about a cluster provider that is not in the design, and refuses a Managed Instances provider of another cluster", () => {
    const out = check({
      clusters: [cluster({ clusterName: "prod" }), cluster({ id: "c2", clusterName: "staging", capacityProviders: ["mi", "elsewhere"] })],
      capacityProviders: [mi()],
    });
    expect(out.map((f) => [f.severity, f.path])).toEqual([["error", ["clusters", 1, "capacityProviders", 0]], ["warning", ["clusters", 1, "capacityProviders", 1]]]);
    expect(out[0].fix?.edits).toEqual([{ path: ["clusters", 1, "capacityProviders"], value: ["elsewhere"] }]);
  });
});

describe("strategies over the design's Managed Instances providers", () => {
  const d = design({ clusters: [cluster({ clusterName: "prod", capacityProviders: ["mi", "FARGATE"] })], capacityProviders: [mi()] });
  const index = buildIndex(d);
  const c = d.clusters[0];

  it("needs MANAGED_INSTANCES in the task definition's requiresCompatibilities", () => {
    const s = service({ capacityProviderStrategy: [{ capacityProvider: "mi", weight: 1 }] });
    const [f] = launchTypeCompatibility.check(s, { index, taskDefinition: td({ requiresCompatibilities: ["FARGATE"] }), cluster: c });
    expect(f.message).toContain("does not support launch_type MANAGED_INSTANCES");
    expect(launchTypeCompatibility.check(s, { index, taskDefinition: td({ requiresCompatibilities: ["MANAGED_INSTANCES"] }), cluster: c })).toEqual([]);
  });

  it("refuses mixing Fargate with a Managed Instances provider", () => {
    const s = service({ capacityProviderStrategy: [{ capacityProvider: "mi", weight: 1 }, { capacityProvider: "FARGATE", weight: 1 }] });
    const out = launchTypeCompatibility.check(s, { index, taskDefinition: td({ requiresCompatibilities: ["MANAGED_INSTANCES", "FARGATE"] }), cluster: c });
    expect(out.map((f) => f.path)).toEqual([["capacityProviderStrategy"]]);
    expect(out[0].message).toContain("cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers");
  });
});
