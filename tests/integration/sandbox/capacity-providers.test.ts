import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ClientException, CreateCapacityProviderCommand, CreateClusterCommand, CreateServiceCommand, DeleteCapacityProviderCommand,
  DescribeCapacityProvidersCommand, DescribeClustersCommand, DescribeContainerInstancesCommand, DescribeTasksCommand,
  InvalidParameterException, ListContainerInstancesCommand, ListTasksCommand, RegisterTaskDefinitionCommand, UpdateCapacityProviderCommand,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import { rejection, startSandbox } from "./server";

// Capacity providers through the real ECSClient over HTTP: the API's shapes and errors as the
// SDK reads them, and ECS Managed Instances launching, registering and scaling in instances.

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox("eu-west-1"); });
afterAll(async () => { await sb.close(); });

const ASG_ARN = "arn:aws:autoscaling:eu-west-1:000000000000:autoScalingGroup:0b6a2f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/web-asg";

describe("capacity providers over the ECS wire protocol", () => {
  it("creates, updates, describes (page by page) and deletes an Auto Scaling group provider", async () => {
    const { capacityProvider } = await sb.aws.ecs.send(new CreateCapacityProviderCommand({
      name: "web-asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN, managedScaling: { status: "ENABLED", targetCapacity: 90 } },
      tags: [{ key: "team", value: "web" }],
    }));
    expect(capacityProvider).toMatchObject({
      capacityProviderArn: "arn:aws:ecs:eu-west-1:000000000000:capacity-provider/web-asg", status: "ACTIVE", type: "EC2_AUTOSCALING",
      autoScalingGroupProvider: { managedScaling: { status: "ENABLED", targetCapacity: 90, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 } },
    });
    const updated = await sb.aws.ecs.send(new UpdateCapacityProviderCommand({ name: "web-asg", autoScalingGroupProvider: { managedScaling: { maximumScalingStepSize: 4 } } }));
    expect(updated.capacityProvider?.autoScalingGroupProvider?.managedScaling).toMatchObject({ targetCapacity: 90, maximumScalingStepSize: 4 });
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sb.aws.ecs.send(new DescribeCapacityProvidersCommand({ maxResults: 1, nextToken }));
      names.push(...(page.capacityProviders ?? []).map((p) => p.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(names).toEqual(["FARGATE", "FARGATE_SPOT", "web-asg"]);
    const tagged = await sb.aws.ecs.send(new DescribeCapacityProvidersCommand({ capacityProviders: ["web-asg", "FARGATE"], include: ["TAGS"] }));
    expect(tagged.capacityProviders?.map((p) => [p.name, p.tags])).toEqual([["web-asg", [{ key: "team", value: "web" }]], ["FARGATE", []]]);

    const dup = await rejection<ClientException>(sb.aws.ecs.send(new CreateCapacityProviderCommand({ name: "web-asg", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } })));
    expect(dup).toBeInstanceOf(ClientException);
    const reserved = await rejection(sb.aws.ecs.send(new CreateCapacityProviderCommand({ name: "fargate-x", autoScalingGroupProvider: { autoScalingGroupArn: ASG_ARN } })));
    expect(reserved).toBeInstanceOf(InvalidParameterException);

    await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "asg-cluster", capacityProviders: ["web-asg"] }));
    const failed = await sb.aws.ecs.send(new DeleteCapacityProviderCommand({ capacityProvider: "web-asg" }));
    expect(failed.capacityProvider).toMatchObject({ status: "ACTIVE", updateStatus: "DELETE_FAILED" });
  });

  it("runs a service on Managed Instances: instances of a matching type in the provider's subnets' zones, scaled in once idle", async () => {
    const { Subnets } = await sb.aws.ec2.send(new DescribeSubnetsCommand({}));
    const subnets = Subnets!.slice(0, 2).map((s) => s.SubnetId!);
    await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "mi" }));
    const { capacityProvider } = await sb.aws.ecs.send(new CreateCapacityProviderCommand({
      name: "mi-general", cluster: "mi",
      managedInstancesProvider: {
        infrastructureRoleArn: "arn:aws:iam::000000000000:role/ecsInfrastructureRole",
        instanceLaunchTemplate: {
          ec2InstanceProfileArn: "arn:aws:iam::000000000000:instance-profile/ecsInstanceRole",
          networkConfiguration: { subnets }, instanceRequirements: { vCpuCount: { min: 4 }, memoryMiB: { min: 16384 } },
        },
        infrastructureOptimization: { scaleInAfter: 60 },
      },
    }));
    expect(capacityProvider).toMatchObject({ type: "MANAGED_INSTANCES", cluster: "arn:aws:ecs:eu-west-1:000000000000:cluster/mi" });
    expect((await sb.aws.ecs.send(new DescribeClustersCommand({ clusters: ["mi"] }))).clusters?.[0].capacityProviders).toEqual(["mi-general"]);

    await sb.aws.ecs.send(new RegisterTaskDefinitionCommand({
      family: "api", requiresCompatibilities: ["MANAGED_INSTANCES"], cpu: "2048", memory: "8192",
      containerDefinitions: [{ name: "api", image: "api:1", essential: true }],
    }));
    await sb.aws.ecs.send(new CreateServiceCommand({
      cluster: "mi", serviceName: "api", taskDefinition: "api", desiredCount: 3,
      capacityProviderStrategy: [{ capacityProvider: "mi-general", weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets } },
    }));
    await sb.step(60);
    const { taskArns } = await sb.aws.ecs.send(new ListTasksCommand({ cluster: "mi" }));
    const { tasks } = await sb.aws.ecs.send(new DescribeTasksCommand({ cluster: "mi", tasks: taskArns }));
    expect(tasks?.map((t) => [t.lastStatus, t.launchType, t.capacityProviderName])).toEqual(Array(3).fill(["RUNNING", "MANAGED_INSTANCES", "mi-general"]));
    const list = await sb.aws.ecs.send(new ListContainerInstancesCommand({ cluster: "mi" }));
    const { containerInstances } = await sb.aws.ecs.send(new DescribeContainerInstancesCommand({ cluster: "mi", containerInstances: list.containerInstanceArns }));
    // m5.xlarge (4 vCPUs, 16 GiB; 4096 cpu units and 15576 MiB registered) takes one 2048/8192 task.
    expect(containerInstances?.map((i) => [i.capacityProviderName, i.attributes?.find((a) => a.name === "ecs.instance-type")?.value])).toEqual(Array(3).fill(["mi-general", "m5.xlarge"]));
    const zones = new Set(containerInstances?.map((i) => i.attributes?.find((a) => a.name === "ecs.availability-zone")?.value));
    expect(zones).toEqual(new Set(Subnets!.slice(0, 2).map((s) => s.AvailabilityZone)));

    await sb.aws.ecs.send(new UpdateServiceCommand({ cluster: "mi", service: "api", desiredCount: 0 }));
    await sb.step(30);
    await sb.step(60);
    await sb.step(61);
    expect((await sb.aws.ecs.send(new ListContainerInstancesCommand({ cluster: "mi" }))).containerInstanceArns).toEqual([]);
    const gone = await sb.aws.ecs.send(new DescribeContainerInstancesCommand({ cluster: "mi", containerInstances: list.containerInstanceArns }));
    expect(gone.containerInstances?.map((i) => i.status)).toEqual(["INACTIVE", "INACTIVE", "INACTIVE"]);
  });
});
