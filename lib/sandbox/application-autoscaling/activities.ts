import { z } from "zod";
import { ECS_SCALABLE_DIMENSION } from "../../domain/ecs-facts/auto-scaling";
import { peek } from "../core/draft";
import type { ScalingActivity, World } from "../core/types";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { checkFilter, DescribeFilter, page, parseInput } from "./input";

// DescribeScalingActivities: why a target's capacity changed, newest first
// (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalingActivities.html).
// Every sandbox activity scaled, so IncludeNotScaledActivities changes nothing.

const activityOut = (a: ScalingActivity) => compact({
  ActivityId: a.activityId, ServiceNamespace: "ecs", ResourceId: a.resourceId, ScalableDimension: ECS_SCALABLE_DIMENSION,
  Description: a.description, Cause: a.cause, StartTime: epochSeconds(a.startTime), EndTime: epochSeconds(a.endTime),
  StatusCode: a.statusCode, StatusMessage: a.statusMessage,
});

const DescribeSchema = z.object({ ...DescribeFilter, IncludeNotScaledActivities: z.boolean().optional() });

export function describeScalingActivities(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  checkFilter(input);
  const all = input.ServiceNamespace === "ecs" ? Object.values(peek(world).scalingActivities).sort((a, b) => b.seq - a.seq) : [];
  const chosen = all.filter((a) => (input.ResourceId === undefined || a.resourceId === input.ResourceId)
    && (input.ScalableDimension === undefined || input.ScalableDimension === ECS_SCALABLE_DIMENSION));
  const { items, NextToken } = page(chosen, input);
  return compact({ ScalingActivities: items.map(activityOut), NextToken });
}
