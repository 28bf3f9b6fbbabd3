import { z } from "zod";
import { DEREGISTRATION_DELAY } from "../../domain/ecs-facts/elbv2";
import type { TargetGroup, World } from "../core/types";
import { queryList } from "../protocols/query";
import { validation } from "./errors";
import { parseInput, str } from "./input";
import { targetGroupIn } from "./target-groups";

// Target group attributes: DescribeTargetGroupAttributes and ModifyTargetGroupAttributes, for the
// one attribute the sandbox models, deregistration_delay.timeout_seconds (how long a deregistered
// target drains; 0–3600 s, default 300).
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupAttribute.html

const DEREGISTRATION_DELAY_KEY = "deregistration_delay.timeout_seconds";

const attributesOut = (tg: TargetGroup) => ({ Attributes: [{ Key: DEREGISTRATION_DELAY_KEY, Value: String(tg.deregistrationDelaySeconds) }] });

export function describeTargetGroupAttributes(world: World, raw: unknown) {
  const input = parseInput(z.object({ TargetGroupArn: str }), raw);
  return attributesOut(targetGroupIn(world, input.TargetGroupArn));
}

const ModifySchema = z.object({ TargetGroupArn: str, Attributes: queryList(z.object({ Key: str, Value: str.optional() })) });

export function modifyTargetGroupAttributes(world: World, raw: unknown) {
  const input = parseInput(ModifySchema, raw);
  const tg = targetGroupIn(world, input.TargetGroupArn);
  for (const a of input.Attributes) {
    if (a.Key !== DEREGISTRATION_DELAY_KEY) throw validation(`The sandbox does not support the target group attribute '${a.Key}'; it models only '${DEREGISTRATION_DELAY_KEY}'`);
    const n = Number(a.Value);
    if (!/^\d+$/.test(a.Value ?? "") || n < DEREGISTRATION_DELAY.min || n > DEREGISTRATION_DELAY.max) {
      throw validation(`'${a.Value ?? ""}' is not a valid value for '${DEREGISTRATION_DELAY_KEY}': it must be an integer from ${DEREGISTRATION_DELAY.min} to ${DEREGISTRATION_DELAY.max}`);
    }
    tg.deregistrationDelaySeconds = n;
  }
  return attributesOut(tg);
}
