import { z } from "zod";
import { elbNameProblem } from "../../domain/ecs-facts/elbv2";
import { peek } from "../core/draft";
import { bySeq, nextSeq, randomDigits } from "../core/ids";
import type { Ctx, LoadBalancer, LoadBalancerType, World } from "../core/types";
import { findSecurityGroup, findSubnet } from "../ec2/network";
import { isoTime, queryList } from "../protocols/query";
import { checkArn, loadBalancerArn } from "./arns";
import { elbError, loadBalancerNotFound, validation } from "./errors";
import { Paging, TagsSchema, arnList, page, parseInput, settingsKey, str, tagsOf } from "./input";
import { refreshUsage } from "../core/lb-references";

// Load balancers: CreateLoadBalancer (idempotent for the same settings), DescribeLoadBalancers,
// DeleteLoadBalancer (succeeds for one that is gone; takes its listeners and rules with it).
// Subnets and security groups are the EC2 engine's. A load balancer is active as soon as it
// exists. https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html

/** Route 53 hosted zones of load balancers' DNS names (https://docs.aws.amazon.com/general/latest/gr/elb.html). */
const HOSTED_ZONES: Record<string, [alb: string, nlb: string]> = {
  "us-east-1": ["Z35SXDOTRQ7X7K", "Z26RNL4JYFTOTI"], "us-east-2": ["Z3AADJGX6KTTL2", "ZLMOA37VPKANP"],
  "us-west-1": ["Z368ELLRRE2KJ0", "Z24FKFUX50B4VW"], "us-west-2": ["Z1H1FL5HABSF5", "Z18D5FSROUN65G"],
  "ca-central-1": ["ZQSVJUPU6J1EY", "Z2EPGBW3API2WT"], "sa-east-1": ["Z2P70J7HTTTPLU", "ZTK26PT1VY4CU"],
  "eu-west-1": ["Z32O12XQLNTSW2", "Z2IFOLAFXWLO4F"], "eu-west-2": ["ZHURV8PSTC4K8", "ZD4D7Y8KGAS4G"],
  "eu-west-3": ["Z3Q77PNBQS71R4", "Z1CMS0P5QUZ6D5"], "eu-central-1": ["Z215JYRZR1TBD5", "Z3F0SRJ5LGBH90"],
  "eu-north-1": ["Z23TAZ6LKFMNIO", "Z1UDT6IFJ4EJM"], "eu-south-1": ["Z3ULH7SSC9OV64", "Z23146JA1KNAFP"],
  "ap-south-1": ["ZP97RAFLXTNZK", "ZVDDRBQ08TROA"], "ap-northeast-1": ["Z14GRHDCWA56QT", "Z31USIVHYNEOWT"],
  "ap-northeast-2": ["ZWKZPGTI48KDX", "ZIBE1TIR4HY56"], "ap-northeast-3": ["Z5LXEXXYW11ES", "Z1GWIQ4HH19I5X"],
  "ap-southeast-1": ["Z1LMS91P8CMLE5", "ZKVM4W9LS7TM"], "ap-southeast-2": ["Z1GM3OXH4ZPM65", "ZCT6FZBF4DROD"],
  "ap-east-1": ["Z3DQVH9N71FHZ0", "Z12Y7K3UBGUAD1"], "af-south-1": ["Z268VQBMOI5EKX", "Z203XCE67M25HM"],
  "me-south-1": ["ZS929ML54UICD", "Z3QSRYVP46NYYV"],
};

/** Load balancers of one type per Region (the default quota). */
const MAX_LOAD_BALANCERS = 50;

/** A load balancer's or target group's name, as ELBv2 checks it (lib/domain/ecs-facts/elbv2.ts). */
export function checkName(name: string, what: "Load balancer" | "Target group") {
  const problem = elbNameProblem(name, what);
  if (problem) throw validation(problem);
}

const CreateSchema = z.object({
  Name: str.min(1),
  Subnets: queryList(str).optional(),
  SubnetMappings: queryList(z.object({ SubnetId: str, AllocationId: str.optional(), PrivateIPv4Address: str.optional(), IPv6Address: str.optional() })).optional(),
  SecurityGroups: queryList(str).optional(),
  Scheme: z.enum(["internet-facing", "internal"]).optional(),
  Tags: TagsSchema.optional(),
  Type: z.enum(["application", "network", "gateway"]).optional(),
  IpAddressType: z.enum(["ipv4", "dualstack", "dualstack-without-public-ipv4"]).optional(),
});

export function loadBalancerOut(lb: LoadBalancer) {
  return {
    LoadBalancerArn: lb.arn, DNSName: lb.dnsName || undefined, CanonicalHostedZoneId: lb.canonicalHostedZoneId,
    CreatedTime: isoTime(lb.createdAt), LoadBalancerName: lb.name, Scheme: lb.scheme, VpcId: lb.vpcId,
    State: { Code: "active" }, Type: lb.type,
    AvailabilityZones: lb.zones.map((z) => ({ ZoneName: z.zoneName, SubnetId: z.subnetId, LoadBalancerAddresses: [] })),
    SecurityGroups: lb.securityGroups.length ? lb.securityGroups : undefined, IpAddressType: lb.ipAddressType,
  };
}

function subnetsOf(world: World, type: LoadBalancerType, ids: string[]) {
  if (!ids.length) {
    throw validation(type === "application" ? "At least two subnets in two different Availability Zones must be specified" : "At least one subnet must be specified");
  }
  const zones: LoadBalancer["zones"] = [];
  let vpcId: string | undefined;
  for (const id of ids) {
    const s = findSubnet(world, id);
    if (!s) throw elbError("SubnetNotFound", `The subnet ID '${id}' is not valid`);
    if (vpcId !== undefined && s.vpcId !== vpcId) throw elbError("InvalidConfigurationRequest", "All subnets must belong to the same VPC");
    vpcId = s.vpcId;
    if (zones.some((z) => z.zoneName === s.availabilityZone)) {
      throw elbError("InvalidConfigurationRequest", "A load balancer cannot be attached to multiple subnets in the same Availability Zone");
    }
    zones.push({ subnetId: s.id, zoneName: s.availabilityZone });
  }
  if (type === "application" && zones.length < 2) throw validation("At least two subnets in two different Availability Zones must be specified");
  return { zones, vpcId: vpcId! };
}

function securityGroupsOf(world: World, type: LoadBalancerType, vpcId: string, ids: string[] | undefined): string[] {
  if (type === "gateway") {
    if (ids?.length) throw validation("Security groups are not supported for load balancers with type 'gateway'");
    return [];
  }
  for (const id of ids ?? []) {
    const g = findSecurityGroup(world, id);
    if (!g || g.vpcId !== vpcId) throw elbError("InvalidSecurityGroup", `Security group '${id}' does not exist`);
  }
  if (ids !== undefined || type === "network") return ids ?? [];
  // An Application Load Balancer without security groups gets its VPC's default group.
  const fallback = Object.values(peek(world).securityGroups).find((g) => g.vpcId === vpcId && g.name === "default");
  return fallback ? [fallback.id] : [];
}

/** What makes two CreateLoadBalancer calls "the same settings". */
const settingsOf = (lb: Pick<LoadBalancer, "type" | "scheme" | "ipAddressType" | "zones" | "securityGroups">) =>
  settingsKey({ type: lb.type, scheme: lb.scheme, ipAddressType: lb.ipAddressType, zones: lb.zones, securityGroups: lb.securityGroups });

function dnsName(world: World, lb: Pick<LoadBalancer, "name" | "type" | "scheme" | "arn">): string {
  if (lb.type === "gateway") return "";
  if (lb.type === "network") return `${lb.name}-${lb.arn.slice(-16)}.elb.${world.region}.amazonaws.com`;
  return `${lb.scheme === "internal" ? "internal-" : ""}${lb.name}-${randomDigits(world, 10)}.${world.region}.elb.amazonaws.com`;
}

export function createLoadBalancer(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(CreateSchema, raw);
  checkName(input.Name, "Load balancer");
  const type = input.Type ?? "application";
  if (type === "gateway" && input.Scheme) throw validation("A scheme cannot be specified for load balancers with type 'gateway'");
  if (input.Subnets?.length && input.SubnetMappings?.length) throw validation("You can specify subnets or subnet mappings, not both");
  const ids = input.Subnets ?? input.SubnetMappings?.map((m) => m.SubnetId) ?? [];
  const { zones, vpcId } = subnetsOf(world, type, ids);
  const securityGroups = securityGroupsOf(world, type, vpcId, input.SecurityGroups);
  const scheme = input.Scheme ?? "internet-facing";
  const ipAddressType = input.IpAddressType ?? "ipv4";
  const existing = Object.values(peek(world).loadBalancers).find((l) => l.name === input.Name);
  if (existing) {
    if (settingsOf(existing) !== settingsOf({ type, scheme, ipAddressType, zones, securityGroups })) throw elbError("DuplicateLoadBalancerName", "A load balancer with the specified name already exists.");
    return { LoadBalancers: [loadBalancerOut(existing)] };
  }
  if (Object.values(peek(world).loadBalancers).filter((l) => l.type === type).length >= MAX_LOAD_BALANCERS) {
    throw elbError("TooManyLoadBalancers", "The quota for the number of load balancers has been reached.");
  }
  const tags = tagsOf(input.Tags);
  const arn = loadBalancerArn(world, type, input.Name);
  const base = { arn, name: input.Name, type, scheme };
  const zone = HOSTED_ZONES[world.region];
  const lb: LoadBalancer = {
    ...base, ipAddressType, vpcId, zones, securityGroups, dnsName: dnsName(world, base),
    canonicalHostedZoneId: type === "gateway" || !zone ? undefined : zone[type === "network" ? 1 : 0],
    createdAt: ctx.now, tags, seq: nextSeq(world),
  };
  if (lb.canonicalHostedZoneId === undefined) delete lb.canonicalHostedZoneId;
  world.loadBalancers[arn] = lb;
  return { LoadBalancers: [loadBalancerOut(lb)] };
}

const DescribeSchema = z.object({ LoadBalancerArns: arnList(20).optional(), Names: arnList(20).optional(), ...Paging });

export function describeLoadBalancers(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  if (input.LoadBalancerArns?.length && input.Names?.length) {
    throw validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
  }
  let items = bySeq(peek(world).loadBalancers);
  if (input.LoadBalancerArns?.length) {
    for (const a of input.LoadBalancerArns) checkArn(a, "loadbalancer");
    if (input.LoadBalancerArns.some((a) => !peek(world).loadBalancers[a])) throw loadBalancerNotFound(true);
    items = items.filter((l) => input.LoadBalancerArns!.includes(l.arn));
  }
  if (input.Names?.length) {
    if (input.Names.some((n) => !items.some((l) => l.name === n))) throw loadBalancerNotFound(true);
    items = items.filter((l) => input.Names!.includes(l.name));
  }
  const { page: out, NextMarker } = page(items, input);
  return { LoadBalancers: out.map(loadBalancerOut), NextMarker };
}

export function deleteLoadBalancer(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(z.object({ LoadBalancerArn: str }), raw);
  checkArn(input.LoadBalancerArn, "loadbalancer");
  if (!peek(world).loadBalancers[input.LoadBalancerArn]) return {};
  const { listeners, rules } = peek(world);
  for (const l of Object.values(listeners)) {
    if (l.loadBalancerArn !== input.LoadBalancerArn) continue;
    for (const r of Object.values(rules)) if (r.listenerArn === l.arn) delete world.rules[r.arn];
    delete world.listeners[l.arn];
  }
  delete world.loadBalancers[input.LoadBalancerArn];
  refreshUsage(world, ctx.now);
  return {};
}

/** The draft's copy of the load balancer an ARN names, or LoadBalancerNotFound. */
function loadBalancerToChange(world: World, arn: string): LoadBalancer {
  checkArn(arn, "loadbalancer");
  if (!peek(world).loadBalancers[arn]) throw loadBalancerNotFound();
  return world.loadBalancers[arn];
}

const SetSubnetsSchema = z.object({
  LoadBalancerArn: str,
  Subnets: queryList(str).optional(),
  SubnetMappings: queryList(z.object({ SubnetId: str, AllocationId: str.optional(), PrivateIPv4Address: str.optional(), IPv6Address: str.optional() })).optional(),
  IpAddressType: z.enum(["ipv4", "dualstack", "dualstack-without-public-ipv4"]).optional(),
});

/**
 * SetSubnets: the Availability Zones of an Application or Network Load Balancer, replaced by
 * the given subnets of its own VPC (a Network Load Balancer keeps every zone it had).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSubnets.html
 */
export function setSubnets(world: World, raw: unknown) {
  const input = parseInput(SetSubnetsSchema, raw);
  const lb = loadBalancerToChange(world, input.LoadBalancerArn);
  if (lb.type === "gateway") throw validation("Subnets cannot be changed for load balancers with type 'gateway'");
  if (input.Subnets?.length && input.SubnetMappings?.length) throw validation("You can specify subnets or subnet mappings, not both");
  const { zones, vpcId } = subnetsOf(world, lb.type, input.Subnets ?? input.SubnetMappings?.map((m) => m.SubnetId) ?? []);
  if (vpcId !== lb.vpcId) throw elbError("InvalidConfigurationRequest", `The subnets must belong to the load balancer's VPC '${lb.vpcId}'`);
  if (lb.type === "network" && lb.zones.some((z) => !zones.some((n) => n.zoneName === z.zoneName))) {
    throw elbError("InvalidConfigurationRequest", "A Network Load Balancer's Availability Zones cannot be removed");
  }
  lb.zones = zones;
  if (input.IpAddressType) lb.ipAddressType = input.IpAddressType;
  return { AvailabilityZones: loadBalancerOut(lb).AvailabilityZones, IpAddressType: lb.ipAddressType };
}

const SetSecurityGroupsSchema = z.object({
  LoadBalancerArn: str,
  SecurityGroups: queryList(str),
  EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: z.enum(["on", "off"]).optional(),
});

/**
 * SetSecurityGroups: an Application or Network Load Balancer's security groups, replaced (a
 * Network Load Balancer created without any cannot get some later).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSecurityGroups.html
 */
export function setSecurityGroups(world: World, raw: unknown) {
  const input = parseInput(SetSecurityGroupsSchema, raw);
  const lb = loadBalancerToChange(world, input.LoadBalancerArn);
  if (lb.type === "gateway") throw validation("Security groups are not supported for load balancers with type 'gateway'");
  if (lb.type === "network" && lb.securityGroups.length === 0 && input.SecurityGroups.length) {
    throw elbError("InvalidConfigurationRequest", "You cannot add security groups to a Network Load Balancer that was created without any");
  }
  if (lb.type === "network" && lb.securityGroups.length && !input.SecurityGroups.length) {
    throw elbError("InvalidConfigurationRequest", "You cannot remove all security groups from a Network Load Balancer that was created with them");
  }
  lb.securityGroups = securityGroupsOf(world, lb.type, lb.vpcId, input.SecurityGroups);
  return { SecurityGroupIds: lb.securityGroups };
}
