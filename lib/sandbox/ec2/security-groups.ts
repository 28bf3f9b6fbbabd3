import { z } from "zod";
import { peek } from "../core/draft";
import { arn, bySeq } from "../core/ids";
import { own } from "../core/maps";
import type { IpPermission, SecurityGroup, World } from "../core/types";
import { queryList } from "../protocols/query";
import { ec2Error } from "./errors";
import { applyFilters, tagSet, type Fields } from "./filters";
import { Paged, page, parseInput } from "./input";
import { defaultVpc, ensureDefaultNetwork } from "./network";

// DescribeSecurityGroups. GroupName looks only in the default VPC (other VPCs' groups are found
// with the group-name filter), as EC2 does.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html

const FIELDS: Fields<SecurityGroup & { owner: string }> = {
  "group-id": (g) => g.id,
  "group-name": (g) => g.name,
  "description": (g) => g.description,
  "vpc-id": (g) => g.vpcId,
  "owner-id": (g) => g.owner,
  "ip-permission.protocol": (g) => g.ingress.map((p) => p.ipProtocol),
  "ip-permission.cidr": (g) => g.ingress.flatMap((p) => p.ipRanges.map((r) => r.cidrIp)),
  "ip-permission.group-id": (g) => g.ingress.flatMap((p) => p.groups.map((x) => x.groupId)),
  "egress.ip-permission.protocol": (g) => g.egress.map((p) => p.ipProtocol),
  "egress.ip-permission.cidr": (g) => g.egress.flatMap((p) => p.ipRanges.map((r) => r.cidrIp)),
};

function permissionOut(world: World, p: IpPermission) {
  return {
    ipProtocol: p.ipProtocol, fromPort: p.fromPort, toPort: p.toPort,
    groups: p.groups.map((g) => ({ userId: world.account, groupId: g.groupId, description: g.description })),
    ipRanges: p.ipRanges.map((r) => ({ cidrIp: r.cidrIp, description: r.description })),
    ipv6Ranges: [], prefixListIds: [],
  };
}

export function securityGroupOut(world: World, g: SecurityGroup) {
  return {
    groupId: g.id, ipPermissionsEgress: g.egress.map((p) => permissionOut(world, p)), tagSet: tagSet(g.tags), vpcId: g.vpcId,
    securityGroupArn: arn(world, "ec2", `security-group/${g.id}`), ownerId: world.account, groupName: g.name,
    groupDescription: g.description, ipPermissions: g.ingress.map((p) => permissionOut(world, p)),
  };
}

const Schema = z.object({ ...Paged, GroupId: queryList(z.string()).optional(), GroupName: queryList(z.string()).optional() });

export function describeSecurityGroups(world: World, raw: unknown) {
  const input = parseInput(Schema, raw);
  ensureDefaultNetwork(world);
  let items = bySeq(peek(world).securityGroups);
  const ids = input.GroupId ?? [];
  const names = input.GroupName ?? [];
  for (const id of ids) {
    if (!/^sg-[0-9a-f]+$/.test(id)) throw ec2Error("InvalidGroupId.Malformed", `Invalid id: "${id}" (expecting "sg-...")`);
  }
  if (ids.length) {
    const missing = ids.filter((id) => !own(peek(world).securityGroups, id));
    if (missing.length) throw ec2Error("InvalidGroup.NotFound", `The security group '${missing.join(", ")}' does not exist`);
    items = items.filter((g) => ids.includes(g.id));
  }
  if (names.length) {
    const vpc = defaultVpc(world);
    const inDefault = items.filter((g) => g.vpcId === vpc?.id);
    const missing = names.filter((n) => !inDefault.some((g) => g.name === n));
    if (missing.length) {
      throw ec2Error("InvalidGroup.NotFound", `The security group '${missing.join(", ")}' does not exist in default VPC '${vpc?.id ?? "none"}'`);
    }
    items = inDefault.filter((g) => names.includes(g.name));
  }
  const matched = applyFilters(items.map((g) => ({ ...g, owner: world.account })), input.Filter, FIELDS);
  const { page: out, next } = page(matched, input, { name: "groupIds", given: ids.length > 0 || names.length > 0 });
  return { securityGroupInfo: out.map((g) => securityGroupOut(world, g)), nextToken: next };
}
