import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import {
  AddTagsCommand, CreateListenerCommand, CreateLoadBalancerCommand, CreateRuleCommand, CreateTargetGroupCommand, DeleteListenerCommand,
  DeleteLoadBalancerCommand, DeleteRuleCommand, DeleteTargetGroupCommand, DeregisterTargetsCommand, DescribeListenersCommand,
  DescribeLoadBalancersCommand, DescribeRulesCommand, DescribeTagsCommand, DescribeTargetGroupsCommand, DescribeTargetHealthCommand,
  DuplicateListenerException, DuplicateLoadBalancerNameException, DuplicateTargetGroupNameException, ElasticLoadBalancingV2ServiceException,
  IncompatibleProtocolsException, ListenerNotFoundException, LoadBalancerNotFoundException, ModifyListenerCommand, ModifyRuleCommand,
  ModifyTargetGroupCommand, OperationNotPermittedException, PriorityInUseException, RegisterTargetsCommand, RemoveTagsCommand,
  ResourceInUseException, RuleNotFoundException, SubnetNotFoundException, TargetGroupAssociationLimitException, TargetGroupNotFoundException,
  paginateDescribeLoadBalancers,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { rejection as failed, startSandbox } from "./server";

// Elastic Load Balancing v2 over the awsQuery protocol, through the real
// ElasticLoadBalancingV2Client at /sandbox/aws: the happy path of an ALB in front of two target
// groups, and ELBv2's errors as the SDK's modelled exceptions.

let sb: Awaited<ReturnType<typeof startSandbox>>;
let subnets: string[];
let vpcId: string;
beforeAll(async () => {
  sb = await startSandbox("eu-west-1");
  vpcId = (await sb.aws.ec2.send(new DescribeVpcsCommand({}))).Vpcs![0].VpcId!;
  subnets = (await sb.aws.ec2.send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.SubnetId!);
});
afterAll(async () => { await sb.close(); });

const rejection = (call: Promise<unknown>) => failed<ElasticLoadBalancingV2ServiceException>(call);

const elb = () => sb.aws.elbv2;

describe("ELBv2 over the awsQuery protocol", () => {
  it("puts an Application Load Balancer in front of blue and green target groups, and takes it down again", async () => {
    const lb = (await elb().send(new CreateLoadBalancerCommand({
      Name: "shop", Subnets: subnets.slice(0, 2), Tags: [{ Key: "stevedore:design", Value: "d1" }],
    }))).LoadBalancers![0];
    const defaultGroup = (await sb.aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ["default"] }))).SecurityGroups![0].GroupId;
    expect(lb).toMatchObject({
      LoadBalancerName: "shop", Type: "application", Scheme: "internet-facing", VpcId: vpcId, State: { Code: "active" },
      SecurityGroups: [defaultGroup], IpAddressType: "ipv4", CanonicalHostedZoneId: "Z32O12XQLNTSW2",
    });
    expect(lb.CreatedTime).toEqual(new Date(1_700_000_000_000));
    expect(lb.DNSName).toMatch(/^shop-\d+\.eu-west-1\.elb\.amazonaws\.com$/);
    expect(lb.AvailabilityZones?.map((z) => z.SubnetId)).toEqual(subnets.slice(0, 2));

    const group = async (Name: string) => (await elb().send(new CreateTargetGroupCommand({
      Name, Protocol: "HTTP", Port: 8080, VpcId: vpcId, TargetType: "ip", HealthCheckPath: "/health", HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2,
    }))).TargetGroups![0];
    const blue = await group("shop-blue");
    const green = await group("shop-green");
    expect(blue).toMatchObject({ HealthCheckPath: "/health", HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 6, UnhealthyThresholdCount: 2, Matcher: { HttpCode: "200" }, LoadBalancerArns: [] });

    const listener = (await elb().send(new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: blue.TargetGroupArn }],
    }))).Listeners![0];
    expect(listener.DefaultActions).toEqual([{
      Type: "forward", TargetGroupArn: blue.TargetGroupArn,
      ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue.TargetGroupArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
    }]);
    const canary = (await elb().send(new CreateRuleCommand({
      ListenerArn: listener.ListenerArn, Priority: 10, Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/api/*"] } }],
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue.TargetGroupArn, Weight: 90 }, { TargetGroupArn: green.TargetGroupArn, Weight: 10 }] } }],
    }))).Rules![0];
    expect(canary.Priority).toBe("10");
    const rules = (await elb().send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules!;
    expect(rules.map((r) => [r.Priority, r.IsDefault])).toEqual([["10", false], ["default", true]]);
    expect(rules[0].Actions![0].ForwardConfig?.TargetGroups?.map((t) => t.Weight)).toEqual([90, 10]);
    await elb().send(new ModifyRuleCommand({
      RuleArn: canary.RuleArn,
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue.TargetGroupArn, Weight: 0 }, { TargetGroupArn: green.TargetGroupArn, Weight: 100 }] } }],
    }));
    const groups = (await elb().send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).TargetGroups!;
    expect(groups.map((g) => [g.TargetGroupName, g.LoadBalancerArns])).toEqual([["shop-blue", [lb.LoadBalancerArn]], ["shop-green", [lb.LoadBalancerArn]]]);

    // Targets: initial (registration, then initial checks after one interval) until interval × healthy threshold (10 s × 2) of simulated time, then healthy.
    await elb().send(new RegisterTargetsCommand({ TargetGroupArn: green.TargetGroupArn, Targets: [{ Id: "172.31.3.7" }, { Id: "172.31.20.9" }] }));
    const states = async () => (await elb().send(new DescribeTargetHealthCommand({ TargetGroupArn: green.TargetGroupArn }))).TargetHealthDescriptions!
      .map((d) => [d.Target?.Id, d.Target?.Port, d.TargetHealth?.State, d.TargetHealth?.Reason]);
    expect(await states()).toEqual([["172.31.3.7", 8080, "initial", "Elb.RegistrationInProgress"], ["172.31.20.9", 8080, "initial", "Elb.RegistrationInProgress"]]);
    await sb.step(10);
    expect(await states()).toEqual([["172.31.3.7", 8080, "initial", "Elb.InitialHealthChecking"], ["172.31.20.9", 8080, "initial", "Elb.InitialHealthChecking"]]);
    await sb.step(10);
    expect(await states()).toEqual([["172.31.3.7", 8080, "healthy", undefined], ["172.31.20.9", 8080, "healthy", undefined]]);
    await elb().send(new DeregisterTargetsCommand({ TargetGroupArn: green.TargetGroupArn, Targets: [{ Id: "172.31.3.7" }] }));
    expect((await states())[0]).toEqual(["172.31.3.7", 8080, "draining", "Target.DeregistrationInProgress"]);

    await elb().send(new ModifyListenerCommand({ ListenerArn: listener.ListenerArn, DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain", MessageBody: "nope" } }] }));
    await elb().send(new ModifyTargetGroupCommand({ TargetGroupArn: blue.TargetGroupArn, HealthCheckPath: "/ready" }));
    await elb().send(new AddTagsCommand({ ResourceArns: [lb.LoadBalancerArn!, blue.TargetGroupArn!], Tags: [{ Key: "team", Value: "shop" }] }));
    await elb().send(new RemoveTagsCommand({ ResourceArns: [lb.LoadBalancerArn!], TagKeys: ["stevedore:design"] }));
    const tags = (await elb().send(new DescribeTagsCommand({ ResourceArns: [lb.LoadBalancerArn!, blue.TargetGroupArn!] }))).TagDescriptions!;
    expect(tags.map((t) => t.Tags)).toEqual([[{ Key: "team", Value: "shop" }], [{ Key: "team", Value: "shop" }]]);

    await elb().send(new DeleteRuleCommand({ RuleArn: canary.RuleArn }));
    await elb().send(new DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
    await elb().send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    await elb().send(new DeleteTargetGroupCommand({ TargetGroupArn: blue.TargetGroupArn }));
    await elb().send(new DeleteTargetGroupCommand({ TargetGroupArn: green.TargetGroupArn }));
    expect((await elb().send(new DescribeLoadBalancersCommand({}))).LoadBalancers).toEqual([]);
    expect((await elb().send(new DescribeTargetGroupsCommand({}))).TargetGroups).toEqual([]);
  });

  it("pages load balancers with the SDK's paginator", async () => {
    for (const n of ["p1", "p2", "p3"]) await elb().send(new CreateLoadBalancerCommand({ Name: n, Subnets: subnets }));
    const names: string[] = [];
    for await (const page of paginateDescribeLoadBalancers({ client: elb(), pageSize: 2 }, {})) names.push(...page.LoadBalancers!.map((l) => l.LoadBalancerName!));
    expect(names).toEqual(["p1", "p2", "p3"]);
  });

  it("surfaces ELBv2's errors as the SDK's modelled exceptions", async () => {
    const lb = (await elb().send(new CreateLoadBalancerCommand({ Name: "errs", Subnets: subnets }))).LoadBalancers![0];
    const other = (await elb().send(new CreateLoadBalancerCommand({ Name: "errs-other", Subnets: subnets }))).LoadBalancers![0];
    const dup = await rejection(elb().send(new CreateLoadBalancerCommand({ Name: "errs", Subnets: subnets.slice(0, 2) })));
    expect(dup).toBeInstanceOf(DuplicateLoadBalancerNameException);
    expect([dup.name, dup.message, dup.$metadata.httpStatusCode, (dup as unknown as { Error: { Code: string; Type: string } }).Error])
      .toEqual(["DuplicateLoadBalancerNameException", "A load balancer with the specified name already exists.", 400,
        { Code: "DuplicateLoadBalancerName", Type: "Sender", Message: "A load balancer with the specified name already exists." }]);
    const oneSubnet = await rejection(elb().send(new CreateLoadBalancerCommand({ Name: "single", Subnets: subnets.slice(0, 1) })));
    expect([oneSubnet.name, oneSubnet.message]).toEqual(["ValidationError", "At least two subnets in two different Availability Zones must be specified"]);
    expect(await rejection(elb().send(new CreateLoadBalancerCommand({ Name: "ghost", Subnets: [subnets[0], "subnet-0123456789abcdef0"] })))).toBeInstanceOf(SubnetNotFoundException);
    expect(await rejection(elb().send(new DescribeLoadBalancersCommand({ Names: ["ghost"] })))).toBeInstanceOf(LoadBalancerNotFoundException);

    const tg = (await elb().send(new CreateTargetGroupCommand({ Name: "errs", Protocol: "HTTP", Port: 80, VpcId: vpcId }))).TargetGroups![0];
    expect(await rejection(elb().send(new CreateTargetGroupCommand({ Name: "errs", Protocol: "HTTP", Port: 81, VpcId: vpcId })))).toBeInstanceOf(DuplicateTargetGroupNameException);
    const tcp = (await elb().send(new CreateTargetGroupCommand({ Name: "errs-tcp", Protocol: "TCP", Port: 80, VpcId: vpcId }))).TargetGroups![0];
    const forward = (arn?: string) => [{ Type: "forward" as const, TargetGroupArn: arn }];
    const l = (await elb().send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: forward(tg.TargetGroupArn) }))).Listeners![0];
    const notFound = [{ Type: "fixed-response" as const, FixedResponseConfig: { StatusCode: "404" } }];
    expect(await rejection(elb().send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: notFound })))).toBeInstanceOf(DuplicateListenerException);
    expect(await rejection(elb().send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 81, DefaultActions: forward(tcp.TargetGroupArn) })))).toBeInstanceOf(IncompatibleProtocolsException);
    expect(await rejection(elb().send(new CreateListenerCommand({ LoadBalancerArn: other.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: forward(tg.TargetGroupArn) })))).toBeInstanceOf(TargetGroupAssociationLimitException);
    const missingGroup = tg.TargetGroupArn!.replace(/[0-9a-f]{16}$/, "0".repeat(16));
    expect(await rejection(elb().send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 82, DefaultActions: forward(missingGroup) })))).toBeInstanceOf(TargetGroupNotFoundException);

    const rule = { ListenerArn: l.ListenerArn, Priority: 1, Conditions: [{ Field: "path-pattern", Values: ["/a"] }], Actions: forward(tg.TargetGroupArn) };
    await elb().send(new CreateRuleCommand(rule));
    expect(await rejection(elb().send(new CreateRuleCommand(rule)))).toBeInstanceOf(PriorityInUseException);
    const defaultRule = (await elb().send(new DescribeRulesCommand({ ListenerArn: l.ListenerArn }))).Rules!.find((r) => r.IsDefault)!;
    expect(await rejection(elb().send(new DeleteRuleCommand({ RuleArn: defaultRule.RuleArn })))).toBeInstanceOf(OperationNotPermittedException);
    expect(await rejection(elb().send(new DeleteRuleCommand({ RuleArn: defaultRule.RuleArn!.replace(/[0-9a-f]{16}$/, "0".repeat(16)) })))).toBeInstanceOf(RuleNotFoundException);
    const inUse = await rejection(elb().send(new DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn })));
    expect(inUse).toBeInstanceOf(ResourceInUseException);
    expect(inUse.message).toBe(`Target group '${tg.TargetGroupArn}' is currently in use by a listener or a rule`);
    expect(await rejection(elb().send(new DescribeListenersCommand({ ListenerArns: [l.ListenerArn!.replace(/[0-9a-f]{16}$/, "0".repeat(16))] })))).toBeInstanceOf(ListenerNotFoundException);
    const badArn = await rejection(elb().send(new DescribeTargetHealthCommand({ TargetGroupArn: "web" })));
    expect([badArn.name, badArn.message]).toEqual(["ValidationError", "'web' is not a valid target group ARN"]);
    const range = await rejection(elb().send(new ModifyTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn, HealthyThresholdCount: 11 })));
    expect([range.name, range.message]).toEqual(["ValidationError", "1 validation error detected: Value '11' at 'healthyThresholdCount' failed to satisfy constraint: Member must have value less than or equal to 10"]);
  });
});
