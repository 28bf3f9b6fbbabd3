import { describe, expect, it } from "vitest";
import type { Design } from "../design";
import { validateDesign } from "../rules";
import { applyEdits } from "./paths";
import { defaultVpcEdits, environmentListeners, listenerRuleSuggestions, missingNamespaceFindings, rolesForTasks, trustedServices, type EnvironmentNetwork } from "./environment-network";

const network: EnvironmentNetwork = {
  vpcs: [{ id: "vpc-default", cidr: "172.31.0.0/16", isDefault: true }, { id: "vpc-other", cidr: "10.0.0.0/16", isDefault: false }],
  subnets: [
    { id: "subnet-c", vpcId: "vpc-default", zone: "eu-west-1c", cidr: "172.31.32.0/20", defaultForAz: true },
    { id: "subnet-a", vpcId: "vpc-default", zone: "eu-west-1a", cidr: "172.31.0.0/20", defaultForAz: true },
    { id: "subnet-x", vpcId: "vpc-default", zone: "eu-west-1a", cidr: "172.31.64.0/20", defaultForAz: false },
    { id: "subnet-o", vpcId: "vpc-other", zone: "eu-west-1b", cidr: "10.0.0.0/24", defaultForAz: false },
  ],
  securityGroups: [{ id: "sg-other", name: "default", vpcId: "vpc-other" }, { id: "sg-default", name: "default", vpcId: "vpc-default" }],
  targetGroups: [],
  loadBalancers: [],
  listeners: [],
  listenerRules: [],
  roles: [],
  namespaces: [],
};

const fargateDesign = (): Design => ({
  schemaVersion: 1,
  clusters: [{ id: "cl", clusterName: "main" }],
  taskDefinitions: [{
    id: "td", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "nginx:1.27", essential: true }],
  }],
  services: [{ id: "svc", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE" }],
  layout: {},
});

describe("the default-VPC fix", () => {
  it("gives a Fargate service without a network the default VPC's default subnets, its default group and a public IP", () => {
    const design = fargateDesign();
    const finding = validateDesign(design).find((f) => f.ruleId === "service-network")!;
    expect(finding.fix?.fromEnvironment).toBe("default-vpc");
    const out = defaultVpcEdits(design, finding, network);
    if ("missing" in out) throw new Error(out.missing);
    const fixed = applyEdits(design, out.edits);
    expect(fixed.services[0].networkConfiguration).toEqual({ awsvpcConfiguration: { subnets: ["subnet-a", "subnet-c"], securityGroups: ["sg-default"], assignPublicIp: "ENABLED" } });
    expect(validateDesign(fixed).filter((f) => f.ruleId === "service-network")).toEqual([]);
  });

  it("keeps the security groups and public IP setting a service already has, and says so when there is no default VPC", () => {
    const design = fargateDesign();
    design.services[0].networkConfiguration = { awsvpcConfiguration: { subnets: [], securityGroups: ["sg-mine"], assignPublicIp: "DISABLED" } };
    const finding = validateDesign(design).find((f) => f.ruleId === "service-network")!;
    const out = defaultVpcEdits(design, finding, network);
    expect(out).toEqual({ edits: [{ path: ["services", 0, "networkConfiguration"], value: { awsvpcConfiguration: { subnets: ["subnet-a", "subnet-c"], securityGroups: ["sg-mine"], assignPublicIp: "DISABLED" } } }] });
    expect(defaultVpcEdits(design, finding, { ...network, vpcs: network.vpcs.filter((v) => !v.isDefault) })).toMatchObject({ missing: expect.stringContaining("no default VPC") });
  });

  it("never gives an EC2-launched service a public IP", () => {
    const design = fargateDesign();
    design.services[0].launchType = "EC2";
    design.taskDefinitions[0].requiresCompatibilities = ["EC2"];
    const finding = validateDesign(design).find((f) => f.ruleId === "service-network")!;
    const out = defaultVpcEdits(design, finding, network);
    expect("edits" in out && out.edits[0].value).toMatchObject({ awsvpcConfiguration: { assignPublicIp: "DISABLED" } });
  });
});

describe("roles for the role pickers", () => {
  const policy = (statement: unknown) => encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: statement }));

  it("reads the services a trust policy allows, URL-encoded as IAM returns it or plain", () => {
    expect(trustedServices(policy([{ Effect: "Allow", Principal: { Service: ["ecs-tasks.amazonaws.com", "ecs.amazonaws.com"] }, Action: "sts:AssumeRole" }])))
      .toEqual(["ecs-tasks.amazonaws.com", "ecs.amazonaws.com"]);
    expect(trustedServices(JSON.stringify({ Statement: { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" } } }))).toEqual(["lambda.amazonaws.com"]);
    expect(trustedServices(policy([{ Effect: "Deny", Principal: { Service: "ecs-tasks.amazonaws.com" } }, { Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" } }]))).toEqual([]);
    expect(trustedServices("%7Bnot json")).toEqual([]);
    expect(trustedServices(undefined)).toEqual([]);
  });

  it("offers the roles ECS tasks can assume first", () => {
    const roles = rolesForTasks([
      { arn: "a", name: "admin", trustedServices: [] },
      { arn: "w", name: "web-task", trustedServices: ["ecs-tasks.amazonaws.com"] },
      { arn: "e", name: "ecsTaskExecutionRole", trustedServices: ["ecs-tasks.amazonaws.com"] },
    ]);
    expect(roles.map((r) => r.name)).toEqual(["ecsTaskExecutionRole", "web-task", "admin"]);
  });
});

describe("missingNamespaceFindings", () => {
  const design = (over: { cluster?: string; service?: string; enabled?: boolean }): Design => ({
    schemaVersion: 1, layout: {},
    clusters: [{ id: "c", clusterName: "main", ...(over.cluster ? { serviceConnectDefaults: { namespace: over.cluster } } : {}) }],
    taskDefinitions: [],
    services: [{ id: "s", serviceName: "web", cluster: "main", taskDefinition: "web", serviceConnectConfiguration: { enabled: over.enabled ?? true, ...(over.service ? { namespace: over.service } : {}) } }],
  } as Design);
  const shop = [{ arn: "arn:aws:servicediscovery:eu-west-1:000000000000:namespace/ns-1", name: "shop", type: "HTTP" }];

  it("accepts a namespace the environment has (by name or ARN) or a cluster of the design names (ECS creates it)", () => {
    expect(missingNamespaceFindings(design({ service: "shop" }), shop)).toEqual([]);
    expect(missingNamespaceFindings(design({ service: shop[0].arn }), shop)).toEqual([]);
    expect(missingNamespaceFindings(design({ cluster: "new-ns", service: "new-ns" }), [])).toEqual([]);
    expect(missingNamespaceFindings(design({ cluster: "new-ns" }), [])).toEqual([]);
    expect(missingNamespaceFindings(design({ service: "nowhere", enabled: false }), [])).toEqual([]);
  });

  it("flags a service's namespace nobody has or creates, and a cluster default ARN that names none", () => {
    const [f] = missingNamespaceFindings(design({ service: "nowhere" }), shop);
    expect(f).toMatchObject({ ruleId: "service-connect-namespace", severity: "error", resource: { kind: "service", id: "s" }, path: ["services", 0, "serviceConnectConfiguration", "namespace"] });
    expect(f.message).toContain("nowhere");
    expect(f.fix!.description).toContain("shop");
    const arn = "arn:aws:servicediscovery:eu-west-1:000000000000:namespace/ns-9";
    expect(missingNamespaceFindings(design({ cluster: arn }), shop).map((x) => [x.resource.kind, x.path.join(".")])).toEqual([["cluster", "clusters.0.serviceConnectDefaults.namespace"]]);
    // An ARN is never created by ECS, even when a cluster names it.
    expect(missingNamespaceFindings(design({ cluster: arn, service: arn }), [])).toHaveLength(2);
  });
});

describe("listener rules for the blue/green pickers", () => {
  const lb = (name: string, type: string) => ({ arn: `arn:lb/${name}`, name, type });
  const listener = (lbName: string, protocol: string, port: number) => ({ arn: `arn:listener/${lbName}/${port}`, loadBalancerArn: `arn:lb/${lbName}`, protocol, port });
  const rule = (listenerArn: string, priority: number | "default", conditions: { field: string; values: string[] }[] = []) =>
    ({ arn: `${listenerArn}/rule/${priority}`, listenerArn, priority, conditions });
  const withListeners: EnvironmentNetwork = {
    ...network,
    loadBalancers: [lb("web-alb", "application"), lb("tcp-nlb", "network")],
    listeners: [listener("web-alb", "HTTPS", 443), listener("web-alb", "HTTP", 80), listener("tcp-nlb", "TCP", 5432)],
    listenerRules: [
      rule("arn:listener/web-alb/80", 20, [{ field: "host-header", values: ["api.example.com"] }, { field: "path-pattern", values: ["/v2/*"] }]),
      rule("arn:listener/web-alb/80", 10, [{ field: "path-pattern", values: ["/api/*"] }]),
      rule("arn:listener/web-alb/80", "default"),
      rule("arn:listener/web-alb/443", "default"),
    ],
  };

  it("offers an ALB's rules by ARN (default first, then by priority) and an NLB's listeners, as ECS takes them", () => {
    expect(listenerRuleSuggestions(withListeners)).toEqual([
      { value: "arn:listener/web-alb/80/rule/default", label: "web-alb HTTP:80 default" },
      { value: "arn:listener/web-alb/80/rule/10", label: "web-alb HTTP:80 priority 10: path /api/*" },
      { value: "arn:listener/web-alb/80/rule/20", label: "web-alb HTTP:80 priority 20: host api.example.com · path /v2/*" },
      { value: "arn:listener/web-alb/443/rule/default", label: "web-alb HTTPS:443 default" },
      { value: "arn:listener/tcp-nlb/5432", label: "tcp-nlb TCP:5432 listener" },
    ]);
    expect(listenerRuleSuggestions(network)).toEqual([]);
  });

  it("lists one existing load balancer's listeners with their rules", () => {
    const mine = environmentListeners(withListeners, "arn:lb/web-alb");
    expect(mine.map((l) => [l.listener.port, l.rules.map((r) => r.priority)])).toEqual([[80, ["default", 10, 20]], [443, ["default"]]]);
    expect(environmentListeners(withListeners, "arn:lb/gone")).toEqual([]);
  });
});
