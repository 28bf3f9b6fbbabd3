import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import {
  CreateListenerCommand, CreateLoadBalancerCommand, CreateRuleCommand, CreateTargetGroupCommand, ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { AutoScalingClient, CreateAutoScalingGroupCommand } from "@aws-sdk/client-auto-scaling";
import { CreateHttpNamespaceCommand, ServiceDiscoveryClient } from "@aws-sdk/client-servicediscovery";
import { readEnvironmentNetworkAction } from "@/lib/actions/environments";
import { defaultVpcEdits, environmentListeners, listenerRuleSuggestions, type EnvironmentNetwork } from "@/lib/domain/designer";
import { validateDesign } from "@/lib/domain/rules";
import { getDb } from "@/lib/db";
import { SANDBOX_ENVIRONMENT_ID, SANDBOX_REGION } from "@/lib/server/environments";
import { handleAwsRequest } from "@/lib/sandbox/http";
import { sandboxDeps } from "@/lib/server/sandbox";
import { inProcessConfig } from "@/lib/aws/in-process";
import { requestScope } from "./helpers/request-scope";
import { signedIn, signedInApp } from "./helpers/sign-in";

// The inspector's pickers and the default-VPC fix read the environment's network through the
// server action, which reads EC2 and ELBv2 of the environment (here the built-in sandbox).

const app = signedInApp({ memorySandbox: true });

describe("readEnvironmentNetworkAction", () => {
  it("offers an editor the sandbox's default VPC, its subnets in three zones, its default group and its target groups", async () => {
    const editor = await signedIn(await getDb(), "editor");
    requestScope.use(editor.headers);
    const first = await readEnvironmentNetworkAction({ environmentId: SANDBOX_ENVIRONMENT_ID });
    if (!first.ok) throw new Error(first.message);
    const vpc = first.data.vpcs.find((v) => v.isDefault)!;
    expect(vpc.cidr).toBe("172.31.0.0/16");
    expect(first.data.subnets.filter((s) => s.vpcId === vpc.id).map((s) => s.zone)).toEqual([`${SANDBOX_REGION}a`, `${SANDBOX_REGION}b`, `${SANDBOX_REGION}c`]);
    expect(first.data.securityGroups.map((g) => g.name)).toContain("default");

    // A target group made in the sandbox (as the AWS CLI would) is offered next time.
    const elb = new ElasticLoadBalancingV2Client(inProcessConfig((req) => handleAwsRequest(req, sandboxDeps()), SANDBOX_REGION, "/sandbox/aws"));
    await elb.send(new CreateTargetGroupCommand({ Name: "picked-tg", Protocol: "HTTP", Port: 80, VpcId: vpc.id, TargetType: "ip" }));
    elb.destroy();
    // So are roles (IAM), the ones ECS tasks can assume first.
    expect(first.data.roles).toEqual([]);
    const iam = new IAMClient(inProcessConfig((req) => handleAwsRequest(req, sandboxDeps()), SANDBOX_REGION, "/sandbox/aws"));
    const trust = (service: string) => JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
    await iam.send(new CreateRoleCommand({ RoleName: "deploy-bot", AssumeRolePolicyDocument: trust("codebuild.amazonaws.com") }));
    await iam.send(new CreateRoleCommand({ RoleName: "ecsTaskExecutionRole", AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com") }));
    iam.destroy();
    // And Cloud Map namespaces, for the Service Connect namespace fields.
    expect(first.data.namespaces).toEqual([]);
    const sd = new ServiceDiscoveryClient(inProcessConfig((req) => handleAwsRequest(req, sandboxDeps()), SANDBOX_REGION, "/sandbox/aws"));
    await sd.send(new CreateHttpNamespaceCommand({ Name: "shop" }));
    sd.destroy();
    // And EC2 Auto Scaling groups, for an Auto Scaling group capacity provider's ARN.
    expect(first.data.autoScalingGroups).toEqual([]);
    const asg = new AutoScalingClient(inProcessConfig((req) => handleAwsRequest(req, sandboxDeps()), SANDBOX_REGION, "/sandbox/aws"));
    await asg.send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: "ecs-nodes", MinSize: 0, MaxSize: 4, LaunchTemplate: { LaunchTemplateName: "ecs-node" }, VPCZoneIdentifier: first.data.subnets[0].id,
    }));
    asg.destroy();
    const second = await readEnvironmentNetworkAction({ environmentId: SANDBOX_ENVIRONMENT_ID });
    expect(second.ok && second.data.targetGroups.map((t) => [t.name, t.targetType])).toEqual([["picked-tg", "ip"]]);
    expect(second.ok && second.data.roles).toEqual([
      { arn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole", name: "ecsTaskExecutionRole", trustedServices: ["ecs-tasks.amazonaws.com"] },
      { arn: "arn:aws:iam::000000000000:role/deploy-bot", name: "deploy-bot", trustedServices: ["codebuild.amazonaws.com"] },
    ]);
    expect(second.ok && second.data.namespaces.map((n) => [n.name, n.type])).toEqual([["shop", "HTTP"]]);
    expect(second.ok && second.data.autoScalingGroups).toEqual([{
      arn: expect.stringMatching(new RegExp(`^arn:aws:autoscaling:${SANDBOX_REGION}:000000000000:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName/ecs-nodes$`)),
      name: "ecs-nodes", minSize: 0, maxSize: 4, desiredCapacity: 0,
    }]);
    expect(second.ok && second.data.namespaces[0].arn).toMatch(/^arn:aws:servicediscovery:[a-z0-9-]+:000000000000:namespace\/ns-/);

    // And the default-VPC fix turns the design's finding into subnets that pass the validator.
    const design = {
      schemaVersion: 1 as const, layout: {}, clusters: [{ id: "c", clusterName: "main" }],
      taskDefinitions: [{ id: "t", family: "web", networkMode: "awsvpc" as const, requiresCompatibilities: ["FARGATE" as const], cpu: "256", memory: "512", containerDefinitions: [{ name: "web", image: "nginx:1.27", essential: true }] }],
      services: [{ id: "s", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE" as const }],
    };
    const finding = validateDesign(design).find((f) => f.fix?.fromEnvironment === "default-vpc")!;
    const out = defaultVpcEdits(design, finding, (second as { data: EnvironmentNetwork }).data);
    expect("edits" in out && (out.edits[0].value as { awsvpcConfiguration: { subnets: string[] } }).awsvpcConfiguration.subnets).toHaveLength(3);
  });

  it("offers the listener rules of an ALB and the listeners of an NLB for blue/green's production and test rules", async () => {
    requestScope.use((await signedIn(await getDb(), "editor")).headers);
    const before = await readEnvironmentNetworkAction({ environmentId: SANDBOX_ENVIRONMENT_ID });
    if (!before.ok) throw new Error(before.message);
    const vpc = before.data.vpcs.find((v) => v.isDefault)!;
    const subnets = before.data.subnets.filter((s) => s.vpcId === vpc.id).map((s) => s.id);
    const elb = new ElasticLoadBalancingV2Client(inProcessConfig((req) => handleAwsRequest(req, sandboxDeps()), SANDBOX_REGION, "/sandbox/aws"));
    const tg = (await elb.send(new CreateTargetGroupCommand({ Name: "rules-tg", Protocol: "HTTP", Port: 80, VpcId: vpc.id, TargetType: "ip" }))).TargetGroups![0].TargetGroupArn!;
    const tcpTg = (await elb.send(new CreateTargetGroupCommand({ Name: "rules-tcp-tg", Protocol: "TCP", Port: 5432, VpcId: vpc.id, TargetType: "ip" }))).TargetGroups![0].TargetGroupArn!;
    const alb = (await elb.send(new CreateLoadBalancerCommand({ Name: "rules-alb", Type: "application", Subnets: subnets }))).LoadBalancers![0].LoadBalancerArn!;
    const nlb = (await elb.send(new CreateLoadBalancerCommand({ Name: "rules-nlb", Type: "network", Subnets: subnets }))).LoadBalancers![0].LoadBalancerArn!;
    const forward = (TargetGroupArn: string) => [{ Type: "forward" as const, TargetGroupArn }];
    const http = (await elb.send(new CreateListenerCommand({ LoadBalancerArn: alb, Protocol: "HTTP", Port: 80, DefaultActions: forward(tg) }))).Listeners![0].ListenerArn!;
    await elb.send(new CreateRuleCommand({ ListenerArn: http, Priority: 10, Conditions: [{ Field: "path-pattern", Values: ["/api/*"] }], Actions: forward(tg) }));
    await elb.send(new CreateRuleCommand({ ListenerArn: http, Priority: 5, Conditions: [{ Field: "host-header", HostHeaderConfig: { Values: ["admin.example.com"] } }], Actions: forward(tg) }));
    const tcp = (await elb.send(new CreateListenerCommand({ LoadBalancerArn: nlb, Protocol: "TCP", Port: 5432, DefaultActions: forward(tcpTg) }))).Listeners![0].ListenerArn!;
    elb.destroy();

    const after = await readEnvironmentNetworkAction({ environmentId: SANDBOX_ENVIRONMENT_ID });
    if (!after.ok) throw new Error(after.message);
    const offered = listenerRuleSuggestions(after.data);
    expect(offered.map((o) => o.label)).toEqual(expect.arrayContaining([
      "rules-alb HTTP:80 default", "rules-alb HTTP:80 priority 5: host admin.example.com", "rules-alb HTTP:80 priority 10: path /api/*", "rules-nlb TCP:5432 listener",
    ]));
    // The values are what ECS takes: the ALB's rule ARNs (DescribeRules), the NLB's listener ARN.
    expect(offered.find((o) => o.label === "rules-nlb TCP:5432 listener")!.value).toBe(tcp);
    const albRules = offered.filter((o) => o.label.startsWith("rules-alb"));
    expect(albRules.every((o) => o.value.includes(":listener-rule/app/rules-alb/"))).toBe(true);
    // An existing load balancer node lists the environment's listeners of its ARN.
    expect(environmentListeners(after.data, alb).map(({ listener, rules }) => [listener.arn, listener.port, rules.map((r) => r.priority)])).toEqual([[http, 80, ["default", 5, 10]]]);
  });

  it("refuses a viewer, and names the field of a malformed environment id", async () => {
    requestScope.use((await signedIn(app.db, "viewer")).headers);
    expect(await readEnvironmentNetworkAction({ environmentId: SANDBOX_ENVIRONMENT_ID })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    requestScope.use(app.admin.headers);
    expect(await readEnvironmentNetworkAction({ environmentId: "nope" })).toMatchObject({ ok: false, code: "VALIDATION", issues: [{ path: "environmentId" }] });
  });
});
