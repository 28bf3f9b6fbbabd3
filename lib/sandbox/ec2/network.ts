import { peek } from "../core/draft";
import { bySeq, nextSeq, stableHex } from "../core/ids";
import { own } from "../core/maps";
import type { SecurityGroup, Subnet, Vpc, World } from "../core/types";

// The network every new AWS account has in each Region: a default VPC (172.31.0.0/16) with a
// default subnet (/20, public IPs on launch) in each Availability Zone and a default security
// group. The sandbox gives every Region three zones, a to c. It is made on first use, with ids
// that depend only on the account and Region (stableHex), so creating it never shifts the ids
// of anything else. https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html

export const DEFAULT_VPC_CIDR = "172.31.0.0/16";
const ZONE_LETTERS = ["a", "b", "c"];
/** Addresses of a /20 minus the five AWS reserves in every subnet. */
const SUBNET_20_ADDRESSES = 4096 - 5;

const DIRECTIONS: Record<string, string> = {
  east: "e", west: "w", north: "n", south: "s", central: "c",
  northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw",
};

/** The short Region code of zone ids: eu-west-1 → euw1, ap-southeast-2 → apse2, us-gov-west-1 → usgw1. */
export function regionCode(region: string): string {
  const parts = region.split("-");
  if (parts.length < 3) return region.replace(/-/g, "");
  const middle = parts.slice(1, -1).map((p) => DIRECTIONS[p] ?? p[0]).join("");
  return `${parts[0]}${middle}${parts[parts.length - 1]}`;
}

export type Zone = { zoneName: string; zoneId: string };

/** The Region's Availability Zones: `<region>a` … with ids `<code>-az1` …. */
export function zonesOf(region: string): Zone[] {
  const code = regionCode(region);
  return ZONE_LETTERS.map((l, i) => ({ zoneName: `${region}${l}`, zoneId: `${code}-az${i + 1}` }));
}

export const subnetAddresses = (s: Subnet) => (s.cidrBlock.endsWith("/20") ? SUBNET_20_ADDRESSES : 2 ** (32 - Number(s.cidrBlock.split("/")[1])) - 5);

/** Makes the Region's default network if the world has none yet (mutates the draft). */
export function ensureDefaultNetwork(world: World): void {
  if (Object.keys(peek(world).vpcs).length > 0) return;
  const key = (what: string) => `${world.account}/${world.region}/${what}`;
  const vpc: Vpc = {
    id: `vpc-${stableHex(key("vpc"), 17)}`, cidrBlock: DEFAULT_VPC_CIDR,
    cidrAssociationId: `vpc-cidr-assoc-${stableHex(key("vpc-cidr-assoc"), 17)}`,
    dhcpOptionsId: `dopt-${stableHex(key("dopt"), 17)}`, isDefault: true, tags: [], seq: nextSeq(world),
  };
  world.vpcs[vpc.id] = vpc;
  zonesOf(world.region).forEach((zone, i) => {
    const subnet: Subnet = {
      id: `subnet-${stableHex(key(`subnet/${zone.zoneName}`), 17)}`, vpcId: vpc.id, cidrBlock: `172.31.${i * 16}.0/20`,
      availabilityZone: zone.zoneName, availabilityZoneId: zone.zoneId, defaultForAz: true, mapPublicIpOnLaunch: true,
      tags: [], seq: nextSeq(world),
    };
    world.subnets[subnet.id] = subnet;
  });
  const groupId = `sg-${stableHex(key("sg/default"), 17)}`;
  const group: SecurityGroup = {
    id: groupId, name: "default", description: "default VPC security group", vpcId: vpc.id,
    // A default group lets in everything from its own members and lets everything out.
    ingress: [{ ipProtocol: "-1", ipRanges: [], groups: [{ groupId }] }],
    egress: [{ ipProtocol: "-1", ipRanges: [{ cidrIp: "0.0.0.0/0" }], groups: [] }],
    tags: [], seq: nextSeq(world),
  };
  world.securityGroups[groupId] = group;
}

/** The Region's default VPC, made if needed. */
export function defaultVpc(world: World): Vpc | undefined {
  ensureDefaultNetwork(world);
  return bySeq(peek(world).vpcs).find((v) => v.isDefault);
}

/** A subnet by id (after making the default network), for the services that place things in subnets. */
export function findSubnet(world: World, id: string): Subnet | undefined {
  ensureDefaultNetwork(world);
  return own(peek(world).subnets, id);
}

export function findSecurityGroup(world: World, id: string): SecurityGroup | undefined {
  ensureDefaultNetwork(world);
  return own(peek(world).securityGroups, id);
}

export function findVpc(world: World, id: string): Vpc | undefined {
  ensureDefaultNetwork(world);
  return own(peek(world).vpcs, id);
}

/** Whether an IPv4 address lies inside a CIDR block. */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split("/");
  const n = (a: string) => a.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(n(ip) / size) === Math.floor(n(base) / size);
}
