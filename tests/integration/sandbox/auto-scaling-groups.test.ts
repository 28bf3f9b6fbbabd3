import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AlreadyExistsFault, AutoScalingServiceException, CreateAutoScalingGroupCommand, DeleteAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand,
  ResourceInUseFault, UpdateAutoScalingGroupCommand, paginateDescribeAutoScalingGroups,
} from "@aws-sdk/client-auto-scaling";
import { DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import { CreateCapacityProviderCommand, CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { rejection as failed, startSandbox } from "./server";

// EC2 Auto Scaling over awsQuery (Action=DescribeAutoScalingGroups&Version=2011-01-01, XML
// answers), through the real AutoScalingClient at /sandbox/aws: groups, and the group an ECS
// capacity provider with managed scaling scales to hold its targetCapacity.

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox(); });
afterAll(async () => { await sb.close(); });

const rejection = (call: Promise<unknown>) => failed<AutoScalingServiceException>(call);
const LT = { LaunchTemplateName: "ecs-node", Version: "$Latest" };
const describeGroup = async (name: string) =>
  (await sb.aws.ec2AutoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }))).AutoScalingGroups?.[0];

describe("EC2 Auto Scaling over awsQuery", () => {
  it("creates groups in subnets' zones, describes them in pages and refuses duplicates in Auto Scaling's words", async () => {
    const subnets = (await sb.aws.ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
    for (const name of ["alpha", "beta", "gamma"]) {
      await sb.aws.ec2AutoScaling.send(new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: name, LaunchTemplate: LT, MinSize: 0, MaxSize: 3, VPCZoneIdentifier: subnets.slice(0, 2).map((s) => s.SubnetId).join(","),
        Tags: [{ Key: "team", Value: name, PropagateAtLaunch: true }],
      }));
    }
    const g = await describeGroup("beta");
    expect(g).toMatchObject({
      AutoScalingGroupName: "beta", MinSize: 0, MaxSize: 3, DesiredCapacity: 0, LaunchTemplate: LT, Instances: [],
      AvailabilityZones: subnets.slice(0, 2).map((s) => s.AvailabilityZone), NewInstancesProtectedFromScaleIn: false,
      Tags: [{ ResourceId: "beta", ResourceType: "auto-scaling-group", Key: "team", Value: "beta", PropagateAtLaunch: true }],
    });
    expect(g?.CreatedTime).toBeInstanceOf(Date);
    expect(g?.AutoScalingGroupARN).toMatch(/^arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/beta$/);
    const names: string[] = [];
    for await (const page of paginateDescribeAutoScalingGroups({ client: sb.aws.ec2AutoScaling, pageSize: 2 }, {})) {
      expect(page.AutoScalingGroups!.length).toBeLessThanOrEqual(2);
      names.push(...page.AutoScalingGroups!.map((x) => x.AutoScalingGroupName!));
    }
    expect(names).toEqual(["alpha", "beta", "gamma"]);
    const dup = await rejection(sb.aws.ec2AutoScaling.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: "beta", LaunchTemplate: LT, MinSize: 0, MaxSize: 1, AvailabilityZones: ["us-east-1a"] })));
    expect(dup).toBeInstanceOf(AlreadyExistsFault);
    expect(dup.message).toBe("AutoScalingGroup by this name already exists - A group with the name beta already exists");
    const bad = await rejection(sb.aws.ec2AutoScaling.send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: "alpha", MinSize: 2, MaxSize: 1 })));
    expect(bad).toMatchObject({ name: "ValidationError", message: "Max bound, 1, must be greater than or equal to min bound, 2" });
    await sb.aws.ec2AutoScaling.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: "gamma" }));
    expect(await describeGroup("gamma")).toBeUndefined();
  });

  it("a capacity provider's group: instances Pending in the warm-up, InService and protected while they run tasks", async () => {
    const arn = (await describeGroup("alpha"))!.AutoScalingGroupARN!;
    await sb.aws.ecs.send(new CreateCapacityProviderCommand({
      name: "alpha-cp",
      autoScalingGroupProvider: { autoScalingGroupArn: arn, managedScaling: { status: "ENABLED", targetCapacity: 100, instanceWarmupPeriod: 120 }, managedTerminationProtection: "ENABLED" },
    }));
    await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "asg", capacityProviders: ["alpha-cp"], defaultCapacityProviderStrategy: [{ capacityProvider: "alpha-cp", weight: 1 }] }));
    await sb.aws.ecs.send(new RegisterTaskDefinitionCommand({ family: "web", cpu: "1024", memory: "2048", containerDefinitions: [{ name: "web", image: "web:1", essential: true }] }));
    // 4 one-vCPU tasks fill 2 m5.large instances.
    await sb.aws.ecs.send(new CreateServiceCommand({ cluster: "asg", serviceName: "web", taskDefinition: "web", desiredCount: 4 }));
    await sb.step(60);
    const warming = await describeGroup("alpha");
    expect(warming).toMatchObject({ DesiredCapacity: 2 });
    expect(warming?.Instances?.map((i) => i.LifecycleState)).toEqual(["Pending", "Pending"]);
    await sb.step(90);
    const serving = await describeGroup("alpha");
    expect(serving?.DesiredCapacity).toBe(2);
    expect(serving?.Instances?.map((i) => [i.InstanceId, i.LifecycleState, i.ProtectedFromScaleIn, i.InstanceType])).toEqual(
      warming?.Instances?.map((i) => [i.InstanceId, "InService", true, "m5.large"]),
    );
    const inUse = await rejection(sb.aws.ec2AutoScaling.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: "alpha" })));
    expect(inUse).toBeInstanceOf(ResourceInUseFault);
  });
});
