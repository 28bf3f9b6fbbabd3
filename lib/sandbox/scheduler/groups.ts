import { z } from "zod";
import { peek } from "../core/draft";
import { arn, bySeq, nextSeq } from "../core/ids";
import { own } from "../core/maps";
import type { Ctx, ScheduleGroup, World } from "../core/types";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { conflict, noGroup, validation } from "./errors";
import { ClientToken, listPage, MaxResults, Name, NextToken, parseInput } from "./input";

// Schedule groups: Create/Get/List/DeleteScheduleGroup and the tags of a group (schedules have
// none: https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-group.html).
// Every account has the group `default`, which cannot be deleted; the sandbox never stores it.

export const DEFAULT_GROUP = "default";
const Tag = z.object({ Key: z.string().min(1).max(128), Value: z.string().min(1).max(256) });

export const groupArn = (world: World, name: string) => arn(world, "scheduler", `schedule-group/${name}`);

/** Whether a group exists (`default` always does). */
export const groupExists = (world: World, name: string) => name === DEFAULT_GROUP || own(peek(world).scheduleGroups, name) !== undefined;

const CreateSchema = z.object({ Name, Tags: z.array(Tag).max(200).optional(), ClientToken: ClientToken.optional() });

export function createScheduleGroup(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(CreateSchema, raw);
  if (groupExists(world, input.Name)) throw conflict(`Schedule group ${input.Name} already exists.`);
  const group: ScheduleGroup = { arn: groupArn(world, input.Name), name: input.Name, tags: input.Tags ?? [], createdAt: ctx.now, modifiedAt: ctx.now, seq: nextSeq(world) };
  world.scheduleGroups[input.Name] = group;
  return { ScheduleGroupArn: group.arn };
}

const groupOut = (world: World, name: string) => {
  const g = own(peek(world).scheduleGroups, name);
  return compact({ Arn: groupArn(world, name), Name: name, State: "ACTIVE", CreationDate: epochSeconds(g?.createdAt), LastModificationDate: epochSeconds(g?.modifiedAt) });
};

export function getScheduleGroup(world: World, raw: unknown) {
  const input = parseInput(z.object({ Name }), raw);
  if (!groupExists(world, input.Name)) throw noGroup(input.Name);
  return groupOut(world, input.Name);
}

const ListSchema = z.object({ NamePrefix: Name.optional(), NextToken: NextToken.optional(), MaxResults: MaxResults.optional() });

export function listScheduleGroups(world: World, raw: unknown) {
  const input = parseInput(ListSchema, raw);
  const names = [DEFAULT_GROUP, ...bySeq(peek(world).scheduleGroups).map((g) => g.name)].filter((n) => !input.NamePrefix || n.startsWith(input.NamePrefix));
  const { page, next } = listPage(names, input.NextToken, input.MaxResults);
  return compact({ ScheduleGroups: page.map((n) => groupOut(world, n)), NextToken: next });
}

/** Deleting a group deletes its schedules with it (AWS does this asynchronously, the sandbox at once). */
export function deleteScheduleGroup(world: World, raw: unknown) {
  const input = parseInput(z.object({ Name, ClientToken: ClientToken.optional() }), raw);
  if (input.Name === DEFAULT_GROUP) throw validation("The default schedule group cannot be deleted.");
  if (!own(peek(world).scheduleGroups, input.Name)) throw noGroup(input.Name);
  for (const key of Object.keys(peek(world).schedules)) if (key.startsWith(`${input.Name}/`)) delete world.schedules[key];
  delete world.scheduleGroups[input.Name];
  return {};
}

/** The group a `schedule-group` ARN names (tags belong to groups only). */
function taggedGroup(world: World, resourceArn: string): ScheduleGroup {
  const m = /^arn:aws[\w-]*:scheduler:([\w-]+):(\d{12}):schedule-group\/([0-9a-zA-Z\-_.]+)$/.exec(resourceArn);
  if (!m) throw validation(`Invalid resource ARN ${resourceArn}: tags belong to schedule groups (arn:aws:scheduler:<region>:<account>:schedule-group/<name>).`);
  if (m[1] !== world.region || m[2] !== world.account) throw noGroup(m[3]);
  if (m[3] === DEFAULT_GROUP) throw validation("The default schedule group cannot be tagged.");
  const g = own(world.scheduleGroups, m[3]);
  if (!g) throw noGroup(m[3]);
  return g;
}

const ResourceArn = z.string().min(1).max(1011);

export function listTagsForResource(world: World, raw: unknown) {
  const input = parseInput(z.object({ ResourceArn }), raw);
  return { Tags: taggedGroup(world, input.ResourceArn).tags };
}

export function tagResource(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(z.object({ ResourceArn, Tags: z.array(Tag).max(200) }), raw);
  const g = taggedGroup(world, input.ResourceArn);
  const keys = new Set(input.Tags.map((t) => t.Key));
  g.tags = [...g.tags.filter((t) => !keys.has(t.Key)), ...input.Tags];
  g.modifiedAt = ctx.now;
  return {};
}

export function untagResource(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(z.object({ ResourceArn, TagKeys: z.union([z.string(), z.array(z.string())]) }), raw);
  const g = taggedGroup(world, input.ResourceArn);
  const keys = new Set([input.TagKeys].flat());
  g.tags = g.tags.filter((t) => !keys.has(t.Key));
  g.modifiedAt = ctx.now;
  return {};
}
