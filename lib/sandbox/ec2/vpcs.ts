import { z } from "zod";
import { peek } from "../core/draft";
import { bySeq } from "../core/ids";
import { own } from "../core/maps";
import type { Vpc, World } from "../core/types";
import { queryList } from "../protocols/query";
import { notFound } from "./errors";
import { applyFilters, tagSet, type Fields } from "./filters";
import { Paged, page, parseInput } from "./input";
import { ensureDefaultNetwork } from "./network";

// DescribeVpcs. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html

const FIELDS: Fields<Vpc & { owner: string }> = {
  "vpc-id": (v) => v.id,
  "cidr": (v) => v.cidrBlock,
  "cidr-block-association.cidr-block": (v) => v.cidrBlock,
  "cidr-block-association.association-id": (v) => v.cidrAssociationId,
  "cidr-block-association.state": () => "associated",
  "dhcp-options-id": (v) => v.dhcpOptionsId,
  "is-default": (v) => v.isDefault,
  "owner-id": (v) => v.owner,
  "state": () => "available",
};

export function vpcOut(world: World, v: Vpc) {
  return {
    ownerId: world.account, instanceTenancy: "default",
    cidrBlockAssociationSet: [{ associationId: v.cidrAssociationId, cidrBlock: v.cidrBlock, cidrBlockState: { state: "associated" } }],
    isDefault: v.isDefault, tagSet: tagSet(v.tags), blockPublicAccessStates: { internetGatewayBlockMode: "off" },
    vpcId: v.id, state: "available", cidrBlock: v.cidrBlock, dhcpOptionsId: v.dhcpOptionsId,
  };
}

const Schema = z.object({ ...Paged, VpcId: queryList(z.string()).optional() });

export function describeVpcs(world: World, raw: unknown) {
  const input = parseInput(Schema, raw);
  ensureDefaultNetwork(world);
  const all = bySeq(peek(world).vpcs);
  let items = all;
  if (input.VpcId?.length) {
    const missing = input.VpcId.filter((id) => !own(peek(world).vpcs, id));
    if (missing.length) throw notFound("InvalidVpcID.NotFound", "vpc", missing);
    items = all.filter((v) => input.VpcId!.includes(v.id));
  }
  const matched = applyFilters(items.map((v) => ({ ...v, owner: world.account })), input.Filter, FIELDS);
  const { page: out, next } = page(matched, input, { name: "vpcIds", given: Boolean(input.VpcId?.length) });
  return { vpcSet: out.map((v) => vpcOut(world, v)), nextToken: next };
}
