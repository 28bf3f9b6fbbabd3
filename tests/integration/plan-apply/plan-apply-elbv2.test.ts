import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Ec2Port, Elbv2Port } from "@/lib/aws";
import type { Design } from "@/lib/domain/design";
import type { Plan } from "@/lib/domain/plan";
import { applyPlan, planAgainstAccount } from "@/lib/server/plan";
import { startPlanSandbox, webDesign } from "./sandbox";

// Plan and apply of the ELBv2 resources a design owns, against the sandbox through the real
// ECS, ELBv2 and EC2 clients over HTTP: an ALB with a listener forwarding to an owned target
// group, and a service attached to it.

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
let elbv2: Elbv2Port;
let ec2: Ec2Port;
beforeEach(async () => {
  sb = await startPlanSandbox();
  elbv2 = sb.aws.elbv2({ region: sb.region });
  ec2 = sb.aws.ec2({ region: sb.region });
});
afterEach(async () => {
  elbv2.destroy();
  ec2.destroy();
  await sb.close();
});

const designId = "design-elb";
const plan = async (d: Design) => (await planAgainstAccount(sb.ecs, d, { designId, elbv2, ec2 })).plan;
const apply = (p: Plan) => applyPlan(sb.ecs, p, { elbv2 });
const changed = (p: Plan) => p.steps.filter((s) => s.action !== "no-change").map((s) => `${s.action} ${s.key}`);

/**
 * The web service of webDesign behind an ALB: listener 80 forwards to the owned target group
 * web-tg (and, with weight 0, to web-tg-green, the service's alternate group for blue/green).
 */
async function albDesign(): Promise<Design> {
  const d = webDesign();
  const [vpc] = await ec2.describeVpcs();
  const subnets = (await ec2.describeSubnets({ filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] })).map((s) => s.SubnetId!);
  d.services[0].networkConfiguration = { awsvpcConfiguration: { subnets: subnets.slice(0, 2) } };
  d.services[0].loadBalancers = [{
    targetGroupArn: "targetgroup/web-tg", containerName: "app", containerPort: 80,
    advancedConfiguration: { alternateTargetGroupArn: "targetgroup/web-tg-green", productionListenerRule: "listener-rule/web-alb/80/default", roleArn: "arn:aws:iam::000000000000:role/ecs-elb" },
  }];
  d.targetGroups = [
    { id: "tg-web", name: "web-tg", targetType: "ip", protocol: "HTTP", port: 80, healthCheck: { path: "/health" }, deregistrationDelaySeconds: 30 },
    { id: "tg-green", name: "web-tg-green", targetType: "ip", protocol: "HTTP", port: 80 },
  ];
  d.loadBalancers = [{
    id: "lb-web", name: "web-alb", type: "application", scheme: "internet-facing",
    listeners: [{
      port: 80, protocol: "HTTP",
      defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web-tg", weight: 100 }, { targetGroupArn: "targetgroup/web-tg-green", weight: 0 }] },
    }],
  }];
  return d;
}

describe("plan/apply of owned ELBv2 resources against the sandbox", () => {
  it("creates the target group, load balancer, listener and service in order, then plans zero changes", async () => {
    const d = await albDesign();
    d.loadBalancers![0].listeners![0].rules = [{ priority: 10, conditions: [{ field: "path-pattern", values: ["/maintenance/*"] }], action: { type: "fixed-response", fixedResponse: { statusCode: "503" } } }];
    const p = await plan(d);
    expect(changed(p)).toEqual([
      "create cluster:main", "create task-definition:web", "create task-definition:worker",
      "create target-group:web-tg", "create target-group:web-tg-green", "create load-balancer:web-alb", "create listener:web-alb/80",
      "create service:main/web", "create service:main/worker",
    ]);
    const lbCreate = p.steps.find((s) => s.key === "load-balancer:web-alb")!.calls[0];
    expect(lbCreate).toMatchObject({ service: "elbv2", operation: "CreateLoadBalancer" });
    expect((lbCreate.input.Subnets as string[]).length).toBe(3); // the default VPC's subnets
    const r = await apply(p);
    expect(r).toMatchObject({ ok: true });

    const [tg, green] = await elbv2.describeTargetGroups({ names: ["web-tg", "web-tg-green"] });
    expect(tg).toMatchObject({ TargetGroupName: "web-tg", TargetType: "ip", Protocol: "HTTP", Port: 80, HealthCheckPath: "/health" });
    expect((await elbv2.describeTargetGroupAttributes({ TargetGroupArn: tg.TargetGroupArn })).Attributes)
      .toContainEqual({ Key: "deregistration_delay.timeout_seconds", Value: "30" });
    const [lb] = await elbv2.describeLoadBalancers({ names: ["web-alb"] });
    expect(tg.LoadBalancerArns).toEqual([lb.LoadBalancerArn]);
    const tags = await elbv2.describeTags({ resourceArns: [tg.TargetGroupArn!, lb.LoadBalancerArn!] });
    for (const t of tags) expect(t.Tags).toContainEqual({ Key: "stevedore:design", Value: designId });
    const [listener] = await elbv2.describeListeners({ loadBalancerArn: lb.LoadBalancerArn! });
    expect(listener.DefaultActions?.[0].ForwardConfig?.TargetGroups).toEqual([
      { TargetGroupArn: tg.TargetGroupArn, Weight: 100 }, { TargetGroupArn: green.TargetGroupArn, Weight: 0 },
    ]);
    const defaultRule = (await elbv2.describeRules({ listenerArn: listener.ListenerArn! })).find((r) => r.IsDefault)!;
    const { services } = await sb.ecs.describeServices({ cluster: "main", services: ["web"] });
    expect(services[0].loadBalancers).toEqual([{
      targetGroupArn: tg.TargetGroupArn, containerName: "app", containerPort: 80,
      advancedConfiguration: { alternateTargetGroupArn: green.TargetGroupArn, productionListenerRule: defaultRule.RuleArn, roleArn: "arn:aws:iam::000000000000:role/ecs-elb" },
    }]);

    const again = await plan(d);
    expect(changed(again)).toEqual([]);
    expect(again.empty).toBe(true);
    // Re-applying the first (stale) plan is harmless for the ELBv2 creates: ELBv2 answers the
    // existing resources, and the rule holding priority 10 carries this design's tags, so it is reused.
    const stale = { ...p, steps: p.steps.filter((s) => ["target-group", "load-balancer", "listener"].includes(s.kind)) };
    expect(stale.steps.find((s) => s.kind === "listener")!.calls.map((c) => c.operation)).toEqual(["CreateListener", "CreateRule"]);
    expect(await applyPlan(sb.ecs, stale, { elbv2 })).toMatchObject({ ok: true });
    expect(await elbv2.describeTargetGroups({ names: ["web-tg"] })).toHaveLength(1);
    expect(await elbv2.describeRules({ listenerArn: listener.ListenerArn! })).toHaveLength(2);
    expect((await plan(d)).empty).toBe(true);
  });

  it("updates a changed health check in place, and deletes the load balancer and group once the design drops them", async () => {
    const d = await albDesign();
    expect(await apply(await plan(d))).toMatchObject({ ok: true });

    const d2 = await albDesign();
    d2.targetGroups![0].healthCheck = { path: "/ready", healthyThresholdCount: 3 };
    d2.targetGroups![0].deregistrationDelaySeconds = 10;
    const p2 = await plan(d2);
    expect(changed(p2)).toEqual(["update target-group:web-tg"]);
    const step = p2.steps.find((s) => s.key === "target-group:web-tg")!;
    expect(step.changes).toEqual([
      { path: "healthCheck.path", old: "/health", new: "/ready" },
      { path: "healthCheck.healthyThresholdCount", old: 5, new: 3 },
      { path: "deregistrationDelaySeconds", old: 30, new: 10 },
    ]);
    expect(step.calls.map((c) => c.operation)).toEqual(["ModifyTargetGroup", "ModifyTargetGroupAttributes"]);
    expect(await apply(p2)).toMatchObject({ ok: true });
    expect((await elbv2.describeTargetGroups({ names: ["web-tg"] }))[0]).toMatchObject({ HealthCheckPath: "/ready", HealthyThresholdCount: 3 });
    expect((await plan(d2)).empty).toBe(true);

    // A target group nobody tagged, named like nothing in the design, and another design's.
    const [vpc] = await ec2.describeVpcs();
    await elbv2.createTargetGroup({ Name: "manual-tg", Protocol: "HTTP", Port: 8080, VpcId: vpc.VpcId, TargetType: "ip" });
    await elbv2.createTargetGroup({ Name: "other-tg", Protocol: "HTTP", Port: 8080, VpcId: vpc.VpcId, TargetType: "ip", Tags: [{ Key: "stevedore:design", Value: "design-2" }] });

    // The design without its load balancer and target group: the service is detached first.
    const d3 = await albDesign();
    d3.services[0].loadBalancers = [];
    d3.loadBalancers = [];
    d3.targetGroups = [];
    const p3 = await plan(d3);
    expect(changed(p3)).toEqual(["update service:main/web", "delete load-balancer:web-alb", "delete target-group:web-tg", "delete target-group:web-tg-green"]);
    expect(p3.steps.flatMap((s) => s.calls.map((c) => c.operation))).toEqual(["UpdateService", "DeleteLoadBalancer", "DeleteTargetGroup", "DeleteTargetGroup"]);
    expect(await apply(p3)).toMatchObject({ ok: true });
    expect(await elbv2.describeLoadBalancers({ names: ["web-alb"] })).toEqual([]);
    expect((await elbv2.describeTargetGroups()).map((t) => t.TargetGroupName).sort()).toEqual(["manual-tg", "other-tg"]);
    expect(changed(await plan(d3))).toEqual([]);
  });

  it("moves a load balancer to other subnets in place (SetSubnets); naming the group an ALB got by default changes nothing", async () => {
    const [vpc] = await ec2.describeVpcs();
    const subnets = (await ec2.describeSubnets({ filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] })).map((s) => s.SubnetId!);
    const [group] = await ec2.describeSecurityGroups({ filters: [{ Name: "group-name", Values: ["default"] }] });
    const d = await albDesign();
    d.loadBalancers![0].subnets = subnets.slice(0, 2);
    expect(await apply(await plan(d))).toMatchObject({ ok: true });

    const d2 = await albDesign();
    d2.loadBalancers![0].subnets = subnets.slice(1, 3);
    d2.loadBalancers![0].securityGroups = [group.GroupId!];
    const p2 = await plan(d2);
    expect(changed(p2)).toEqual(["update load-balancer:web-alb"]);
    // An ALB created without security groups has its VPC's default group: the design naming it is no change.
    expect(p2.steps.find((s) => s.key === "load-balancer:web-alb")!.calls.map((c) => c.operation)).toEqual(["SetSubnets"]);
    expect(await apply(p2)).toMatchObject({ ok: true });
    const [lb] = await elbv2.describeLoadBalancers({ names: ["web-alb"] });
    expect(lb.AvailabilityZones!.map((z) => z.SubnetId).sort()).toEqual(subnets.slice(1, 3).sort());
    expect(lb.SecurityGroups).toEqual([group.GroupId]);
    expect((await plan(d2)).empty).toBe(true);
  });

  it("keeps a dropped target group someone else's rule still forwards to: the plan says so, apply stops with ELBv2's refusal", async () => {
    const d = await albDesign();
    expect(await apply(await plan(d))).toMatchObject({ ok: true });
    const [tg] = await elbv2.describeTargetGroups({ names: ["web-tg-green"] });
    // Someone adds a rule of their own to the design's listener, forwarding to the green group.
    const [lb] = await elbv2.describeLoadBalancers({ names: ["web-alb"] });
    const [listener] = await elbv2.describeListeners({ loadBalancerArn: lb.LoadBalancerArn! });
    await elbv2.createRule({
      ListenerArn: listener.ListenerArn, Priority: 50, Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/beta/*"] } }],
      Actions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }],
    });

    const d2 = await albDesign();
    d2.targetGroups = d2.targetGroups!.filter((t) => t.name !== "web-tg-green");
    d2.loadBalancers![0].listeners![0].defaultAction = { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web-tg" }] };
    // (A design that leaves advancedConfiguration out leaves the service's as it is.)
    delete d2.services[0].loadBalancers![0].advancedConfiguration;
    const p2 = await plan(d2);
    expect(changed(p2)).toEqual(["update listener:web-alb/80", "delete target-group:web-tg-green"]);
    expect(p2.steps.find((x) => x.key === "listener:web-alb/80")!.notes).toEqual(["rule 50 was not created by this design: left as is"]);
    expect(p2.steps.at(-1)!.notes[1]).toMatch(/still forwards to it/);
    let t = 0;
    const waits: string[] = [];
    const r = await applyPlan(sb.ecs, p2, {
      elbv2, pollMs: 10_000, clock: { now: () => t, sleep: async (ms) => { t += ms; } },
      onProgress: (x) => { if (x.type === "waiting") waits.push(x.message); },
    });
    expect(r).toMatchObject({ ok: false, failedStep: "target-group:web-tg-green", error: { name: "ResourceInUseException" } });
    expect(waits).toHaveLength(1);
    expect(t).toBe(60_000);
    expect(await elbv2.describeTargetGroups({ names: ["web-tg-green"] })).toHaveLength(1);
  });

  it("plans an ECS-only design where the credentials may not read ELBv2; a design with load balancers gets AWS's refusal", async () => {
    const denied = Object.assign(new Error("User is not authorized to perform: elasticloadbalancing:DescribeTargetGroups"), { name: "AccessDenied" });
    const noElb = new Proxy({} as Elbv2Port, { get: () => async () => { throw denied; } });
    const ecsOnly = await planAgainstAccount(sb.ecs, webDesign(), { designId, elbv2: noElb, ec2 });
    expect(ecsOnly.plan.steps.map((s) => s.kind)).not.toContain("target-group");
    await expect(planAgainstAccount(sb.ecs, await albDesign(), { designId, elbv2: noElb, ec2 })).rejects.toThrow(denied.message);
  });

  it("never modifies an existing load balancer referenced by ARN, nor its listeners", async () => {
    const [vpc] = await ec2.describeVpcs();
    const subnets = (await ec2.describeSubnets({ filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] })).map((s) => s.SubnetId!);
    const lb = (await elbv2.createLoadBalancer({ Name: "shared-alb", Subnets: subnets.slice(0, 2), Type: "application" })).LoadBalancers![0];
    const fixed = { Type: "fixed-response" as const, FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain" } };
    await elbv2.createListener({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [fixed] });
    const before = await elbv2.describeListeners({ loadBalancerArn: lb.LoadBalancerArn! });

    const d = await albDesign();
    // The design names the shared load balancer by ARN, with a listener that differs from the live one.
    d.loadBalancers = [{ id: "lb-shared", name: "shared-alb", loadBalancerArn: lb.LoadBalancerArn, type: "network", listeners: d.loadBalancers![0].listeners }];
    delete d.services[0].loadBalancers;
    const p = await plan(d);
    const step = p.steps.find((s) => s.key === "load-balancer:shared-alb")!;
    expect(step).toMatchObject({ action: "no-change", calls: [] });
    expect(p.steps.some((s) => s.kind === "listener")).toBe(false);
    expect(p.steps.flatMap((s) => s.calls).some((c) => JSON.stringify(c.input).includes(lb.LoadBalancerArn!))).toBe(false);
    expect(await apply(p)).toMatchObject({ ok: true });
    expect(await elbv2.describeListeners({ loadBalancerArn: lb.LoadBalancerArn! })).toEqual(before);
    expect(await elbv2.describeTags({ resourceArns: [lb.LoadBalancerArn!] })).toEqual([{ ResourceArn: lb.LoadBalancerArn, Tags: [] }]);

    // Dropped from the design, it is still not deleted: it never carried the design's tag.
    d.loadBalancers = [];
    expect(p.steps.some((s) => s.action === "delete")).toBe(false);
    expect((await plan(d)).steps.filter((s) => s.kind === "load-balancer")).toEqual([]);
  });
});
