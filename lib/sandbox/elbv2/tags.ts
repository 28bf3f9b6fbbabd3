import { z } from "zod";
import { peek } from "../core/draft";
import type { Tag, World } from "../core/types";
import { queryList } from "../protocols/query";
import { kindOf } from "./arns";
import { elbError, listenerNotFound, loadBalancerNotFound, ruleNotFound, targetGroupNotFound, validation } from "./errors";
import { TagsSchema, arnList, parseInput, str, tagsOf, tagsOut } from "./input";

// Tags of load balancers, target groups, listeners and rules: AddTags (a key already there
// gets the new value), RemoveTags, DescribeTags. At most 50 per resource, 20 resources per call.

/** The resource an ARN names, to read (`peek`) or to write (the draft's copy). */
function holder(world: World, arn: string, write: boolean): { tags: Tag[] } {
  const maps = write ? world : peek(world);
  switch (kindOf(arn)) {
    case "loadbalancer":
      if (!maps.loadBalancers[arn]) throw loadBalancerNotFound(true);
      return maps.loadBalancers[arn];
    case "targetgroup":
      if (!maps.targetGroups[arn]) throw targetGroupNotFound(true);
      return maps.targetGroups[arn];
    case "listener":
      if (!maps.listeners[arn]) throw listenerNotFound(true);
      return maps.listeners[arn];
    case "listener-rule":
      if (!maps.rules[arn]) throw ruleNotFound(true);
      return maps.rules[arn];
    default:
      throw validation(`'${arn}' is not a valid Elastic Load Balancing resource ARN`);
  }
}

const AddSchema = z.object({ ResourceArns: arnList(20), Tags: TagsSchema });

export function addTags(world: World, raw: unknown) {
  const input = parseInput(AddSchema, raw);
  const tags = tagsOf(input.Tags);
  for (const arn of input.ResourceArns) {
    const h = holder(world, arn, true);
    const merged = [...h.tags.filter((t) => !tags.some((n) => n.key === t.key)), ...tags];
    if (merged.length > 50) throw elbError("TooManyTags", "The quota for the number of tags that can be assigned to a resource has been reached.");
    h.tags = merged;
  }
  return {};
}

const RemoveSchema = z.object({ ResourceArns: arnList(20), TagKeys: queryList(str) });

export function removeTags(world: World, raw: unknown) {
  const input = parseInput(RemoveSchema, raw);
  for (const arn of input.ResourceArns) {
    const h = holder(world, arn, true);
    h.tags = h.tags.filter((t) => !input.TagKeys.includes(t.key));
  }
  return {};
}

export function describeTags(world: World, raw: unknown) {
  const input = parseInput(z.object({ ResourceArns: arnList(20) }), raw);
  return { TagDescriptions: input.ResourceArns.map((arn) => ({ ResourceArn: arn, Tags: tagsOut(holder(world, arn, false).tags) })) };
}
