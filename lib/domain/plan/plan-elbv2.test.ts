import { describe, expect, it } from "vitest";
import type { Service as EcsService } from "@aws-sdk/client-ecs";
import type { Design } from "../design";
import { emptyLiveState, planDesign, renderPlanText, type LiveListener, type LiveLoadBalancer, type LiveState, type LiveTargetGroup, type Plan } from ".";
import { planActionsRecord } from "./plan-actions";

const ACCOUNT = "arn:aws:elasticloadbalancing:eu-west-1:000000000000";
const TG_ARN = `${ACCOUNT}:targetgroup/web-tg/0123456789abcdef`;
const LB_ARN = `${ACCOUNT}:loadbalancer/app/web-alb/0123456789abcdef`;
const LISTENER_ARN = `${ACCOUNT}:listener/app/web-alb/0123456789abcdef/1111111111111111`;
const DEFAULT_RULE_ARN = `${ACCOUNT}:listener-rule/app/web-alb/0123456789abcdef/1111111111111111/aaaaaaaaaaaaaaaa`;
const RULE_ARN = `${ACCOUNT}:listener-rule/app/web-alb/0123456789abcdef/1111111111111111/bbbbbbbbbbbbbbbb`;
const owned = (id: string) => [{ key: "stevedore:design", value: "d1" }, { key: "stevedore:id", value: id }];

function design(): Design {
  return {
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: "main" }],
    taskDefinitions: [],
    services: [{
      id: "svc-web", serviceName: "web", cluster: "main", taskDefinition: "web:1", desiredCount: 1, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"] } },
      loadBalancers: [{
        targetGroupArn: "targetgroup/web-tg", containerName: "app", containerPort: 80,
        advancedConfiguration: { alternateTargetGroupArn: "targetgroup/web-tg", productionListenerRule: "listener-rule/web-alb/80/default" },
      }],
    }],
    targetGroups: [{ id: "tg-web", name: "web-tg", targetType: "ip", protocol: "HTTP", port: 80, healthCheck: { path: "/health" } }],
    loadBalancers: [{
      id: "lb-web", name: "web-alb", type: "application",
      listeners: [{
        port: 80, protocol: "HTTP", defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web-tg" }] },
        rules: [{ priority: 10, conditions: [{ field: "path-pattern", values: ["/api/*"] }], action: { type: "fixed-response", fixedResponse: { statusCode: "503" } } }],
      }],
    }],
    layout: {},
  };
}

const liveTg = (over: Partial<LiveTargetGroup["targetGroup"]> = {}, tags = owned("tg-web")): LiveTargetGroup => ({
  targetGroup: {
    TargetGroupArn: TG_ARN, TargetGroupName: "web-tg", Protocol: "HTTP", Port: 80, VpcId: "vpc-1", TargetType: "ip",
    HealthCheckProtocol: "HTTP", HealthCheckPort: "traffic-port", HealthCheckEnabled: true, HealthCheckPath: "/health",
    HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2,
    Matcher: { HttpCode: "200" }, LoadBalancerArns: [LB_ARN], ...over,
  },
  tags,
});

function liveListener(): LiveListener {
  const forward = { Type: "forward" as const, TargetGroupArn: TG_ARN, ForwardConfig: { TargetGroups: [{ TargetGroupArn: TG_ARN, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } } };
  return {
    listener: { ListenerArn: LISTENER_ARN, LoadBalancerArn: LB_ARN, Port: 80, Protocol: "HTTP", DefaultActions: [forward] },
    rules: [
      { RuleArn: RULE_ARN, Priority: "10", IsDefault: false, Conditions: [{ Field: "path-pattern", Values: ["/api/*"], PathPatternConfig: { Values: ["/api/*"] } }], Actions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "503" } }] },
      { RuleArn: DEFAULT_RULE_ARN, Priority: "default", IsDefault: true, Conditions: [], Actions: [forward] },
    ],
    tags: { [LISTENER_ARN]: owned("lb-web/80"), [RULE_ARN]: owned("lb-web/80") },
  };
}

const liveLb = (over: Partial<LiveLoadBalancer["loadBalancer"]> = {}): LiveLoadBalancer => ({
  loadBalancer: {
    LoadBalancerArn: LB_ARN, LoadBalancerName: "web-alb", Type: "application", Scheme: "internet-facing", VpcId: "vpc-1",
    AvailabilityZones: [{ ZoneName: "eu-west-1a", SubnetId: "subnet-a" }, { ZoneName: "eu-west-1b", SubnetId: "subnet-b" }], SecurityGroups: ["sg-1"], ...over,
  },
  tags: owned("lb-web"),
  listeners: [liveListener()],
});

const liveService = (): EcsService => ({
  serviceName: "web", clusterArn: "arn:aws:ecs:eu-west-1:000000000000:cluster/main", status: "ACTIVE", taskDefinition: "arn:aws:ecs:eu-west-1:000000000000:task-definition/web:1",
  desiredCount: 1, launchType: "FARGATE", platformVersion: "LATEST", tags: owned("svc-web"),
  networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"], assignPublicIp: "DISABLED" } },
  loadBalancers: [{ targetGroupArn: TG_ARN, containerName: "app", containerPort: 80, advancedConfiguration: { alternateTargetGroupArn: TG_ARN, productionListenerRule: DEFAULT_RULE_ARN } } as never],
  deployments: [{ status: "PRIMARY" }],
});

function converged(): LiveState {
  return {
    ...emptyLiveState(),
    clusters: { main: { clusterName: "main", clusterArn: "arn:aws:ecs:eu-west-1:000000000000:cluster/main", status: "ACTIVE", tags: owned("cl-main") } },
    services: [liveService()],
    targetGroups: { "web-tg": liveTg() },
    loadBalancers: { "web-alb": liveLb() },
    ownedTargetGroups: {}, ownedLoadBalancers: {},
    defaultVpc: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b", "subnet-c"] },
  };
}

const changed = (p: Plan) => p.steps.filter((s) => s.action !== "no-change").map((s) => `${s.action} ${s.key}`);
const step = (p: Plan, key: string) => p.steps.find((s) => s.key === key)!;

describe("planning a design's ELBv2 resources", () => {
  it("creates target groups, then load balancers, then listeners with their rules, before services; by reference", () => {
    const live = { ...emptyLiveState(), defaultVpc: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"] } };
    const p = planDesign(design(), live, { designId: "d1" });
    expect(p.steps.map((s) => `${s.action} ${s.key}`)).toEqual([
      "create cluster:main", "create target-group:web-tg", "create load-balancer:web-alb", "create listener:web-alb/80", "create service:main/web",
    ]);
    expect(step(p, "target-group:web-tg").calls).toEqual([{
      service: "elbv2", operation: "CreateTargetGroup",
      input: { Name: "web-tg", Protocol: "HTTP", Port: 80, VpcId: "vpc-1", TargetType: "ip", HealthCheckPath: "/health", Tags: [{ Key: "stevedore:design", Value: "d1" }, { Key: "stevedore:id", Value: "tg-web" }] },
    }]);
    expect(step(p, "load-balancer:web-alb").calls[0].input).toMatchObject({ Name: "web-alb", Type: "application", Subnets: ["subnet-a", "subnet-b"] });
    expect(step(p, "load-balancer:web-alb").notes).toContain("no subnets are set: the default VPC's subnets are used");
    expect(step(p, "listener:web-alb/80").calls.map((c) => [c.operation, c.input.LoadBalancerArn ?? c.input.ListenerArn])).toEqual([
      ["CreateListener", "loadbalancer/web-alb"], ["CreateRule", "listener/web-alb/80"],
    ]);
    expect(step(p, "listener:web-alb/80").calls[0].input.DefaultActions).toEqual([{ Type: "forward", TargetGroupArn: "targetgroup/web-tg" }]);
    expect(step(p, "listener:web-alb/80").calls[1].input).toMatchObject({
      Priority: 10, Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/api/*"] } }],
      Actions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "503" } }],
    });
    expect(step(p, "service:main/web").calls[0].input.loadBalancers).toEqual(design().services[0].loadBalancers);
  });

  it("puts a target group without a VPC where the load balancer forwarding to it is, else into the default VPC", () => {
    const d = design();
    d.loadBalancers![0].subnets = ["subnet-x", "subnet-y"];
    const live = { ...emptyLiveState(), defaultVpc: { vpcId: "vpc-1", subnetIds: ["subnet-a"] }, subnetVpcs: { "subnet-x": "vpc-2", "subnet-y": "vpc-2" } };
    const tg = step(planDesign(d, live, { designId: "d1" }), "target-group:web-tg");
    expect(tg.calls[0].input.VpcId).toBe("vpc-2");
    expect(tg.notes).toEqual(["no VPC is set: the group goes into vpc-2, its load balancer's VPC"]);
    d.loadBalancers![0].listeners = [];
    expect(step(planDesign(d, live, { designId: "d1" }), "target-group:web-tg").calls[0].input.VpcId).toBe("vpc-1");
  });

  it("plans no change when the account matches, with services' references replaced by the live ARNs", () => {
    const p = planDesign(design(), converged(), { designId: "d1" });
    expect(changed(p)).toEqual([]);
    expect(p.empty).toBe(true);
  });

  it("updates a health check in place and moves a deregistration delay", () => {
    const d = design();
    d.targetGroups![0].healthCheck = { path: "/ready", intervalSeconds: 10, matcher: "200-299" };
    d.targetGroups![0].deregistrationDelaySeconds = 30;
    const live = converged();
    live.targetGroups!["web-tg"].attributes = { "deregistration_delay.timeout_seconds": "300" };
    const s = step(planDesign(d, live, { designId: "d1" }), "target-group:web-tg");
    expect(s.action).toBe("update");
    expect(s.changes).toEqual([
      { path: "healthCheck.path", old: "/health", new: "/ready" },
      { path: "healthCheck.intervalSeconds", old: 30, new: 10 },
      { path: "healthCheck.matcher", old: "200", new: "200-299" },
      { path: "deregistrationDelaySeconds", old: 300, new: 30 },
    ]);
    expect(s.calls).toEqual([
      { service: "elbv2", operation: "ModifyTargetGroup", input: { TargetGroupArn: TG_ARN, HealthCheckPath: "/ready", HealthCheckIntervalSeconds: 10, Matcher: { HttpCode: "200-299" } } },
      { service: "elbv2", operation: "ModifyTargetGroupAttributes", input: { TargetGroupArn: TG_ARN, Attributes: [{ Key: "deregistration_delay.timeout_seconds", Value: "30" }] } },
    ]);
  });

  it("replaces a target group whose port changed only when it is the design's and unused; says why otherwise", () => {
    const d = design();
    d.targetGroups![0].port = 8080;
    const inUse = step(planDesign(d, converged(), { designId: "d1" }), "target-group:web-tg");
    expect(inUse).toMatchObject({ action: "replace", calls: [], reason: expect.stringContaining("port of a target group cannot be changed in place") });
    expect(inUse.notes[0]).toMatch(/give the group a new name/);

    const unused = converged();
    unused.targetGroups!["web-tg"] = liveTg({ LoadBalancerArns: [] });
    const r = planDesign(d, unused, { designId: "d1" });
    expect(step(r, "target-group:web-tg").calls.map((c) => c.operation)).toEqual(["DeleteTargetGroup", "CreateTargetGroup"]);
    // The service follows the new group: its reference is left for apply to resolve.
    expect(step(r, "service:main/web").calls[0]).toMatchObject({ operation: "UpdateService", input: { loadBalancers: [expect.objectContaining({ targetGroupArn: "targetgroup/web-tg" })] } });

    const foreign = converged();
    foreign.targetGroups!["web-tg"] = liveTg({ LoadBalancerArns: [] }, []);
    expect(step(planDesign(d, foreign, { designId: "d1" }), "target-group:web-tg")).toMatchObject({ action: "replace", calls: [], notes: [expect.stringMatching(/not created by this design/)] });
  });

  it("replaces a load balancer whose scheme changed, and creates its listeners again", () => {
    const d = design();
    d.loadBalancers![0].scheme = "internal";
    const p = planDesign(d, converged(), { designId: "d1" });
    expect(step(p, "load-balancer:web-alb")).toMatchObject({ action: "replace", reason: expect.stringContaining("scheme") });
    expect(step(p, "load-balancer:web-alb").calls.map((c) => c.operation)).toEqual(["DeleteLoadBalancer", "CreateLoadBalancer"]);
    expect(step(p, "listener:web-alb/80").calls.map((c) => c.operation)).toEqual(["CreateListener", "CreateRule"]);
    expect(step(p, "listener:web-alb/80").calls[0].input.LoadBalancerArn).toBe("loadbalancer/web-alb");
    // The production rule the service names is the new listener's default rule: resolved at apply.
    expect(step(p, "service:main/web").changes.map((c) => c.path)).toEqual(["loadBalancers"]);
  });

  it("modifies a listener's default action and its rules; deletes only the design's own rules", () => {
    const d = design();
    const l = d.loadBalancers![0].listeners![0];
    l.defaultAction = { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web-tg", weight: 90 }, { targetGroupArn: "arn:other-tg", weight: 10 }] };
    l.rules = [{ priority: 20, conditions: [{ field: "host-header", values: ["api.example.com"] }], action: { type: "redirect", redirect: { statusCode: "HTTP_301", protocol: "HTTPS" } } }];
    const live = converged();
    const foreignRule = `${RULE_ARN}-x`;
    live.loadBalancers!["web-alb"].listeners[0].rules.push({ RuleArn: foreignRule, Priority: "30", IsDefault: false, Conditions: [], Actions: [] });
    const s = step(planDesign(d, live, { designId: "d1" }), "listener:web-alb/80");
    expect(s.action).toBe("update");
    expect(s.calls.map((c) => c.operation)).toEqual(["ModifyListener", "CreateRule", "DeleteRule"]);
    expect(s.calls[0].input).toEqual({
      ListenerArn: LISTENER_ARN,
      DefaultActions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: TG_ARN, Weight: 90 }, { TargetGroupArn: "arn:other-tg", Weight: 10 }] } }],
    });
    expect(s.calls[2].input).toEqual({ RuleArn: RULE_ARN });
    expect(s.notes).toEqual(["rule 30 was not created by this design: left as is"]);
  });

  it("never touches an existing load balancer or target group referenced by ARN", () => {
    const d = design();
    d.loadBalancers = [{ id: "lb-x", name: "shared", loadBalancerArn: LB_ARN, type: "application", listeners: d.loadBalancers![0].listeners }];
    d.targetGroups = [{ id: "tg-x", name: "shared-tg", targetGroupArn: TG_ARN, targetType: "ip" }];
    d.services[0].loadBalancers = [{ targetGroupArn: "targetgroup/shared-tg", containerName: "app", containerPort: 80 }];
    const live = converged();
    live.loadBalancers = {};
    live.targetGroups = {};
    live.services = [];
    const p = planDesign(d, live, { designId: "d1" });
    expect(step(p, "load-balancer:shared")).toMatchObject({ action: "no-change", calls: [] });
    expect(step(p, "target-group:shared-tg")).toMatchObject({ action: "no-change", calls: [] });
    expect(p.steps.some((s) => s.kind === "listener")).toBe(false);
    // The service is pointed at the referenced group's ARN.
    expect(step(p, "service:main/web").calls[0].input.loadBalancers).toEqual([{ targetGroupArn: TG_ARN, containerName: "app", containerPort: 80 }]);
  });

  it("deletes the design's dropped listeners, load balancers and target groups after the services, in that order", () => {
    const d = design();
    d.services[0].loadBalancers = [];
    d.loadBalancers = [];
    d.targetGroups = [];
    const live = converged();
    live.ownedLoadBalancers = { "web-alb": liveLb() };
    live.ownedTargetGroups = { "web-tg": liveTg(), "foreign-tg": liveTg({ TargetGroupName: "foreign-tg" }, [{ key: "stevedore:design", value: "d2" }]) };
    live.loadBalancers = {};
    live.targetGroups = {};
    const p = planDesign(d, live, { designId: "d1" });
    expect(changed(p)).toEqual(["update service:main/web", "delete load-balancer:web-alb", "delete target-group:web-tg"]);
    expect(step(p, "target-group:web-tg").notes).toEqual(["created by this design (tag stevedore:design=d1) and no longer in it"]);

    // A listener dropped from a kept load balancer.
    const d2 = design();
    d2.loadBalancers![0].listeners = [];
    const p2 = planDesign(d2, converged(), { designId: "d1" });
    expect(changed(p2)).toEqual(["delete listener:web-alb/80"]);
    expect(p2.steps.at(-1)?.key).toBe("listener:web-alb/80");
  });

  it("says which deployment strategy an update uses and how long it takes at least", () => {
    const d = design();
    d.services[0].taskDefinition = "web:2";
    const note = (cfg: NonNullable<Design["services"][number]["deploymentConfiguration"]>) => {
      const x = structuredClone(d);
      x.services[0].deploymentConfiguration = cfg;
      return step(planDesign(x, converged(), { designId: "d1" }), "service:main/web").notes.find((n) => n.startsWith("deploys"));
    };
    expect(note({ strategy: "CANARY", bakeTimeInMinutes: 15, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 } }))
      .toBe("deploys with the CANARY strategy: 10% of traffic for 5 min, then all of it, then a bake of 15 min: at least 20 min");
    expect(note({ strategy: "LINEAR", bakeTimeInMinutes: 5, linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 } }))
      .toBe("deploys with the LINEAR strategy: 4 steps of 25% of traffic, 2 min each, then a bake of 5 min: at least 13 min");
    expect(note({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 10 })).toBe("deploys with the BLUE_GREEN strategy: all traffic moves to the new revision at once, then a bake of 10 min: at least 10 min");
    expect(note({})).toMatch(/^deploys with the ROLLING strategy/);
    // Scaling alone starts no deployment.
    const scaled = design();
    scaled.services[0].desiredCount = 3;
    expect(step(planDesign(scaled, converged(), { designId: "d1" }), "service:main/web").notes).toEqual([]);
  });

  it("renders ELBv2 steps under their own headings, and marks a load balancer changed by its listener on the canvas", () => {
    const d = design();
    d.loadBalancers![0].listeners![0].rules = [];
    const p = planDesign(d, converged(), { designId: "d1" });
    const text = renderPlanText(p, { verbose: true });
    expect(text).toContain("Target groups\n  = no-change web-tg");
    expect(text).toContain("Listeners\n  ~ update    web-alb/80");
    expect(text).toContain(`call: elbv2 DeleteRule {"RuleArn":"${ACCOUNT}`);
    expect(text.indexOf("Listeners")).toBeLessThan(text.indexOf("Services"));
    expect(planActionsRecord(p)["lb-web"]).toBe("update");
  });
});
