import { z } from "zod";
import { ECS_SCALABLE_DIMENSION } from "../../domain/ecs-facts/auto-scaling";
import { dropAlarms } from "../core/alarms";
import { peek } from "../core/draft";
import { bySeq, nextSeq, randomHex } from "../core/ids";
import { own } from "../core/maps";
import type { Ctx, ScalableTarget, World } from "../core/types";
import { clampDesired, serviceOfResource } from "../ecs/auto-scaling";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { noTarget, validation } from "./errors";
import { checkEcsTarget, DescribeFilter, page, parseInput, TargetKey } from "./input";

// Scalable targets: RegisterScalableTarget, DescribeScalableTargets, DeregisterScalableTarget
// (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
// A target is an ECS service of this world; registering one whose desired count is outside the
// new range moves the count into it, as AAS does. Deregistering deletes its policies and
// scheduled actions.

/** The service-linked role AAS uses for ECS when RegisterScalableTarget names none. */
export const ECS_SCALING_ROLE = (account: string) =>
  `arn:aws:iam::${account}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`;

/** The target of `resourceId` (read only), or ObjectNotFoundException. */
export function registeredTarget(world: World, resourceId: string): ScalableTarget {
  const t = own(peek(world).scalableTargets, resourceId);
  if (!t) throw noTarget(resourceId);
  return t;
}

const Suspended = z.object({ DynamicScalingInSuspended: z.boolean().optional(), DynamicScalingOutSuspended: z.boolean().optional(), ScheduledScalingSuspended: z.boolean().optional() });
const RegisterSchema = z.object({
  ...TargetKey,
  MinCapacity: z.number().int().min(0).optional(),
  MaxCapacity: z.number().int().min(0).optional(),
  RoleARN: z.string().min(1).max(1600).optional(),
  SuspendedState: Suspended.optional(),
  Tags: z.record(z.string().min(1).max(128), z.string().max(256)).optional(),
});

export function registerScalableTarget(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(RegisterSchema, raw);
  checkEcsTarget(input);
  if (!serviceOfResource(world, input.ResourceId)) throw validation(`ECS service doesn't exist: ${input.ResourceId}`);
  const had = own(world.scalableTargets, input.ResourceId);
  if (!had && (input.MinCapacity === undefined || input.MaxCapacity === undefined)) {
    throw validation("MinCapacity and MaxCapacity are required to register a new scalable target.");
  }
  const min = input.MinCapacity ?? had!.minCapacity;
  const max = input.MaxCapacity ?? had!.maxCapacity;
  if (min > max) throw validation("Minimum capacity cannot be greater than maximum capacity");
  const suspended = { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false, ...had?.suspendedState, ...input.SuspendedState };
  const target: ScalableTarget = had
    ? Object.assign(had, { minCapacity: min, maxCapacity: max, suspendedState: suspended, ...(input.RoleARN ? { roleArn: input.RoleARN } : {}) })
    : {
      resourceId: input.ResourceId, arn: `arn:aws:application-autoscaling:${world.region}:${world.account}:scalable-target/${randomHex(world, 36)}`,
      minCapacity: min, maxCapacity: max, roleArn: input.RoleARN ?? ECS_SCALING_ROLE(world.account), suspendedState: suspended, createdAt: ctx.now, seq: nextSeq(world),
    };
  if (!had) world.scalableTargets[input.ResourceId] = target;
  clampDesired(world, target, (to) => (to === min ? `minimum capacity was set to ${min}` : `maximum capacity was set to ${max}`));
  return { ScalableTargetARN: target.arn };
}

const targetOut = (t: ScalableTarget) => compact({
  ServiceNamespace: "ecs", ResourceId: t.resourceId, ScalableDimension: ECS_SCALABLE_DIMENSION, MinCapacity: t.minCapacity, MaxCapacity: t.maxCapacity,
  RoleARN: t.roleArn, CreationTime: epochSeconds(t.createdAt), SuspendedState: t.suspendedState, ScalableTargetARN: t.arn,
});

const DescribeSchema = z.object({ ...DescribeFilter, ResourceIds: z.array(z.string().min(1).max(1600)).max(50).optional() });

export function describeScalableTargets(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  if (input.ScalableDimension !== undefined && !input.ResourceIds?.length) throw validation("If you specify a scalable dimension, you must also specify a resource ID.");
  const all = input.ServiceNamespace === "ecs" ? bySeq(peek(world).scalableTargets) : [];
  const chosen = all.filter((t) => (!input.ResourceIds?.length || input.ResourceIds.includes(t.resourceId)) && (input.ScalableDimension === undefined || input.ScalableDimension === ECS_SCALABLE_DIMENSION));
  const { items, NextToken } = page(chosen, input);
  return compact({ ScalableTargets: items.map(targetOut), NextToken });
}

const DeregisterSchema = z.object(TargetKey);

export function deregisterScalableTarget(world: World, raw: unknown) {
  const input = parseInput(DeregisterSchema, raw);
  checkEcsTarget(input);
  registeredTarget(world, input.ResourceId);
  delete world.scalableTargets[input.ResourceId];
  for (const p of Object.values(peek(world).scalingPolicies)) {
    if (p.resourceId !== input.ResourceId) continue;
    dropAlarms(world, p.alarms);
    delete world.scalingPolicies[`${p.resourceId}|${p.name}`];
  }
  for (const a of Object.values(peek(world).scheduledActions)) if (a.resourceId === input.ResourceId) delete world.scheduledActions[`${a.resourceId}|${a.name}`];
  return {};
}
