import { describe, expect, it } from "vitest";
import { failureOf, steppedSandbox } from "../testing";

type Sandbox = ReturnType<typeof steppedSandbox>;

const failure = failureOf;
const codeOf = (fn: () => unknown) => failure(fn).code;

/** A sandbox in eu-west-1 with its default network's ids at hand. */
function network(seed = 1) {
  const sb = steppedSandbox(seed, "eu-west-1");
  const vpcId: string = sb.ec2("DescribeVpcs").vpcSet[0].vpcId;
  const subnets: string[] = sb.ec2("DescribeSubnets").subnetSet.map((s: { subnetId: string }) => s.subnetId);
  const sg: string = sb.ec2("DescribeSecurityGroups").securityGroupInfo[0].groupId;
  return { sb, vpcId, subnets, sg };
}

const alb = (sb: Sandbox, subnets: string[], name = "web", extra: object = {}) =>
  sb.elbv2("CreateLoadBalancer", { Name: name, Subnets: subnets, ...extra }).LoadBalancers[0];
const targetGroup = (sb: Sandbox, vpcId: string, name = "web", extra: object = {}) =>
  sb.elbv2("CreateTargetGroup", { Name: name, Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "ip", ...extra }).TargetGroups[0];
const forward = (arn: string) => [{ Type: "forward", TargetGroupArn: arn }];
const listener = (sb: Sandbox, lbArn: string, tgArn: string, port = 80) =>
  sb.elbv2("CreateListener", { LoadBalancerArn: lbArn, Protocol: "HTTP", Port: port, DefaultActions: forward(tgArn) }).Listeners[0];

describe("ELBv2 load balancers", () => {
  it("moves a load balancer to other subnets of its VPC and sets its security groups; a Network Load Balancer keeps its zones and its lack of groups", () => {
    const { sb, subnets, sg } = network();
    const lb = alb(sb, subnets.slice(0, 2));
    const moved = sb.elbv2("SetSubnets", { LoadBalancerArn: lb.LoadBalancerArn, Subnets: subnets.slice(1, 3) });
    expect(moved.AvailabilityZones.map((z: { ZoneName: string }) => z.ZoneName)).toEqual(["eu-west-1b", "eu-west-1c"]);
    expect(codeOf(() => sb.elbv2("SetSubnets", { LoadBalancerArn: lb.LoadBalancerArn, Subnets: subnets.slice(0, 1) }))).toBe("ValidationError");
    expect(sb.elbv2("SetSecurityGroups", { LoadBalancerArn: lb.LoadBalancerArn, SecurityGroups: [sg] })).toEqual({ SecurityGroupIds: [sg] });
    expect(codeOf(() => sb.elbv2("SetSecurityGroups", { LoadBalancerArn: lb.LoadBalancerArn, SecurityGroups: ["sg-0000000000000000f"] }))).toBe("InvalidSecurityGroup");

    const nlb = alb(sb, subnets.slice(0, 2), "tcp", { Type: "network" });
    expect(codeOf(() => sb.elbv2("SetSubnets", { LoadBalancerArn: nlb.LoadBalancerArn, Subnets: subnets.slice(1, 3) }))).toBe("InvalidConfigurationRequest");
    expect(sb.elbv2("SetSubnets", { LoadBalancerArn: nlb.LoadBalancerArn, Subnets: subnets }).AvailabilityZones).toHaveLength(3);
    expect(codeOf(() => sb.elbv2("SetSecurityGroups", { LoadBalancerArn: nlb.LoadBalancerArn, SecurityGroups: [sg] }))).toBe("InvalidConfigurationRequest");
    expect(codeOf(() => sb.elbv2("SetSubnets", { LoadBalancerArn: lb.LoadBalancerArn.replace(/[0-9a-f]{16}$/, "0000000000000000"), Subnets: subnets }))).toBe("LoadBalancerNotFound");
  });

  it("creates an Application Load Balancer in the default subnets with its VPC's default security group", () => {
    const { sb, vpcId, subnets, sg } = network();
    const lb = alb(sb, subnets);
    expect(lb.LoadBalancerArn).toMatch(/^arn:aws:elasticloadbalancing:eu-west-1:000000000000:loadbalancer\/app\/web\/[0-9a-f]{16}$/);
    expect(lb.DNSName).toMatch(/^web-\d{10}\.eu-west-1\.elb\.amazonaws\.com$/);
    expect(lb).toMatchObject({
      LoadBalancerName: "web", Scheme: "internet-facing", Type: "application", VpcId: vpcId, IpAddressType: "ipv4",
      State: { Code: "active" }, SecurityGroups: [sg], CanonicalHostedZoneId: "Z32O12XQLNTSW2", CreatedTime: "2023-11-14T22:13:20.000Z",
    });
    expect(lb.AvailabilityZones.map((z: { ZoneName: string }) => z.ZoneName)).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    const internal = alb(sb, subnets.slice(0, 2), "api", { Scheme: "internal" });
    expect(internal.DNSName).toMatch(/^internal-api-\d{10}\.eu-west-1\.elb\.amazonaws\.com$/);
  });

  it("answers the same settings with the same load balancer and other settings under the same name with DuplicateLoadBalancerName", () => {
    const { sb, subnets } = network();
    const lb = alb(sb, subnets);
    expect(alb(sb, subnets).LoadBalancerArn).toBe(lb.LoadBalancerArn);
    expect(failure(() => alb(sb, subnets.slice(0, 2)))).toEqual({ code: "DuplicateLoadBalancerName", message: "A load balancer with the specified name already exists." });
    expect(sb.elbv2("DescribeLoadBalancers").LoadBalancers).toHaveLength(1);
  });

  it("checks names, subnets and security groups as ELBv2 does", () => {
    const { sb, subnets } = network();
    for (const name of ["a".repeat(33), "-web", "web-", "web_1", "internal-web"]) expect(codeOf(() => alb(sb, subnets, name))).toBe("ValidationError");
    expect(failure(() => alb(sb, subnets.slice(0, 1)))).toEqual({ code: "ValidationError", message: "At least two subnets in two different Availability Zones must be specified" });
    expect(failure(() => alb(sb, [subnets[0], "subnet-0123456789abcdef0"]))).toEqual({ code: "SubnetNotFound", message: "The subnet ID 'subnet-0123456789abcdef0' is not valid" });
    expect(codeOf(() => alb(sb, [subnets[0], subnets[0]]))).toBe("InvalidConfigurationRequest");
    expect(codeOf(() => alb(sb, [subnets[0], "constructor"]))).toBe("SubnetNotFound");
    expect(codeOf(() => alb(sb, subnets, "web", { SecurityGroups: ["__proto__"] }))).toBe("InvalidSecurityGroup");
    expect(codeOf(() => alb(sb, subnets, "web", { SecurityGroups: ["sg-0123456789abcdef0"] }))).toBe("InvalidSecurityGroup");
    expect(codeOf(() => alb(sb, subnets, "web", { Subnets: subnets, SubnetMappings: [{ SubnetId: subnets[0] }] }))).toBe("ValidationError");
    expect(codeOf(() => alb(sb, subnets, "web", { Type: "classic" }))).toBe("ValidationError");
    expect(sb.elbv2("DescribeLoadBalancers").LoadBalancers).toEqual([]);
  });

  it("makes Network Load Balancers in one zone, without security groups, with their own DNS name form", () => {
    const { sb, subnets } = network();
    const nlb = sb.elbv2("CreateLoadBalancer", { Name: "tcp", Type: "network", SubnetMappings: [{ SubnetId: subnets[0] }] }).LoadBalancers[0];
    expect(nlb.LoadBalancerArn).toMatch(/:loadbalancer\/net\/tcp\/[0-9a-f]{16}$/);
    expect(nlb.DNSName).toBe(`tcp-${nlb.LoadBalancerArn.slice(-16)}.elb.eu-west-1.amazonaws.com`);
    expect(nlb.SecurityGroups).toBeUndefined();
    expect(nlb.CanonicalHostedZoneId).toBe("Z2IFOLAFXWLO4F");
  });

  it("describes by name or ARN, pages, and deletes (a load balancer that is gone deletes fine)", () => {
    const { sb, subnets } = network();
    const arns = ["a", "b", "c"].map((n) => alb(sb, subnets, n).LoadBalancerArn);
    expect(sb.elbv2("DescribeLoadBalancers", { Names: ["b"] }).LoadBalancers.map((l: { LoadBalancerArn: string }) => l.LoadBalancerArn)).toEqual([arns[1]]);
    expect(failure(() => sb.elbv2("DescribeLoadBalancers", { Names: ["b", "zz"] }))).toEqual({ code: "LoadBalancerNotFound", message: "One or more load balancers not found" });
    expect(codeOf(() => sb.elbv2("DescribeLoadBalancers", { Names: ["b"], LoadBalancerArns: [arns[0]] }))).toBe("ValidationError");
    expect(codeOf(() => sb.elbv2("DescribeLoadBalancers", { LoadBalancerArns: ["not-an-arn"] }))).toBe("ValidationError");
    const p1 = sb.elbv2("DescribeLoadBalancers", { PageSize: 2 });
    const p2 = sb.elbv2("DescribeLoadBalancers", { PageSize: 2, Marker: p1.NextMarker });
    expect([...p1.LoadBalancers, ...p2.LoadBalancers].map((l: { LoadBalancerArn: string }) => l.LoadBalancerArn)).toEqual(arns);
    expect(p2.NextMarker).toBeUndefined();
    expect(codeOf(() => sb.elbv2("DescribeLoadBalancers", { PageSize: 401 }))).toBe("ValidationError");

    sb.elbv2("DeleteLoadBalancer", { LoadBalancerArn: arns[0] });
    sb.elbv2("DeleteLoadBalancer", { LoadBalancerArn: arns[0] });
    expect(codeOf(() => sb.elbv2("DescribeLoadBalancers", { LoadBalancerArns: [arns[0]] }))).toBe("LoadBalancerNotFound");
  });
});

describe("ELBv2 target groups", () => {
  it("fills in the health check ELBv2 gives each protocol", () => {
    const { sb, vpcId } = network();
    expect(targetGroup(sb, vpcId)).toMatchObject({
      TargetGroupName: "web", Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "ip", ProtocolVersion: "HTTP1", IpAddressType: "ipv4",
      HealthCheckProtocol: "HTTP", HealthCheckPort: "traffic-port", HealthCheckEnabled: true, HealthCheckPath: "/",
      HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 6, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: "200" }, LoadBalancerArns: [],
    });
    const tcp = sb.elbv2("CreateTargetGroup", { Name: "tcp", Protocol: "TCP", Port: 5432, VpcId: vpcId }).TargetGroups[0];
    expect(tcp).toMatchObject({ TargetType: "instance", HealthCheckProtocol: "TCP", HealthCheckTimeoutSeconds: 10, HealthCheckPath: undefined, Matcher: undefined });
    const fn = sb.elbv2("CreateTargetGroup", { Name: "fn", TargetType: "lambda" }).TargetGroups[0];
    expect(fn).toMatchObject({ HealthCheckEnabled: false, HealthCheckIntervalSeconds: 35, HealthCheckTimeoutSeconds: 30, UnhealthyThresholdCount: 5 });
    expect(fn.TargetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:eu-west-1:000000000000:targetgroup\/fn\/[0-9a-f]{16}$/);
  });

  it("refuses what ELBv2 refuses", () => {
    const { sb, vpcId } = network();
    expect(codeOf(() => targetGroup(sb, vpcId, "web", { Port: undefined }))).toBe("ValidationError");
    expect(codeOf(() => targetGroup(sb, vpcId, "web", { VpcId: "vpc-0123456789abcdef0" }))).toBe("ValidationError");
    expect(failure(() => targetGroup(sb, vpcId, "web", { HealthCheckIntervalSeconds: 3 }))).toEqual({
      code: "ValidationError",
      message: "1 validation error detected: Value '3' at 'healthCheckIntervalSeconds' failed to satisfy constraint: Member must have value greater than or equal to 5",
    });
    expect(codeOf(() => targetGroup(sb, vpcId, "web", { HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 }))).toBe("ValidationError");
    expect(codeOf(() => targetGroup(sb, vpcId, "web", { HealthCheckProtocol: "TCP" }))).toBe("ValidationError");
    const tg = targetGroup(sb, vpcId);
    expect(targetGroup(sb, vpcId).TargetGroupArn).toBe(tg.TargetGroupArn);
    expect(codeOf(() => targetGroup(sb, vpcId, "web", { Port: 8080 }))).toBe("DuplicateTargetGroupName");
  });

  it("modifies health checks, finds groups by load balancer, and refuses to delete a group a listener forwards to", () => {
    const { sb, vpcId, subnets } = network();
    const tg = targetGroup(sb, vpcId);
    const modified = sb.elbv2("ModifyTargetGroup", { TargetGroupArn: tg.TargetGroupArn, HealthCheckPath: "/health", HealthyThresholdCount: 2 }).TargetGroups[0];
    expect(modified).toMatchObject({ HealthCheckPath: "/health", HealthyThresholdCount: 2, HealthCheckIntervalSeconds: 30 });
    const lb = alb(sb, subnets);
    listener(sb, lb.LoadBalancerArn, tg.TargetGroupArn);
    expect(sb.elbv2("DescribeTargetGroups", { LoadBalancerArn: lb.LoadBalancerArn }).TargetGroups[0]).toMatchObject({
      TargetGroupArn: tg.TargetGroupArn, LoadBalancerArns: [lb.LoadBalancerArn],
    });
    expect(failure(() => sb.elbv2("DeleteTargetGroup", { TargetGroupArn: tg.TargetGroupArn }))).toEqual({
      code: "ResourceInUse", message: `Target group '${tg.TargetGroupArn}' is currently in use by a listener or a rule`,
    });
    expect(codeOf(() => sb.elbv2("DescribeTargetGroups", { Names: ["nope"] }))).toBe("TargetGroupNotFound");
    sb.elbv2("DeleteLoadBalancer", { LoadBalancerArn: lb.LoadBalancerArn });
    sb.elbv2("DeleteTargetGroup", { TargetGroupArn: tg.TargetGroupArn });
    sb.elbv2("DeleteTargetGroup", { TargetGroupArn: tg.TargetGroupArn });
    expect(sb.elbv2("DescribeTargetGroups").TargetGroups).toEqual([]);
  });
});

describe("ELBv2 listeners and rules", () => {
  it("creates a listener with its default rule and writes a forward as ELBv2 does", () => {
    const { sb, vpcId, subnets } = network();
    const lb = alb(sb, subnets);
    const tg = targetGroup(sb, vpcId);
    const l = listener(sb, lb.LoadBalancerArn, tg.TargetGroupArn);
    expect(l.ListenerArn).toBe(`${lb.LoadBalancerArn.replace(":loadbalancer/", ":listener/")}/${l.ListenerArn.slice(-16)}`);
    expect(l.DefaultActions).toEqual([{
      Type: "forward", TargetGroupArn: tg.TargetGroupArn,
      ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg.TargetGroupArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
    }]);
    expect(listener(sb, lb.LoadBalancerArn, tg.TargetGroupArn).ListenerArn).toBe(l.ListenerArn);
    const rules = sb.elbv2("DescribeRules", { ListenerArn: l.ListenerArn }).Rules;
    expect(rules).toEqual([{ RuleArn: expect.stringMatching(/:listener-rule\/app\/web\//), Priority: "default", Conditions: [], Actions: l.DefaultActions, IsDefault: true }]);
  });

  it("refuses ports taken, wrong protocols, missing certificates and target groups of another load balancer", () => {
    const { sb, vpcId, subnets } = network();
    const lb = alb(sb, subnets);
    const other = alb(sb, subnets, "other");
    const tg = targetGroup(sb, vpcId);
    const tg2 = targetGroup(sb, vpcId, "web2");
    listener(sb, lb.LoadBalancerArn, tg.TargetGroupArn);
    expect(failure(() => listener(sb, lb.LoadBalancerArn, tg2.TargetGroupArn))).toEqual({ code: "DuplicateListener", message: "A listener with the specified port already exists." });
    expect(failure(() => sb.elbv2("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "TCP", Port: 81, DefaultActions: forward(tg2.TargetGroupArn) }))).toEqual({
      code: "ValidationError", message: "Listener protocol 'TCP' must be one of 'HTTPS, HTTP'",
    });
    expect(codeOf(() => sb.elbv2("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTPS", Port: 443, DefaultActions: forward(tg2.TargetGroupArn) }))).toBe("CertificateNotFound");
    const https = sb.elbv2("CreateListener", {
      LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTPS", Port: 443, DefaultActions: forward(tg.TargetGroupArn),
      Certificates: [{ CertificateArn: "arn:aws:acm:eu-west-1:000000000000:certificate/abc" }],
    }).Listeners[0];
    expect(https.SslPolicy).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
    expect(failure(() => listener(sb, other.LoadBalancerArn, tg.TargetGroupArn))).toEqual({
      code: "TargetGroupAssociationLimit", message: `The following target groups cannot be associated with more than one load balancer: ${tg.TargetGroupArn}`,
    });
    const tcp = sb.elbv2("CreateTargetGroup", { Name: "tcp", Protocol: "TCP", Port: 80, VpcId: vpcId }).TargetGroups[0];
    expect(codeOf(() => listener(sb, other.LoadBalancerArn, tcp.TargetGroupArn))).toBe("IncompatibleProtocols");
    expect(codeOf(() => listener(sb, other.LoadBalancerArn, tg.TargetGroupArn.replace(/[0-9a-f]{16}$/, "0".repeat(16))))).toBe("TargetGroupNotFound");
    expect(codeOf(() => sb.elbv2("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn.replace(/[0-9a-f]{16}$/, "0".repeat(16)), Protocol: "HTTP", Port: 82, DefaultActions: forward(tg.TargetGroupArn) }))).toBe("LoadBalancerNotFound");
  });

  it("keeps rules in priority order with the default last, refuses a priority in use, and never deletes the default rule", () => {
    const { sb, vpcId, subnets } = network();
    const lb = alb(sb, subnets);
    const blue = targetGroup(sb, vpcId, "blue");
    const green = targetGroup(sb, vpcId, "green");
    const l = listener(sb, lb.LoadBalancerArn, blue.TargetGroupArn);
    const weighted = [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue.TargetGroupArn, Weight: 90 }, { TargetGroupArn: green.TargetGroupArn, Weight: 10 }] } }];
    const api = sb.elbv2("CreateRule", { ListenerArn: l.ListenerArn, Priority: 10, Conditions: [{ Field: "path-pattern", Values: ["/api/*"] }], Actions: weighted }).Rules[0];
    expect(api).toMatchObject({
      Priority: "10", IsDefault: false,
      Conditions: [{ Field: "path-pattern", Values: ["/api/*"], PathPatternConfig: { Values: ["/api/*"] } }],
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue.TargetGroupArn, Weight: 90 }, { TargetGroupArn: green.TargetGroupArn, Weight: 10 }] } }],
    });
    expect(api.Actions[0].TargetGroupArn).toBeUndefined();
    sb.elbv2("CreateRule", { ListenerArn: l.ListenerArn, Priority: 5, Conditions: [{ Field: "host-header", HostHeaderConfig: { Values: ["a.example.com"] } }], Actions: forward(green.TargetGroupArn) });
    expect(failure(() => sb.elbv2("CreateRule", { ListenerArn: l.ListenerArn, Priority: 5, Conditions: [{ Field: "path-pattern", Values: ["/x"] }], Actions: forward(blue.TargetGroupArn) }))).toEqual({
      code: "PriorityInUse", message: "Priority '5' is currently in use",
    });
    expect(codeOf(() => sb.elbv2("CreateRule", { ListenerArn: l.ListenerArn, Priority: 6, Conditions: [], Actions: forward(blue.TargetGroupArn) }))).toBe("ValidationError");
    expect(codeOf(() => sb.elbv2("CreateRule", { ListenerArn: l.ListenerArn, Priority: 7, Conditions: [{ Field: "path-pattern", Values: ["/1", "/2", "/3", "/4", "/5", "/6"] }], Actions: forward(blue.TargetGroupArn) }))).toBe("ValidationError");
    const rules = sb.elbv2("DescribeRules", { ListenerArn: l.ListenerArn }).Rules;
    expect(rules.map((r: { Priority: string }) => r.Priority)).toEqual(["5", "10", "default"]);

    const moved = sb.elbv2("ModifyRule", { RuleArn: api.RuleArn, Actions: forward(green.TargetGroupArn) }).Rules[0];
    expect(moved.Actions[0].TargetGroupArn).toBe(green.TargetGroupArn);
    const defaultRule = rules[2].RuleArn;
    expect(codeOf(() => sb.elbv2("DeleteRule", { RuleArn: defaultRule }))).toBe("OperationNotPermitted");
    expect(codeOf(() => sb.elbv2("ModifyRule", { RuleArn: defaultRule, Conditions: [{ Field: "path-pattern", Values: ["/"] }] }))).toBe("OperationNotPermitted");
    sb.elbv2("ModifyRule", { RuleArn: defaultRule, Actions: forward(green.TargetGroupArn) });
    expect(sb.elbv2("DescribeListeners", { ListenerArns: [l.ListenerArn] }).Listeners[0].DefaultActions[0].TargetGroupArn).toBe(green.TargetGroupArn);
    sb.elbv2("DeleteRule", { RuleArn: api.RuleArn });
    expect(codeOf(() => sb.elbv2("DeleteRule", { RuleArn: api.RuleArn }))).toBe("RuleNotFound");
    expect(codeOf(() => sb.elbv2("DescribeRules", { RuleArns: [api.RuleArn] }))).toBe("RuleNotFound");
  });

  it("modifies listeners (the default rule follows) and deletes them with their rules", () => {
    const { sb, vpcId, subnets } = network();
    const lb = alb(sb, subnets);
    const blue = targetGroup(sb, vpcId, "blue");
    const green = targetGroup(sb, vpcId, "green");
    const l = listener(sb, lb.LoadBalancerArn, blue.TargetGroupArn);
    const modified = sb.elbv2("ModifyListener", { ListenerArn: l.ListenerArn, Port: 8080, DefaultActions: forward(green.TargetGroupArn) }).Listeners[0];
    expect(modified).toMatchObject({ Port: 8080, Protocol: "HTTP" });
    const rules = sb.elbv2("DescribeRules", { ListenerArn: l.ListenerArn }).Rules;
    expect(rules[0].Actions[0].TargetGroupArn).toBe(green.TargetGroupArn);
    sb.elbv2("CreateRule", { ListenerArn: l.ListenerArn, Priority: 1, Conditions: [{ Field: "path-pattern", Values: ["/a"] }], Actions: forward(blue.TargetGroupArn) });
    sb.elbv2("DeleteListener", { ListenerArn: l.ListenerArn });
    expect(codeOf(() => sb.elbv2("DeleteListener", { ListenerArn: l.ListenerArn }))).toBe("ListenerNotFound");
    expect(sb.elbv2("DescribeListeners", { LoadBalancerArn: lb.LoadBalancerArn }).Listeners).toEqual([]);
    expect(Object.keys(sb.world().rules)).toEqual([]);
    expect(codeOf(() => sb.elbv2("DescribeListeners"))).toBe("ValidationError");
  });

  it("refuses rules on Network Load Balancers and non-forward actions there", () => {
    const { sb, vpcId, subnets } = network();
    const nlb = sb.elbv2("CreateLoadBalancer", { Name: "tcp", Type: "network", Subnets: subnets }).LoadBalancers[0];
    const tcp = sb.elbv2("CreateTargetGroup", { Name: "tcp", Protocol: "TCP", Port: 80, VpcId: vpcId, TargetType: "ip" }).TargetGroups[0];
    expect(codeOf(() => sb.elbv2("CreateListener", { LoadBalancerArn: nlb.LoadBalancerArn, Protocol: "TCP", Port: 80, DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "200" } }] }))).toBe("InvalidLoadBalancerAction");
    const l = sb.elbv2("CreateListener", { LoadBalancerArn: nlb.LoadBalancerArn, Protocol: "TCP", Port: 80, DefaultActions: forward(tcp.TargetGroupArn) }).Listeners[0];
    expect(codeOf(() => sb.elbv2("CreateRule", { ListenerArn: l.ListenerArn, Priority: 1, Conditions: [{ Field: "path-pattern", Values: ["/"] }], Actions: forward(tcp.TargetGroupArn) }))).toBe("InvalidConfigurationRequest");
  });
});

describe("ELBv2 targets", () => {
  it("takes targets through unused, initial and healthy on the simulated clock, and drains them on deregistration", () => {
    const { sb, vpcId, subnets } = network();
    const tg = targetGroup(sb, vpcId, "web", { HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 3 });
    const arn = tg.TargetGroupArn;
    sb.elbv2("RegisterTargets", { TargetGroupArn: arn, Targets: [{ Id: "172.31.1.10" }, { Id: "172.31.17.4", Port: 8080 }] });
    const health = () => sb.elbv2("DescribeTargetHealth", { TargetGroupArn: arn }).TargetHealthDescriptions
      .map((d: { Target: { Id: string }; TargetHealth: { State: string } }) => `${d.Target.Id}:${d.TargetHealth.State}`);
    expect(sb.elbv2("DescribeTargetHealth", { TargetGroupArn: arn }).TargetHealthDescriptions[0]).toEqual({
      Target: { Id: "172.31.1.10", Port: 80 }, HealthCheckPort: "80",
      TargetHealth: { State: "unused", Reason: "Target.NotInUse", Description: "Target group is not configured to receive traffic from the load balancer" },
    });
    const lb = alb(sb, subnets);
    listener(sb, lb.LoadBalancerArn, arn);
    expect(health()).toEqual(["172.31.1.10:initial", "172.31.17.4:initial"]);
    sb.step(29);
    expect(health()).toEqual(["172.31.1.10:initial", "172.31.17.4:initial"]);
    sb.step(1);
    expect(health()).toEqual(["172.31.1.10:healthy", "172.31.17.4:healthy"]);
    expect(sb.elbv2("DescribeTargetHealth", { TargetGroupArn: arn, Targets: [{ Id: "172.31.17.4", Port: 8080 }] }).TargetHealthDescriptions[0].HealthCheckPort).toBe("8080");

    sb.elbv2("DeregisterTargets", { TargetGroupArn: arn, Targets: [{ Id: "172.31.1.10" }] });
    expect(health()).toEqual(["172.31.1.10:draining", "172.31.17.4:healthy"]);
    sb.step(300);
    expect(health()).toEqual(["172.31.17.4:healthy"]);
    expect(sb.elbv2("DescribeTargetHealth", { TargetGroupArn: arn, Targets: [{ Id: "172.31.1.10" }] }).TargetHealthDescriptions[0].TargetHealth).toEqual({
      State: "unused", Reason: "Target.NotRegistered", Description: "Target is not registered to the target group",
    });
    sb.elbv2("DeregisterTargets", { TargetGroupArn: arn, Targets: [{ Id: "172.31.9.9" }] });
  });

  it("checks targets against the group's type and VPC", () => {
    const { sb, vpcId } = network();
    const ip = targetGroup(sb, vpcId);
    const register = (arn: string, target: object) => () => sb.elbv2("RegisterTargets", { TargetGroupArn: arn, Targets: [target] });
    expect(codeOf(register(ip.TargetGroupArn, { Id: "not-an-ip" }))).toBe("InvalidTarget");
    expect(codeOf(register(ip.TargetGroupArn, { Id: "8.8.8.8" }))).toBe("InvalidTarget");
    expect(codeOf(register(ip.TargetGroupArn, { Id: "10.0.0.5" }))).toBe("ValidationError");
    sb.elbv2("RegisterTargets", { TargetGroupArn: ip.TargetGroupArn, Targets: [{ Id: "10.0.0.5", AvailabilityZone: "all" }] });
    expect(codeOf(() => sb.elbv2("RegisterTargets", { TargetGroupArn: ip.TargetGroupArn, Targets: [] }))).toBe("ValidationError");

    const albs = sb.elbv2("CreateTargetGroup", { Name: "albs", Protocol: "TCP", Port: 80, VpcId: vpcId, TargetType: "alb" }).TargetGroups[0];
    expect(codeOf(register(albs.TargetGroupArn, { Id: "constructor" }))).toBe("InvalidTarget");

    const instances = sb.elbv2("CreateTargetGroup", { Name: "ec2", Protocol: "HTTP", Port: 80, VpcId: vpcId }).TargetGroups[0];
    expect(failure(register(instances.TargetGroupArn, { Id: "i-0123456789abcdef0" }))).toEqual({
      code: "InvalidTarget", message: "The following targets are not valid instances: 'i-0123456789abcdef0'",
    });
    sb.call("CreateCluster", { clusterName: "c" });
    const ec2InstanceId = sb.control({ action: "addInstances", cluster: "c", region: "eu-west-1" }).containerInstances[0].ec2InstanceId;
    sb.elbv2("RegisterTargets", { TargetGroupArn: instances.TargetGroupArn, Targets: [{ Id: ec2InstanceId }] });
    expect(codeOf(() => sb.elbv2("RegisterTargets", { TargetGroupArn: instances.TargetGroupArn.replace(/[0-9a-f]{16}$/, "0".repeat(16)), Targets: [{ Id: ec2InstanceId }] }))).toBe("TargetGroupNotFound");
  });
});

describe("ELBv2 tags", () => {
  it("adds, replaces, removes and describes tags of every kind of resource", () => {
    const { sb, vpcId, subnets } = network();
    const lb = sb.elbv2("CreateLoadBalancer", { Name: "web", Subnets: subnets, Tags: [{ Key: "stevedore:design", Value: "d1" }] }).LoadBalancers[0];
    const tg = targetGroup(sb, vpcId);
    const l = listener(sb, lb.LoadBalancerArn, tg.TargetGroupArn);
    sb.elbv2("AddTags", { ResourceArns: [lb.LoadBalancerArn, tg.TargetGroupArn, l.ListenerArn], Tags: [{ Key: "team", Value: "a" }] });
    sb.elbv2("AddTags", { ResourceArns: [lb.LoadBalancerArn], Tags: [{ Key: "team", Value: "b" }] });
    sb.elbv2("RemoveTags", { ResourceArns: [tg.TargetGroupArn], TagKeys: ["team"] });
    expect(sb.elbv2("DescribeTags", { ResourceArns: [lb.LoadBalancerArn, tg.TargetGroupArn, l.ListenerArn] }).TagDescriptions).toEqual([
      { ResourceArn: lb.LoadBalancerArn, Tags: [{ Key: "stevedore:design", Value: "d1" }, { Key: "team", Value: "b" }] },
      { ResourceArn: tg.TargetGroupArn, Tags: [] },
      { ResourceArn: l.ListenerArn, Tags: [{ Key: "team", Value: "a" }] },
    ]);
    expect(codeOf(() => sb.elbv2("AddTags", { ResourceArns: [lb.LoadBalancerArn], Tags: [{ Key: "x" }, { Key: "x" }] }))).toBe("DuplicateTagKeys");
    const many = Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect(codeOf(() => sb.elbv2("AddTags", { ResourceArns: [lb.LoadBalancerArn], Tags: many }))).toBe("TooManyTags");
    expect(codeOf(() => sb.elbv2("DescribeTags", { ResourceArns: [tg.TargetGroupArn.replace(/[0-9a-f]{16}$/, "0".repeat(16))] }))).toBe("TargetGroupNotFound");
    expect(codeOf(() => sb.elbv2("DescribeTags", { ResourceArns: ["arn:aws:s3:::bucket"] }))).toBe("ValidationError");
  });
});
