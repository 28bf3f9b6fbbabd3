import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Design } from "@/lib/domain/design";
import type { Plan } from "@/lib/domain/plan";
import { applyPlan, planAgainstAccount } from "@/lib/server/plan";
import { startPlanSandbox } from "./sandbox";

// Capacity providers applied to the sandbox: an Auto Scaling group provider created before the
// cluster that names it, a Managed Instances provider created in its cluster after it; re-plan
// is zero changes; a managed scaling change is an update; dropped providers the design created
// are deleted (the Auto Scaling group one once its cluster no longer names it).

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
beforeEach(async () => { sb = await startPlanSandbox(); });
afterEach(async () => { await sb.close(); });

const designId = "design-cp";
const plan = async (d: Design) => (await planAgainstAccount(sb.ecs, d, { designId })).plan;
const changed = (p: Plan) => p.steps.filter((s) => s.action !== "no-change").map((s) => `${s.action} ${s.key}`);
const ASG_ARN = "arn:aws:autoscaling:eu-west-1:000000000000:autoScalingGroup:0b6a2f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/web";

function design(): Design {
  return {
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: "main", capacityProviders: ["web-asg", "mi", "FARGATE"] }],
    taskDefinitions: [], services: [], layout: {},
    capacityProviders: [
      { id: "cp-asg", name: "web-asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN, managedScaling: { status: "ENABLED", targetCapacity: 90 } } },
      {
        id: "cp-mi", name: "mi",
        managedInstancesProvider: {
          cluster: "main", infrastructureRoleArn: "arn:aws:iam::000000000000:role/ecsInfrastructureRole",
          instanceLaunchTemplate: {
            ec2InstanceProfileArn: "arn:aws:iam::000000000000:instance-profile/ecsInstanceRole",
            networkConfiguration: { subnets: ["subnet-1"] }, instanceRequirements: { vCpuCount: { min: 2 }, memoryMiB: { min: 4096 } },
          },
        },
      },
    ],
  };
}

describe("capacity providers: plan and apply against the sandbox", () => {
  it("creates them around the cluster, re-plans to zero changes, updates managed scaling and deletes dropped ones", async () => {
    const first = await plan(design());
    expect(first.errors).toEqual([]);
    expect(changed(first)).toEqual(["create capacity-provider:web-asg", "create cluster:main", "create capacity-provider:mi"]);
    const applied = await applyPlan(sb.ecs, first);
    expect(applied.ok).toBe(true);
    const [cluster] = (await sb.ecs.describeClusters({ clusters: ["main"] })).clusters;
    expect([...(cluster.capacityProviders ?? [])].sort()).toEqual(["FARGATE", "mi", "web-asg"]);
    expect(changed(await plan(design()))).toEqual([]);

    const scaled = design();
    scaled.capacityProviders![0].autoScalingGroupProvider!.managedScaling!.targetCapacity = 70;
    const update = await plan(scaled);
    expect(changed(update)).toEqual(["update capacity-provider:web-asg"]);
    expect((await applyPlan(sb.ecs, update)).ok).toBe(true);
    const { capacityProviders } = await sb.ecs.describeCapacityProviders({ capacityProviders: ["web-asg"] });
    expect(capacityProviders[0].autoScalingGroupProvider?.managedScaling?.targetCapacity).toBe(70);
    expect(changed(await plan(scaled))).toEqual([]);

    const dropped = design();
    dropped.capacityProviders = [];
    dropped.clusters[0].capacityProviders = ["FARGATE"];
    const deletes = await plan(dropped);
    expect(changed(deletes)).toEqual(["update cluster:main", "delete capacity-provider:mi", "delete capacity-provider:web-asg"]);
    expect((await applyPlan(sb.ecs, deletes)).ok).toBe(true);
    const left = await sb.ecs.describeCapacityProviders({});
    expect(left.capacityProviders.map((p) => p.name)).toEqual(["FARGATE", "FARGATE_SPOT"]);
    expect(changed(await plan(dropped))).toEqual([]);
  });

  it("puts a default strategy naming the new Managed Instances provider once it is in the cluster, then re-plans to zero changes", async () => {
    const d = design();
    d.clusters[0].defaultCapacityProviderStrategy = [{ capacityProvider: "mi", base: 1, weight: 1 }];
    const first = await plan(d);
    expect(first.errors).toEqual([]);
    expect(changed(first)).toEqual(["create capacity-provider:web-asg", "create cluster:main", "create capacity-provider:mi", "update cluster:main/strategy"]);
    expect((await applyPlan(sb.ecs, first)).ok).toBe(true);
    const [cluster] = (await sb.ecs.describeClusters({ clusters: ["main"] })).clusters;
    expect([...(cluster.capacityProviders ?? [])].sort()).toEqual(["FARGATE", "mi", "web-asg"]);
    expect(cluster.defaultCapacityProviderStrategy).toEqual([{ capacityProvider: "mi", base: 1, weight: 1 }]);
    expect(changed(await plan(d))).toEqual([]);
  });
});
