import { z } from "zod";
import { peek } from "../core/draft";
import { arn, bySeq } from "../core/ids";
import { own } from "../core/maps";
import type { Subnet, World } from "../core/types";
import { queryList } from "../protocols/query";
import { notFound } from "./errors";
import { applyFilters, tagSet, type Fields } from "./filters";
import { Paged, page, parseInput } from "./input";
import { ensureDefaultNetwork, subnetAddresses } from "./network";

// DescribeSubnets. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSubnets.html

export const subnetArn = (world: World, id: string) => arn(world, "ec2", `subnet/${id}`);

const FIELDS: Fields<Subnet & { arn: string; owner: string }> = {
  "subnet-id": (s) => s.id,
  "subnet-arn": (s) => s.arn,
  "vpc-id": (s) => s.vpcId,
  "availability-zone": (s) => s.availabilityZone,
  "availability-zone-id": (s) => s.availabilityZoneId,
  "availabilityZone": (s) => s.availabilityZone,
  "cidr-block": (s) => s.cidrBlock,
  "cidr": (s) => s.cidrBlock,
  "cidrBlock": (s) => s.cidrBlock,
  "default-for-az": (s) => s.defaultForAz,
  "defaultForAz": (s) => s.defaultForAz,
  "map-public-ip-on-launch": (s) => s.mapPublicIpOnLaunch,
  "available-ip-address-count": (s) => subnetAddresses(s),
  "owner-id": (s) => s.owner,
  "state": () => "available",
};

export function subnetOut(world: World, s: Subnet) {
  return {
    availabilityZoneId: s.availabilityZoneId, mapCustomerOwnedIpOnLaunch: false, ownerId: world.account,
    assignIpv6AddressOnCreation: false, ipv6CidrBlockAssociationSet: [], tagSet: tagSet(s.tags),
    subnetArn: subnetArn(world, s.id), enableDns64: false, ipv6Native: false,
    privateDnsNameOptionsOnLaunch: { hostnameType: "ip-name", enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
    blockPublicAccessStates: { internetGatewayBlockMode: "off" },
    subnetId: s.id, state: "available", vpcId: s.vpcId, cidrBlock: s.cidrBlock, availableIpAddressCount: subnetAddresses(s),
    availabilityZone: s.availabilityZone, defaultForAz: s.defaultForAz, mapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
  };
}

const Schema = z.object({ ...Paged, SubnetId: queryList(z.string()).optional() });

export function describeSubnets(world: World, raw: unknown) {
  const input = parseInput(Schema, raw);
  ensureDefaultNetwork(world);
  let items = bySeq(peek(world).subnets);
  if (input.SubnetId?.length) {
    const missing = input.SubnetId.filter((id) => !own(peek(world).subnets, id));
    if (missing.length) throw notFound("InvalidSubnetID.NotFound", "subnet", missing);
    items = items.filter((s) => input.SubnetId!.includes(s.id));
  }
  const matched = applyFilters(items.map((s) => ({ ...s, arn: subnetArn(world, s.id), owner: world.account })), input.Filter, FIELDS);
  const { page: out, next } = page(matched, input, { name: "subnetIds", given: Boolean(input.SubnetId?.length) });
  return { subnetSet: out.map((s) => subnetOut(world, s)), nextToken: next };
}
