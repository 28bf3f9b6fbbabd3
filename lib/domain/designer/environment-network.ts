import { clusterNameOf, type Design, type Service } from "../design";
import type { Edit, Finding } from "../rules/types";
import { launchOf } from "../rules/checks/service-util";

// What an environment's network offers a designer (its VPCs, subnets, security groups, target
// groups and load balancers, read through EC2 and ELBv2), and the one-click network of a new
// account: the default VPC's default subnets and its default security group. Pure.

export type NetworkSubnet = { id: string; vpcId: string; zone: string; cidr: string; defaultForAz: boolean };
export type NetworkSecurityGroup = { id: string; name: string; vpcId: string };
export type NetworkTargetGroup = { arn: string; name: string; targetType: string; protocol?: string; port?: number; vpcId?: string };
export type NetworkLoadBalancer = { arn: string; name: string; type: string; scheme?: string; vpcId?: string };
/** A listener of one of the environment's load balancers (DescribeListeners). */
export type NetworkListener = { arn: string; loadBalancerArn: string; protocol: string; port: number };
/** A rule of an Application Load Balancer's listener (DescribeRules): its priority ("default" for the default rule) and conditions, each field with its values. */
export type NetworkListenerRule = { arn: string; listenerArn: string; priority: number | "default"; conditions: { field: string; values: string[] }[] };
/** A role and the AWS services its trust policy lets assume it (`ecs-tasks.amazonaws.com` for task and execution roles). */
export type NetworkRole = { arn: string; name: string; trustedServices: string[] };

/**
 * The services a trust policy allows to assume the role, from the policy as IAM returns it
 * (URL-encoded JSON; plain JSON is read too). Anything unreadable trusts no service.
 */
export function trustedServices(policyDocument: string | undefined): string[] {
  if (!policyDocument) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(policyDocument.trimStart().startsWith("{") ? policyDocument : decodeURIComponent(policyDocument));
  } catch {
    return [];
  }
  const raw = (doc as { Statement?: unknown } | null)?.Statement;
  const statements = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const out = new Set<string>();
  for (const st of statements as { Effect?: unknown; Principal?: { Service?: unknown } }[]) {
    if (st?.Effect !== "Allow") continue;
    const service = st.Principal?.Service;
    for (const s of Array.isArray(service) ? service : [service]) if (typeof s === "string") out.add(s);
  }
  return [...out].sort();
}

/** Roles ECS tasks can assume (they trust ecs-tasks.amazonaws.com) first, then the rest, each by name. */
export function rolesForTasks(roles: NetworkRole[]): NetworkRole[] {
  const forTasks = (r: NetworkRole) => (r.trustedServices.includes("ecs-tasks.amazonaws.com") ? 0 : 1);
  return [...roles].sort((a, b) => forTasks(a) - forTasks(b) || a.name.localeCompare(b.name));
}
/** An EC2 Auto Scaling group (DescribeAutoScalingGroups): what an Auto Scaling group capacity provider names. */
export type NetworkAutoScalingGroup = { arn: string; name: string; minSize: number; maxSize: number; desiredCapacity: number };
/** A Cloud Map namespace: HTTP, DNS_PRIVATE or DNS_PUBLIC. */
export type NetworkNamespace = { arn: string; name: string; type: string };
export type EnvironmentNetwork = {
  vpcs: { id: string; cidr: string; isDefault: boolean }[];
  subnets: NetworkSubnet[];
  securityGroups: NetworkSecurityGroup[];
  targetGroups: NetworkTargetGroup[];
  loadBalancers: NetworkLoadBalancer[];
  /** The load balancers' listeners, and the rules of the Application Load Balancers' listeners. */
  listeners: NetworkListener[];
  listenerRules: NetworkListenerRule[];
  /** IAM roles (IAM is global: the same in every Region of the account). */
  roles: NetworkRole[];
  /** Cloud Map namespaces of the Region (Service Connect joins one, by name or ARN). */
  namespaces: NetworkNamespace[];
  /** EC2 Auto Scaling groups of the Region (absent: not read). */
  autoScalingGroups?: NetworkAutoScalingGroup[];
};

/** What of an environment a free-text field offers to pick (the inspector shows it as suggestions). */
export type NetworkSuggestion = "subnet" | "securityGroup" | "targetGroup" | "loadBalancer" | "role" | "namespace" | "listenerRule" | "autoScalingGroup";

const CONDITION_WORDS: Record<string, string> = { "path-pattern": "path", "host-header": "host", "http-request-method": "method", "source-ip": "source", "http-header": "header", "query-string": "query" };

/** A rule's conditions as a person reads them: "path /api/* · host api.example.com". */
export function conditionsText(conditions: NetworkListenerRule["conditions"]): string {
  return conditions.map((c) => `${CONDITION_WORDS[c.field] ?? c.field} ${c.values.join(", ")}`).join(" · ") || "(no condition)";
}

const byPriority = (a: NetworkListenerRule, b: NetworkListenerRule) =>
  a.priority === "default" ? -1 : b.priority === "default" ? 1 : a.priority - b.priority;

/**
 * The environment's listeners, each with its rules (default rule first, then by priority), the
 * load balancers by name and their listeners by port. `loadBalancerArn` keeps one load balancer's.
 */
export function environmentListeners(network: EnvironmentNetwork, loadBalancerArn?: string): { loadBalancer: NetworkLoadBalancer; listener: NetworkListener; rules: NetworkListenerRule[] }[] {
  return network.loadBalancers.filter((lb) => loadBalancerArn === undefined || lb.arn === loadBalancerArn).flatMap((loadBalancer) =>
    network.listeners.filter((l) => l.loadBalancerArn === loadBalancer.arn).sort((a, b) => a.port - b.port).map((listener) => ({
      loadBalancer, listener, rules: network.listenerRules.filter((r) => r.listenerArn === listener.arn).sort(byPriority),
    })));
}

/**
 * What advancedConfiguration's production and test listener rule take from the environment: an
 * Application Load Balancer's listener rules by ARN ("web-alb HTTP:80 default", "web-alb HTTP:80
 * priority 10: path /api/*"), and a Network Load Balancer's listeners themselves, as ECS takes
 * them for those.
 */
export function listenerRuleSuggestions(network: EnvironmentNetwork): { value: string; label: string }[] {
  return environmentListeners(network).flatMap(({ loadBalancer, listener, rules }) => {
    const at = `${loadBalancer.name} ${listener.protocol}:${listener.port}`;
    if (loadBalancer.type === "network") return [{ value: listener.arn, label: `${at} listener` }];
    return rules.map((r) => ({ value: r.arn, label: r.priority === "default" ? `${at} default` : `${at} priority ${r.priority}: ${conditionsText(r.conditions)}` }));
  });
}

export type AwsvpcConfiguration = NonNullable<Service["networkConfiguration"]>["awsvpcConfiguration"];

/**
 * The network configuration that puts tasks in the default VPC, as a new AWS account has it: its
 * default subnets (one per Availability Zone, in zone order) and its default security group.
 * Fargate tasks there get a public IP, which is how they reach public registries from the default
 * VPC's public subnets; the EC2 launch type refuses one. Undefined when there is no default VPC.
 */
export function defaultVpcConfiguration(network: EnvironmentNetwork, opts: { fargate: boolean }): AwsvpcConfiguration | { missing: string } {
  const vpc = network.vpcs.find((v) => v.isDefault);
  if (!vpc) return { missing: "This environment has no default VPC (it was deleted, or the account never had one); pick subnets and security groups of another VPC." };
  const subnets = network.subnets.filter((s) => s.vpcId === vpc.id && s.defaultForAz).sort((a, b) => a.zone.localeCompare(b.zone));
  if (subnets.length === 0) return { missing: `The default VPC ${vpc.id} has no default subnets; pick its subnets by hand.` };
  const group = network.securityGroups.find((g) => g.vpcId === vpc.id && g.name === "default");
  return {
    subnets: subnets.map((s) => s.id),
    ...(group ? { securityGroups: [group.id] } : {}),
    assignPublicIp: opts.fargate ? "ENABLED" : "DISABLED",
  };
}

/**
 * The edits of a "default-vpc" fix (Fix.fromEnvironment) for the service the finding is about:
 * its awsvpcConfiguration becomes the default VPC's subnets, keeping security groups and the
 * public IP setting it already has. `missing` says why there is nothing to use instead.
 */
export function defaultVpcEdits(design: Design, finding: Finding, network: EnvironmentNetwork): { edits: Edit[] } | { missing: string } {
  const list = finding.path[0];
  const index = list === "services" || list === "scheduledTasks" ? Number(finding.path[1]) : NaN;
  // A scheduled task's RunTask takes the same network configuration as a service.
  const service = list === "scheduledTasks" ? design.scheduledTasks?.[index] : design.services[index];
  if (!service) return { missing: "The finding is not about a service or scheduled task of this design." };
  const cluster = design.clusters.find((c) => c.clusterName === clusterNameOf(service.cluster));
  const found = defaultVpcConfiguration(network, { fargate: launchOf({ ...service, serviceName: "" }, cluster)?.kind === "FARGATE" });
  if ("missing" in found) return found;
  const had = service.networkConfiguration?.awsvpcConfiguration;
  const awsvpcConfiguration = {
    ...found,
    ...(had?.securityGroups?.length ? { securityGroups: had.securityGroups } : {}),
    ...(had?.assignPublicIp ? { assignPublicIp: had.assignPublicIp } : {}),
  };
  return { edits: [{ path: [list, index, "networkConfiguration"], value: { awsvpcConfiguration } }] };
}

/**
 * Service Connect namespaces the design names that will not exist when ECS needs them: what
 * the validator cannot see, since it does not know the environment. A cluster's
 * serviceConnectDefaults *name* is created by ECS (an HTTP namespace) when it is new, so the
 * design creates it; an ARN there, and every namespace a service names itself, must be one the
 * environment has (ECS answers NamespaceNotFoundException otherwise). Namespaces match by name
 * or by ARN, as ECS takes them.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterServiceConnectDefaultsRequest.html
 */
export function missingNamespaceFindings(design: Design, namespaces: NetworkNamespace[]): Finding[] {
  const have = (ref: string) => namespaces.some((n) => n.arn === ref || n.name.toLowerCase() === ref.toLowerCase());
  const created = new Set(design.clusters.map((c) => c.serviceConnectDefaults?.namespace).filter((n): n is string => !!n && !n.startsWith("arn:")).map((n) => n.toLowerCase()));
  const known = (ref: string) => have(ref) || (!ref.startsWith("arn:") && created.has(ref.toLowerCase()));
  const out: Finding[] = [];
  const offer = namespaces.length ? `This environment has ${namespaces.map((n) => n.name).join(", ")}.` : "This environment has no Cloud Map namespace yet.";
  design.clusters.forEach((c, i) => {
    const ref = c.serviceConnectDefaults?.namespace;
    if (!ref || !ref.startsWith("arn:") || have(ref)) return;
    out.push({
      ruleId: "service-connect-namespace", severity: "error", resource: { kind: "cluster", id: c.id, name: c.clusterName },
      path: ["clusters", i, "serviceConnectDefaults", "namespace"],
      message: `Cluster ${c.clusterName}'s default Service Connect namespace ${ref} does not exist in this environment; ECS creates a namespace only for a new name, not for an ARN.`,
      fix: { description: `Name the namespace instead (ECS then creates it), or pick an existing one. ${offer}` },
    });
  });
  design.services.forEach((s, i) => {
    const sc = s.serviceConnectConfiguration;
    if (!sc?.enabled || !sc.namespace || known(sc.namespace)) return;
    out.push({
      ruleId: "service-connect-namespace", severity: "error", resource: { kind: "service", id: s.id, name: s.serviceName },
      path: ["services", i, "serviceConnectConfiguration", "namespace"],
      message: `Service ${s.serviceName} joins Cloud Map namespace ${sc.namespace}, which neither this environment has nor a cluster of the design creates: ECS would refuse the service (NamespaceNotFoundException).`,
      fix: { description: `Use a namespace the environment has, or make it the cluster's default namespace so that ECS creates it. ${offer}` },
    });
  });
  return out;
}
