import { describe, expect, it } from "vitest";
import type { Design, Listener, LoadBalancerDesign, TargetGroup } from "../../design";
import { applyEdits } from "../../designer/paths";
import { buildIndex } from "../engine";
import { container, design, service, td } from "../test-helpers";
import { loadBalancerConfig, targetGroupConfig } from "./elb";

const SUBNETS = ["subnet-a", "subnet-b"];
const forwardTo = (...refs: string[]) => ({ type: "forward" as const, targetGroups: refs.map((targetGroupArn) => ({ targetGroupArn })) });
const http = (over: Partial<Listener> = {}): Listener => ({ port: 80, protocol: "HTTP", defaultAction: forwardTo("targetgroup/web-tg"), ...over });
const alb = (over: Partial<LoadBalancerDesign> = {}): LoadBalancerDesign => ({ id: "lb-1", name: "web-alb", type: "application", subnets: SUBNETS, listeners: [http()], ...over });
const tg = (over: Partial<TargetGroup> = {}): TargetGroup => ({ id: "tg-1", name: "web-tg", targetType: "ip", port: 80, protocol: "HTTP", ...over });
const awsvpcWeb = td({ networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], containerDefinitions: [container({ name: "web", portMappings: [{ containerPort: 80 }] })] });
const behind = (ref = "targetgroup/web-tg") => service({ loadBalancers: [{ targetGroupArn: ref, containerName: "web", containerPort: 80 }] });

const frontDoor = (over: Partial<Design> = {}) => design({ taskDefinitions: [awsvpcWeb], services: [behind()], loadBalancers: [alb()], targetGroups: [tg()], ...over });
const findings = (d: Design) => [...loadBalancerConfig.check(buildIndex(d)), ...targetGroupConfig.check(buildIndex(d))];
const paths = (d: Design) => findings(d).map((f) => f.path.join("."));

describe("load-balancer-config and target-group-config", () => {
  it("accept an ALB whose HTTP listener forwards to the service's ip target group", () => {
    expect(findings(frontDoor())).toEqual([]);
  });

  it("check the load balancer: ELBv2's name rule with a fix, two subnets for an ALB, unique names", () => {
    const d = frontDoor({ loadBalancers: [alb({ name: "internal-web_alb", subnets: ["subnet-a"] }), alb({ id: "lb-2", name: "internal-web_alb", listeners: [http({ defaultAction: forwardTo("targetgroup/other") })] })] });
    const out = findings(d);
    const name = out.find((f) => f.path.join(".") === "loadBalancers.0.name")!;
    expect(name.message).toContain("can contain only alphanumeric characters and hyphens");
    expect(applyEdits(d, name.fix!.edits!).loadBalancers![0].name).toBe("web-alb");
    expect(out.find((f) => f.path.join(".") === "loadBalancers.0.subnets")!.message).toContain("at least two Availability Zones");
    expect(out.filter((f) => f.path.join(".") === "loadBalancers.1.name").map((f) => f.message).join(" ")).toContain("also named");
    // An NLB is fine in one subnet.
    expect(paths(frontDoor({ loadBalancers: [alb({ type: "network", subnets: ["subnet-a"], listeners: [http({ protocol: "TCP" })] })], targetGroups: [tg({ protocol: "TCP" })] }))).toEqual([]);
  });

  it("warn that a load balancer naming no subnets goes into the default VPC's, and refuse an emptied list", () => {
    const unset = findings(frontDoor({ loadBalancers: [alb({ subnets: undefined })] })).filter((f) => f.path.join(".") === "loadBalancers.0.subnets");
    expect(unset.map((f) => [f.severity, f.message])).toEqual([["warning", expect.stringContaining("default subnets of the environment's default VPC")]]);
    const emptied = findings(frontDoor({ loadBalancers: [alb({ subnets: [] })] })).filter((f) => f.path.join(".") === "loadBalancers.0.subnets");
    expect(emptied.map((f) => [f.severity, f.message])).toEqual([["error", expect.stringContaining("none are set")]]);
  });

  it("check listeners: protocol for the type, one per port, a certificate for HTTPS", () => {
    const d = frontDoor({ loadBalancers: [alb({ listeners: [http({ protocol: "TCP" }), http(), http({ port: 443, protocol: "HTTPS" })] })] });
    expect(paths(d)).toEqual(expect.arrayContaining(["loadBalancers.0.listeners.0.protocol", "loadBalancers.0.listeners.1.port", "loadBalancers.0.listeners.2.certificateArn"]));
    const fixed = applyEdits(d, findings(d).find((f) => f.path.join(".") === "loadBalancers.0.listeners.0.protocol")!.fix!.edits!);
    expect(fixed.loadBalancers![0].listeners![0].protocol).toBe("HTTP");
  });

  it("check rules: ALB only, priorities unique and in range, at most five condition values", () => {
    const rule = (priority: number, values = ["/api/*"]) => ({ priority, conditions: [{ field: "path-pattern" as const, values }], action: forwardTo("targetgroup/web-tg") });
    const d = frontDoor({ loadBalancers: [alb({ listeners: [http({ rules: [rule(10), rule(10), rule(0), rule(20, ["/a", "/b", "/c", "/d", "/e", "/f"])] })] })] });
    const out = findings(d);
    expect(out.find((f) => f.path.join(".") === "loadBalancers.0.listeners.0.rules.1.priority")!.fix!.edits).toEqual([{ path: ["loadBalancers", 0, "listeners", 0, "rules", 1, "priority"], value: 21 }]);
    expect(paths(d)).toEqual(expect.arrayContaining(["loadBalancers.0.listeners.0.rules.2.priority", "loadBalancers.0.listeners.0.rules.3.conditions"]));
    const nlb = frontDoor({ loadBalancers: [alb({ type: "network", listeners: [http({ protocol: "TCP", rules: [rule(1)] })] })], targetGroups: [tg({ protocol: "TCP" })] });
    expect(paths(nlb)).toEqual(["loadBalancers.0.listeners.0.rules"]);
  });

  it("check forwards: target groups that exist, compatible protocols, weights 0–999, at most five", () => {
    const weighted = { type: "forward" as const, targetGroups: [{ targetGroupArn: "targetgroup/web-tg", weight: 1000 }, { targetGroupArn: "targetgroup/nope" }] };
    const d = frontDoor({ loadBalancers: [alb({ listeners: [http({ defaultAction: weighted })] })] });
    expect(paths(d)).toEqual(["loadBalancers.0.listeners.0.defaultAction.targetGroups.0.weight", "loadBalancers.0.listeners.0.defaultAction.targetGroups.1.targetGroupArn"]);
    const tcpGroup = frontDoor({ targetGroups: [tg({ protocol: "TCP", healthCheck: { protocol: "TCP" } })] });
    expect(findings(tcpGroup).map((f) => f.message).join(" ")).toContain("IncompatibleProtocols");
    const six = forwardTo(...Array.from({ length: 6 }, (_, i) => `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/t${i}/0123456789abcdef`));
    expect(paths(frontDoor({ loadBalancers: [alb({ listeners: [http({ defaultAction: six })] })] }))).toContain("loadBalancers.0.listeners.0.defaultAction.targetGroups");
  });

  it("leave an existing load balancer alone: its ARN is checked, listeners given for it are a warning", () => {
    const existing = alb({ loadBalancerArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef", subnets: [] });
    const out = loadBalancerConfig.check(buildIndex(frontDoor({ loadBalancers: [existing] })));
    expect(out.map((f) => [f.path.join("."), f.severity])).toEqual([["loadBalancers.0.listeners", "warning"]]);
    const bad = loadBalancerConfig.check(buildIndex(frontDoor({ loadBalancers: [alb({ loadBalancerArn: "web", listeners: [] })] })));
    expect(bad.map((f) => f.path.join("."))).toEqual(["loadBalancers.0.loadBalancerArn"]);
  });

  it("check health checks against ELBv2's ranges, the timeout below the interval, and paths only for HTTP checks", () => {
    const d = frontDoor({ targetGroups: [tg({ healthCheck: { intervalSeconds: 400, timeoutSeconds: 10, path: "health", matcher: "ok" } })] });
    expect(paths(d)).toEqual(["targetGroups.0.healthCheck.intervalSeconds", "targetGroups.0.healthCheck.path", "targetGroups.0.healthCheck.matcher"]);
    const fixed = applyEdits(d, findings(d).flatMap((f) => f.fix?.edits ?? []));
    expect(fixed.targetGroups![0].healthCheck).toEqual({ intervalSeconds: 300, timeoutSeconds: 10, path: "/health", matcher: "200" });
    expect(findings(fixed)).toEqual([]);
    // The HTTP default timeout is 6 s: an interval of 5 s is too short for it.
    expect(paths(frontDoor({ targetGroups: [tg({ healthCheck: { intervalSeconds: 5 } })] }))).toEqual(["targetGroups.0.healthCheck.timeoutSeconds"]);
    expect(paths(frontDoor({ targetGroups: [tg({ healthCheck: { protocol: "TCP" } })] }))).toEqual(["targetGroups.0.healthCheck.protocol"]);
  });

  it("ask for target type ip behind awsvpc tasks, and instance behind bridge ones", () => {
    const d = frontDoor({ targetGroups: [tg({ targetType: "instance" })] });
    const [f] = findings(d);
    expect(f.path.join(".")).toBe("targetGroups.0.targetType");
    expect(f.message).toContain("incompatible with the awsvpc network mode");
    expect(findings(applyEdits(d, f.fix!.edits!))).toEqual([]);
    const bridge = td({ networkMode: "bridge", containerDefinitions: [container({ name: "web", portMappings: [{ containerPort: 80 }] })] });
    expect(paths(frontDoor({ taskDefinitions: [bridge] }))).toEqual(["targetGroups.0.targetType"]);
  });

  it("ask for a load balancer in front of a designed target group once the design has load balancers", () => {
    const alone = design({ taskDefinitions: [awsvpcWeb], services: [behind()], targetGroups: [tg()] });
    expect(findings(alone)).toEqual([]);
    const elsewhere = frontDoor({ loadBalancers: [alb({ listeners: [http({ defaultAction: { type: "fixed-response", fixedResponse: { statusCode: "404" } } })] })] });
    expect(findings(elsewhere).map((f) => [f.path.join("."), f.severity])).toEqual([["targetGroups.0", "error"]]);
    const twice = frontDoor({ loadBalancers: [alb(), alb({ id: "lb-2", name: "web-alb-2" })] });
    expect(findings(twice).map((f) => f.message).join(" ")).toContain("TargetGroupAssociationLimit");
  });
});
