import { z } from "zod";
import { ECS_SCALABLE_DIMENSION, isTimeZone, parseSchedule, SCHEDULED_ACTIONS_PER_TARGET } from "../../domain/ecs-facts/auto-scaling";
import { peek } from "../core/draft";
import { bySeq, nextSeq, uuid } from "../core/ids";
import { own } from "../core/maps";
import type { Ctx, ScheduledAction, World } from "../core/types";
import { scheduleWake } from "../ecs/auto-scaling";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { aasError, noScheduledAction, validation } from "./errors";
import { checkEcsTarget, checkFilter, DescribeFilter, Name, page, parseInput, TargetKey } from "./input";
import { registeredTarget } from "./targets";

// Scheduled actions: PutScheduledAction, DescribeScheduledActions, DeleteScheduledAction
// (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html).
// They run on the sandbox clock (ecs/auto-scaling.ts); at most 200 per target. Times are epoch
// seconds on the wire (awsJson1_1).

const PutSchema = z.object({
  ...TargetKey,
  ScheduledActionName: Name,
  Schedule: z.string().min(1).max(1600).optional(),
  Timezone: z.string().min(1).max(1600).optional(),
  StartTime: z.number().optional(),
  EndTime: z.number().optional(),
  ScalableTargetAction: z.object({ MinCapacity: z.number().int().min(0).optional(), MaxCapacity: z.number().int().min(0).optional() }).optional(),
});

const actionKey = (resourceId: string, name: string) => `${resourceId}|${name}`;

export function putScheduledAction(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(PutSchema, raw);
  checkEcsTarget(input);
  registeredTarget(world, input.ResourceId);
  const key = actionKey(input.ResourceId, input.ScheduledActionName);
  const had = own(world.scheduledActions, key);
  const schedule = input.Schedule ?? had?.schedule;
  if (!schedule) throw validation("Schedule is required to create a scheduled action.");
  const parsed = parseSchedule(schedule);
  if (typeof parsed === "string") throw validation(`Invalid schedule expression: ${parsed}.`);
  if (input.Timezone !== undefined && !isTimeZone(input.Timezone)) throw validation(`Time zone ${input.Timezone} is not supported: use a canonical IANA time zone name such as Etc/GMT+9 or Pacific/Tahiti.`);
  const target = { ...had?.scalableTargetAction, ...input.ScalableTargetAction };
  if (target.MinCapacity !== undefined && target.MaxCapacity !== undefined && target.MinCapacity > target.MaxCapacity) {
    throw validation("Minimum capacity cannot be greater than maximum capacity");
  }
  const startTime = input.StartTime !== undefined ? input.StartTime * 1000 : had?.startTime;
  const endTime = input.EndTime !== undefined ? input.EndTime * 1000 : had?.endTime;
  if (startTime !== undefined && endTime !== undefined && endTime <= startTime) throw validation("EndTime must be after StartTime.");
  if (!had && Object.values(peek(world).scheduledActions).filter((a) => a.resourceId === input.ResourceId).length >= SCHEDULED_ACTIONS_PER_TARGET) {
    throw aasError("LimitExceededException", `A scalable target can have at most ${SCHEDULED_ACTIONS_PER_TARGET} scheduled actions.`);
  }
  const arn = had?.arn ?? `arn:aws:autoscaling:${world.region}:${world.account}:scheduledAction:${uuid(world)}:resource/ecs/${input.ResourceId}:scheduledActionName/${input.ScheduledActionName}`;
  const base = {
    arn, name: input.ScheduledActionName, resourceId: input.ResourceId, schedule, timezone: input.Timezone ?? had?.timezone,
    startTime, endTime, scalableTargetAction: target, createdAt: had?.createdAt ?? ctx.now,
  };
  const action: ScheduledAction = { ...base, ...scheduleWake(base, ctx.now), seq: had?.seq ?? nextSeq(world) };
  world.scheduledActions[key] = action;
  return {};
}

const actionOut = (a: ScheduledAction) => compact({
  ScheduledActionName: a.name, ScheduledActionARN: a.arn, ServiceNamespace: "ecs", Schedule: a.schedule, Timezone: a.timezone,
  ResourceId: a.resourceId, ScalableDimension: ECS_SCALABLE_DIMENSION, StartTime: epochSeconds(a.startTime), EndTime: epochSeconds(a.endTime),
  ScalableTargetAction: a.scalableTargetAction, CreationTime: epochSeconds(a.createdAt),
});

const DescribeSchema = z.object({ ...DescribeFilter, ScheduledActionNames: z.array(Name).max(50).optional() });

export function describeScheduledActions(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  checkFilter(input);
  const all = input.ServiceNamespace === "ecs" ? bySeq(peek(world).scheduledActions) : [];
  const chosen = all.filter((a) => (input.ResourceId === undefined || a.resourceId === input.ResourceId)
    && (input.ScalableDimension === undefined || input.ScalableDimension === ECS_SCALABLE_DIMENSION)
    && (!input.ScheduledActionNames?.length || input.ScheduledActionNames.includes(a.name)));
  const { items, NextToken } = page(chosen, input);
  return compact({ ScheduledActions: items.map(actionOut), NextToken });
}

const DeleteSchema = z.object({ ...TargetKey, ScheduledActionName: Name });

export function deleteScheduledAction(world: World, raw: unknown) {
  const input = parseInput(DeleteSchema, raw);
  checkEcsTarget(input);
  const key = actionKey(input.ResourceId, input.ScheduledActionName);
  if (!own(peek(world).scheduledActions, key)) throw noScheduledAction(input.ResourceId, input.ScheduledActionName);
  delete world.scheduledActions[key];
  return {};
}
