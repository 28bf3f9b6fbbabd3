import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import {
  ContinueServiceDeploymentCommand, CreateClusterCommand, CreateServiceCommand, DescribeServiceDeploymentsCommand, DescribeServiceRevisionsCommand,
  InvalidParameterException, ListServiceDeploymentsCommand, RegisterTaskDefinitionCommand, ServiceDeploymentNotFoundException,
  StopServiceDeploymentCommand, UpdateServiceCommand, type ServiceDeployment,
} from "@aws-sdk/client-ecs";
import {
  CreateListenerCommand, CreateLoadBalancerCommand, CreateRuleCommand, CreateTargetGroupCommand, DescribeRulesCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { rejection, startSandbox } from "./server";

// A canary deployment with a PAUSE hook before each production traffic step, through the real
// ECSClient and ElasticLoadBalancingV2Client at /sandbox/aws: the listener rule's weights move
// 100/0 → 90/10 → 0/100 as the deployment is continued.

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox(); });
afterAll(async () => { await sb.close(); });

/** Steps simulated time 5 s at a time until `done` holds (at most `limit` seconds). */
async function until(done: () => Promise<boolean>, limit = 900): Promise<boolean> {
  for (let t = 0; t < limit; t += 5) {
    if (await done()) return true;
    await sb.step(5);
  }
  return done();
}

const td = (image: string) => ({
  family: "web", networkMode: "bridge" as const,
  containerDefinitions: [{ name: "web", image, memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
});

describe("service deployments over the ECS JSON protocol", () => {
  it("runs a canary with a PAUSE hook at PRE_PRODUCTION_TRAFFIC_SHIFT: 10 % after the first continue, all after the second", async () => {
    const { ecs, elbv2, ec2 } = sb.aws;
    const vpcId = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs![0].VpcId!;
    const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.SubnetId!);
    const lb = (await elbv2.send(new CreateLoadBalancerCommand({ Name: "shop", Subnets: subnets }))).LoadBalancers![0];
    const group = async (Name: string) => (await elbv2.send(new CreateTargetGroupCommand({ Name, Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "instance",
      HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2 }))).TargetGroups![0].TargetGroupArn!;
    const blue = await group("shop-blue");
    const green = await group("shop-green");
    const listener = (await elbv2.send(new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: blue }],
    }))).Listeners![0];
    const rule = (await elbv2.send(new CreateRuleCommand({
      ListenerArn: listener.ListenerArn, Priority: 10, Conditions: [{ Field: "path-pattern", Values: ["/*"] }],
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 100 }, { TargetGroupArn: green, Weight: 0 }] } }],
    }))).Rules![0].RuleArn!;
    const weights = async () => {
      const r = (await elbv2.send(new DescribeRulesCommand({ RuleArns: [rule] }))).Rules![0];
      return r.Actions![0].ForwardConfig!.TargetGroups!.map((g) => [g.TargetGroupArn === blue ? "blue" : "green", g.Weight]);
    };

    await ecs.send(new CreateClusterCommand({ clusterName: "shop" }));
    await sb.control({ action: "addInstances", cluster: "shop", count: 4 });
    await ecs.send(new RegisterTaskDefinitionCommand(td("shop:1")));
    await ecs.send(new CreateServiceCommand({
      cluster: "shop", serviceName: "web", taskDefinition: "web:1", desiredCount: 2,
      loadBalancers: [{
        targetGroupArn: blue, containerName: "web", containerPort: 80,
        advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: rule, roleArn: "arn:aws:iam::000000000000:role/ecs-elb" },
      }],
      deploymentConfiguration: {
        strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
        lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 60, action: "ROLLBACK" } }],
      },
    }));
    const statuses = async () => (await ecs.send(new ListServiceDeploymentsCommand({ cluster: "shop", service: "web" }))).serviceDeployments!.map((d) => d.status);
    expect(await until(async () => (await statuses())[0] === "SUCCESSFUL")).toBe(true);
    await ecs.send(new RegisterTaskDefinitionCommand(td("shop:2")));
    await ecs.send(new UpdateServiceCommand({ cluster: "shop", service: "web", taskDefinition: "web:2" }));

    const list = (await ecs.send(new ListServiceDeploymentsCommand({ cluster: "shop", service: "web" }))).serviceDeployments!;
    expect(list.map((d) => d.status)).toEqual(["IN_PROGRESS", "SUCCESSFUL"]);
    const since = list[0].createdAt!;
    expect((await ecs.send(new ListServiceDeploymentsCommand({ cluster: "shop", service: "web", createdAt: { after: since } }))).serviceDeployments!.map((d) => d.status)).toEqual(["IN_PROGRESS"]);
    expect((await ecs.send(new ListServiceDeploymentsCommand({ cluster: "shop", service: "web", status: ["SUCCESSFUL"] }))).serviceDeployments).toHaveLength(1);
    const arn = list[0].serviceDeploymentArn!;
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:service-deployment\/shop\/web\/[A-Za-z0-9_-]{22}$/);
    const describe = async (): Promise<ServiceDeployment> => (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
    expect(await until(async () => ((await describe()).lifecycleStage as string) === "PRE_PRODUCTION_TRAFFIC_SHIFT")).toBe(true);
    const paused = async () => {
      const sd = await describe();
      // The SDK's ServiceDeploymentLifecycleStage enum lacks PRE_PRODUCTION_TRAFFIC_SHIFT, which its own
      // documentation of lifecycleStage lists (and DeploymentLifecycleHookStage has): a plain string here.
      expect(sd.lifecycleStage).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT");
      const hook = sd.lifecycleHookDetails!.find((h) => h.status === "AWAITING_ACTION")!;
      expect(hook).toMatchObject({ targetType: "PAUSE", timeoutAction: "ROLLBACK" });
      expect(hook.expiresAt).toBeInstanceOf(Date);
      return hook.hookId!;
    };

    let sd = await describe();
    expect(sd).toMatchObject({
      status: "IN_PROGRESS", deploymentConfiguration: { strategy: "CANARY" },
      targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: 2, requestedProductionTrafficWeight: 0 },
      sourceServiceRevisions: [{ requestedTaskCount: 2, runningTaskCount: 2, requestedProductionTrafficWeight: 100 }],
      deploymentCircuitBreaker: { status: "DISABLED" },
    });
    expect(sd.createdAt).toBeInstanceOf(Date);
    const first = await paused();
    expect(await weights()).toEqual([["blue", 100], ["green", 0]]);

    const wrong = await rejection<InvalidParameterException>(ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: "not-a-hook" })));
    expect(wrong).toBeInstanceOf(InvalidParameterException);

    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: first, action: "CONTINUE" }));
    expect(await weights()).toEqual([["blue", 90], ["green", 10]]);
    expect((await describe()).targetServiceRevision!.requestedProductionTrafficWeight).toBe(10);

    await sb.step(5 * 60);
    const second = await paused();
    expect(second).not.toBe(first);
    expect(await weights()).toEqual([["blue", 90], ["green", 10]]);
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: second }));
    expect(await weights()).toEqual([["blue", 0], ["green", 100]]);

    expect(await until(async () => (await describe()).status === "SUCCESSFUL")).toBe(true);
    sd = await describe();
    expect(sd).toMatchObject({ lifecycleStage: "CLEAN_UP", targetServiceRevision: { runningTaskCount: 2 }, sourceServiceRevisions: [{ runningTaskCount: 0 }] });
    expect(sd.finishedAt).toBeInstanceOf(Date);

    const revision = (await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [sd.targetServiceRevision!.arn!] }))).serviceRevisions![0];
    expect(revision).toMatchObject({
      taskDefinition: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:2", containerImages: [{ containerName: "web", image: "shop:2" }],
      resolvedConfiguration: { loadBalancers: [{ targetGroupArn: green, productionListenerRule: rule }] },
    });

    const stopped = await rejection(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ROLLBACK" })));
    expect((stopped as Error).name).toBe("ConflictException");
    const missing = await rejection(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: `${arn.slice(0, -22)}AAAAAAAAAAAAAAAAAAAAAA` })));
    expect(missing).toBeInstanceOf(ServiceDeploymentNotFoundException);
  });
});
