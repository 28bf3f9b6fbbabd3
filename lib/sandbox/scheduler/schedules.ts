import { z } from "zod";
import { isTimeZone, parseSchedule } from "../../domain/ecs-facts/auto-scaling";
import { peek } from "../core/draft";
import { arn, bySeq, nextSeq } from "../core/ids";
import { own } from "../core/maps";
import type { Ctx, Schedule, World } from "../core/types";
import { scheduleWakeOf } from "../ecs/scheduled-tasks";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { conflict, noGroup, noSchedule, validation } from "./errors";
import { DEFAULT_GROUP, groupExists } from "./groups";
import { ClientToken, listPage, MaxResults, Name, NextToken, parseInput, ScheduleFields } from "./input";

// Schedules: CreateSchedule, GetSchedule, UpdateSchedule (a full replacement, as AWS documents:
// what an update leaves out is reset), DeleteSchedule, ListSchedules
// (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html). Keyed
// `<group>/<name>`; the clock runs them (../ecs/scheduled-tasks.ts). Dates are epoch seconds
// on the wire.

const key = (group: string, name: string) => `${group}/${name}`;
/** Scheduler's defaults for a target without a RetryPolicy (API_RetryPolicy.html: 24 hours, 185 attempts). */
const DEFAULT_RETRY = { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 };
const ECS_CLUSTER_ARN = /^arn:aws[\w-]*:ecs:[\w-]+:\d{12}:cluster\/.+$/;

const WriteSchema = z.object(ScheduleFields);
type WriteInput = z.infer<typeof WriteSchema>;

/** The checks beyond the members' shapes, in Scheduler's order: expression, time zone, window, dates, target. */
function checkSchedule(input: WriteInput) {
  const parsed = parseSchedule(input.ScheduleExpression);
  if (typeof parsed === "string") throw validation(`Invalid Schedule Expression ${input.ScheduleExpression}.`);
  if (input.ScheduleExpressionTimezone !== undefined && !isTimeZone(input.ScheduleExpressionTimezone)) {
    throw validation(`Invalid ScheduleExpressionTimezone ${input.ScheduleExpressionTimezone}: use an IANA time zone name such as America/New_York.`);
  }
  const window = input.FlexibleTimeWindow;
  if (window.Mode === "FLEXIBLE" && window.MaximumWindowInMinutes === undefined) throw validation("MaximumWindowInMinutes is required when FlexibleTimeWindow Mode is FLEXIBLE.");
  if (window.Mode === "OFF" && window.MaximumWindowInMinutes !== undefined) throw validation("MaximumWindowInMinutes must not be set when FlexibleTimeWindow Mode is OFF.");
  if (input.StartDate !== undefined && input.EndDate !== undefined && input.EndDate <= input.StartDate) throw validation("The EndDate you specify must be after the StartDate.");
  if (ECS_CLUSTER_ARN.test(input.Target.Arn) && !input.Target.EcsParameters) throw validation("EcsParameters must be provided when the target is an Amazon ECS cluster.");
  if (input.Target.Input !== undefined && input.Target.EcsParameters) {
    try {
      JSON.parse(input.Target.Input);
    } catch {
      throw validation("Target Input must be valid JSON for an ECS RunTask target.");
    }
  }
}

function written(world: World, input: WriteInput, ctx: Ctx, had: Schedule | undefined): Schedule {
  const group = input.GroupName ?? DEFAULT_GROUP;
  const base = {
    arn: arn(world, "scheduler", `schedule/${group}/${input.Name}`), name: input.Name, groupName: group, description: input.Description,
    expression: input.ScheduleExpression, timezone: input.ScheduleExpressionTimezone,
    startDate: input.StartDate !== undefined ? Math.round(input.StartDate * 1000) : undefined,
    endDate: input.EndDate !== undefined ? Math.round(input.EndDate * 1000) : undefined,
    state: input.State ?? "ENABLED", flexibleTimeWindow: input.FlexibleTimeWindow,
    target: { ...input.Target, RetryPolicy: { ...DEFAULT_RETRY, ...input.Target.RetryPolicy } },
    actionAfterCompletion: input.ActionAfterCompletion ?? "NONE", kmsKeyArn: input.KmsKeyArn,
    createdAt: had?.createdAt ?? ctx.now, modifiedAt: ctx.now,
  } as const;
  return {
    ...base, ...scheduleWakeOf(base, ctx.now),
    invocations: had?.invocations ?? 0, failedInvocations: had?.failedInvocations ?? 0, lastFailure: had?.lastFailure, seq: had?.seq ?? nextSeq(world),
  };
}

export function createSchedule(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(WriteSchema, raw);
  const group = input.GroupName ?? DEFAULT_GROUP;
  if (!groupExists(world, group)) throw noGroup(group);
  if (own(peek(world).schedules, key(group, input.Name))) throw conflict(`Schedule ${input.Name} already exists.`);
  checkSchedule(input);
  const s = written(world, input, ctx, undefined);
  world.schedules[key(group, input.Name)] = s;
  return { ScheduleArn: s.arn };
}

export function updateSchedule(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(WriteSchema, raw);
  const group = input.GroupName ?? DEFAULT_GROUP;
  if (!groupExists(world, group)) throw noGroup(group);
  const had = own(peek(world).schedules, key(group, input.Name));
  if (!had) throw noSchedule(input.Name);
  checkSchedule(input);
  const s = written(world, input, ctx, had);
  world.schedules[key(group, input.Name)] = s;
  return { ScheduleArn: s.arn };
}

const scheduleOut = (s: Schedule) => compact({
  Arn: s.arn, GroupName: s.groupName, Name: s.name, Description: s.description, ScheduleExpression: s.expression,
  ScheduleExpressionTimezone: s.timezone ?? "UTC", StartDate: epochSeconds(s.startDate), EndDate: epochSeconds(s.endDate), State: s.state,
  CreationDate: epochSeconds(s.createdAt), LastModificationDate: epochSeconds(s.modifiedAt), KmsKeyArn: s.kmsKeyArn,
  Target: s.target, FlexibleTimeWindow: s.flexibleTimeWindow, ActionAfterCompletion: s.actionAfterCompletion,
});

const RefSchema = z.object({ Name, GroupName: Name.optional(), ClientToken: ClientToken.optional() });

function found(world: World, raw: unknown): { k: string; s: Schedule } {
  const input = parseInput(RefSchema, raw);
  const group = input.GroupName ?? DEFAULT_GROUP;
  if (!groupExists(world, group)) throw noGroup(group);
  const s = own(peek(world).schedules, key(group, input.Name));
  if (!s) throw noSchedule(input.Name);
  return { k: key(group, input.Name), s };
}

export function getSchedule(world: World, raw: unknown) {
  return scheduleOut(found(world, raw).s);
}

export function deleteSchedule(world: World, raw: unknown) {
  delete world.schedules[found(world, raw).k];
  return {};
}

const ListSchema = z.object({
  GroupName: Name.optional(), NamePrefix: Name.optional(), State: z.enum(["ENABLED", "DISABLED"]).optional(),
  NextToken: NextToken.optional(), MaxResults: MaxResults.optional(),
});

export function listSchedules(world: World, raw: unknown) {
  const input = parseInput(ListSchema, raw);
  const chosen = bySeq(peek(world).schedules).filter((s) => (input.GroupName === undefined || s.groupName === input.GroupName)
    && (input.NamePrefix === undefined || s.name.startsWith(input.NamePrefix)) && (input.State === undefined || s.state === input.State));
  const { page, next } = listPage(chosen, input.NextToken, input.MaxResults);
  return compact({
    Schedules: page.map((s) => ({
      Arn: s.arn, Name: s.name, GroupName: s.groupName, State: s.state, CreationDate: epochSeconds(s.createdAt), LastModificationDate: epochSeconds(s.modifiedAt),
      Target: { Arn: s.target.Arn },
    })),
    NextToken: next,
  });
}
