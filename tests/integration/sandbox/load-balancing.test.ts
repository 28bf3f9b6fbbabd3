import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import {
  CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTasksCommand, InvalidParameterException, ListTasksCommand,
  RegisterTaskDefinitionCommand, type ECSServiceException,
} from "@aws-sdk/client-ecs";
import {
  CreateListenerCommand, CreateLoadBalancerCommand, CreateTargetGroupCommand, DescribeTargetHealthCommand, type TargetHealthDescription,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { rejection as failed, startSandbox } from "./server";

// ECS services behind an Application Load Balancer in the sandbox, through the real ECSClient and
// ElasticLoadBalancingV2Client over HTTP: tasks register with their target group and become
// healthy by its checks; a container made unhealthy fails them, and the service replaces its task.

let sb: Awaited<ReturnType<typeof startSandbox>>;
let subnets: string[];
let tgArn: string;
beforeAll(async () => {
  sb = await startSandbox("eu-west-1");
  const vpcId = (await sb.aws.ec2.send(new DescribeVpcsCommand({}))).Vpcs![0].VpcId!;
  subnets = (await sb.aws.ec2.send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.SubnetId!);
  const lb = (await sb.aws.elbv2.send(new CreateLoadBalancerCommand({ Name: "shop", Subnets: subnets }))).LoadBalancers![0];
  const tg = (await sb.aws.elbv2.send(new CreateTargetGroupCommand({
    Name: "shop-web", Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "ip", HealthCheckPath: "/health",
    HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 3, UnhealthyThresholdCount: 2,
  }))).TargetGroups![0];
  tgArn = tg.TargetGroupArn!;
  await sb.aws.elbv2.send(new CreateListenerCommand({
    LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tgArn }],
  }));
  await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "shop" }));
  await sb.aws.ecs.send(new RegisterTaskDefinitionCommand({
    family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "nginx:1.27", portMappings: [{ containerPort: 80 }] }],
  }));
});
afterAll(async () => { await sb.close(); });

const ecs = () => sb.aws.ecs;
const targets = async (): Promise<TargetHealthDescription[]> =>
  (await sb.aws.elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }))).TargetHealthDescriptions!;
const service = async () => (await ecs().send(new DescribeServicesCommand({ cluster: "shop", services: ["web"] }))).services![0];
const runningTasks = async () => {
  const { taskArns } = await ecs().send(new ListTasksCommand({ cluster: "shop", serviceName: "web", desiredStatus: "RUNNING" }));
  return (await ecs().send(new DescribeTasksCommand({ cluster: "shop", tasks: taskArns }))).tasks!;
};
const eniAddress = (t: { attachments?: { details?: { name?: string; value?: string }[] }[] }) =>
  t.attachments![0].details!.find((d) => d.name === "privateIPv4Address")!.value!;

describe("an ECS service behind an Application Load Balancer", () => {
  it("refuses a container port the task definition does not map, with ECS's message", async () => {
    const e = await failed<ECSServiceException>(ecs().send(new CreateServiceCommand({
      cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets } },
      loadBalancers: [{ targetGroupArn: tgArn, containerName: "web", containerPort: 8080 }],
    })));
    expect(e).toBeInstanceOf(InvalidParameterException);
    expect(e.message).toBe("The container web did not have a container port 8080 defined.");
  });

  it("registers its Fargate tasks, which become healthy after three passing checks", async () => {
    const created = (await ecs().send(new CreateServiceCommand({
      cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets } }, healthCheckGracePeriodSeconds: 0,
      loadBalancers: [{ targetGroupArn: tgArn, containerName: "web", containerPort: 80 }],
    }))).service!;
    expect(created.loadBalancers).toEqual([{ targetGroupArn: tgArn, containerName: "web", containerPort: 80 }]);
    await sb.step(5);
    const tasks = await runningTasks();
    const registered = await targets();
    expect(registered.map((d) => d.Target!.Id).sort()).toEqual(tasks.map(eniAddress).sort());
    expect(registered[0]).toEqual({
      Target: { Id: registered[0].Target!.Id, Port: 80 }, HealthCheckPort: "80",
      TargetHealth: { State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress" },
    });
    await sb.step(20);
    expect((await targets()).map((d) => d.TargetHealth)).toEqual([
      { State: "initial", Reason: "Elb.InitialHealthChecking", Description: "Initial health checks in progress" },
      { State: "initial", Reason: "Elb.InitialHealthChecking", Description: "Initial health checks in progress" },
    ]);
    await sb.step(10);
    expect((await targets()).map((d) => d.TargetHealth)).toEqual([{ State: "healthy" }, { State: "healthy" }]);
    expect((await service()).events![0].message).toBe("(service web) has reached a steady state.");
  });

  it("replaces a task whose container turns unhealthy: the target fails, drains, and a new task takes its place", async () => {
    const [sick] = await runningTasks();
    const address = eniAddress(sick);
    await sb.control({ action: "failHealthCheck", region: "eu-west-1", cluster: "shop", task: sick.taskArn });
    await sb.step(20);
    const id = sick.taskArn!.split("/").pop();
    const messages = (await service()).events!.map((e) => e.message);
    expect(messages).toContain(`(service web) (task ${id}) (port 80) is unhealthy in (target-group ${tgArn}) due to (reason Health checks failed with these codes: [503]).`);
    const stopped = (await ecs().send(new DescribeTasksCommand({ cluster: "shop", tasks: [sick.taskArn!] }))).tasks![0];
    expect(stopped).toMatchObject({
      desiredStatus: "STOPPED", lastStatus: "DEACTIVATING", stopCode: "ServiceSchedulerInitiated",
      stoppedReason: `Task failed ELB health checks in (target-group ${tgArn})`,
    });
    expect((await targets()).find((d) => d.Target!.Id === address)!.TargetHealth)
      .toEqual({ State: "draining", Reason: "Target.DeregistrationInProgress", Description: "Target deregistration is in progress" });
    const live = (await runningTasks()).map((t) => t.taskArn);
    expect(live).toHaveLength(2);
    expect(live).not.toContain(sick.taskArn);
    await sb.step(310); // the 300 s deregistration delay, then stopping and deprovisioning
    const after = await targets();
    expect(after.map((d) => d.Target!.Id)).not.toContain(address);
    expect(after.map((d) => d.TargetHealth!.State)).toEqual(["healthy", "healthy"]);
    expect((await ecs().send(new DescribeTasksCommand({ cluster: "shop", tasks: [sick.taskArn!] }))).tasks![0].lastStatus).toBe("STOPPED");
    expect((await service()).runningCount).toBe(2);
  });
});
