import { z } from "zod";
import { FORWARD_WEIGHT_RANGE, FORWARDS_TO, MAX_FORWARD_TARGET_GROUPS } from "../../domain/ecs-facts/elbv2";
import { peek } from "../core/draft";
import type { ElbShape, LoadBalancer, TargetGroup, World } from "../core/types";
import { queryBool, queryInt, queryList } from "../protocols/query";
import { checkArn } from "./arns";
import { elbError, validation } from "./errors";
import { str } from "./input";
import { groupUsage } from "../core/lb-references";

// Listener and rule actions: what they may be, for which load balancer, and how ELBv2 writes
// them back (a forward to one target group also shows as a ForwardConfig of weight 1 without
// stickiness). https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Action.html

const TargetGroupTuple = z.object({ TargetGroupArn: str, Weight: queryInt().pipe(z.number().min(FORWARD_WEIGHT_RANGE.min).max(FORWARD_WEIGHT_RANGE.max)).optional() });

export const ActionSchema = z.object({
  Type: z.enum(["forward", "redirect", "fixed-response", "authenticate-oidc", "authenticate-cognito", "jwt-validation"]),
  TargetGroupArn: str.optional(),
  Order: queryInt().pipe(z.number().min(1).max(50000)).optional(),
  ForwardConfig: z.object({
    TargetGroups: queryList(TargetGroupTuple).optional(),
    TargetGroupStickinessConfig: z.object({
      Enabled: queryBool().optional(),
      DurationSeconds: queryInt().pipe(z.number().min(1).max(604800)).optional(),
    }).optional(),
  }).optional(),
  RedirectConfig: z.object({
    Protocol: str.optional(), Port: str.optional(), Host: str.optional(), Path: str.optional(), Query: str.optional(),
    StatusCode: z.enum(["HTTP_301", "HTTP_302"]),
  }).optional(),
  FixedResponseConfig: z.object({ MessageBody: str.max(1024).optional(), StatusCode: str.regex(/^(2|4|5)\d\d$/), ContentType: str.optional() }).optional(),
  AuthenticateOidcConfig: z.looseObject({}).optional(),
  AuthenticateCognitoConfig: z.looseObject({}).optional(),
  JwtValidationConfig: z.looseObject({}).optional(),
});
export type ActionIn = z.infer<typeof ActionSchema>;
export const ActionsSchema = queryList(ActionSchema);

const TERMINAL = ["forward", "redirect", "fixed-response"];


function checkGroup(world: World, lb: LoadBalancer, listenerProtocol: string | undefined, arn: string, usage: Map<string, Set<string>>): TargetGroup {
  checkArn(arn, "targetgroup");
  const tg = peek(world).targetGroups[arn];
  if (!tg) throw elbError("TargetGroupNotFound", `Target groups '${arn}' not found`);
  const others = [...(usage.get(arn) ?? [])].filter((x) => x !== lb.arn);
  if (others.length) {
    throw elbError("TargetGroupAssociationLimit", `The following target groups cannot be associated with more than one load balancer: ${arn}`);
  }
  if (tg.targetType === "lambda" ? lb.type !== "application" : tg.targetType === "alb" ? lb.type !== "network" : false) {
    throw elbError("InvalidConfigurationRequest", `Target group '${arn}' of target type '${tg.targetType}' cannot be used with a load balancer of type '${lb.type}'`);
  }
  if (tg.vpcId !== undefined && tg.vpcId !== lb.vpcId) {
    throw elbError("InvalidConfigurationRequest", `Target group '${arn}' is in VPC '${tg.vpcId}', not in the load balancer's VPC '${lb.vpcId}'`);
  }
  const allowed = lb.type === "gateway" ? ["GENEVE"] : FORWARDS_TO[listenerProtocol ?? ""] ?? [];
  if (tg.protocol !== undefined && !allowed.includes(tg.protocol)) {
    throw elbError("IncompatibleProtocols", `The protocol of target group '${arn}' (${tg.protocol}) is not compatible with the listener protocol (${listenerProtocol ?? "none"})`);
  }
  return tg;
}

function forward(world: World, lb: LoadBalancer, protocol: string | undefined, a: ActionIn, usage: Map<string, Set<string>>): ElbShape {
  const tuples = a.ForwardConfig?.TargetGroups ?? [];
  if (!a.TargetGroupArn && !tuples.length) throw validation("A target group ARN must be specified for a forward action");
  if (a.TargetGroupArn && tuples.length && !(tuples.length === 1 && tuples[0].TargetGroupArn === a.TargetGroupArn)) {
    throw validation("You cannot specify both a target group ARN and a forward config with different target groups");
  }
  if (tuples.length > MAX_FORWARD_TARGET_GROUPS) throw validation(`A forward action can have at most ${MAX_FORWARD_TARGET_GROUPS} target groups`);
  const groups = tuples.length ? tuples : [{ TargetGroupArn: a.TargetGroupArn!, Weight: undefined }];
  if (new Set(groups.map((g) => g.TargetGroupArn)).size !== groups.length) throw validation("A target group can appear only once in a forward action");
  for (const g of groups) checkGroup(world, lb, protocol, g.TargetGroupArn, usage);
  const stickiness = a.ForwardConfig?.TargetGroupStickinessConfig;
  return {
    Type: "forward",
    TargetGroupArn: groups.length === 1 ? groups[0].TargetGroupArn : undefined,
    Order: a.Order,
    ForwardConfig: {
      TargetGroups: groups.map((g) => ({ TargetGroupArn: g.TargetGroupArn, Weight: g.Weight ?? 1 })),
      TargetGroupStickinessConfig: { Enabled: stickiness?.Enabled ?? false, DurationSeconds: stickiness?.DurationSeconds },
    },
  };
}

/**
 * The actions of a listener (or rule) on `lb` as ELBv2 keeps them, after its checks: one
 * terminal action (forward, redirect, fixed-response) last, authentication before it on HTTPS
 * listeners of Application Load Balancers only, Order required when there are several.
 */
export function checkActions(world: World, lb: LoadBalancer, protocol: string | undefined, actions: ActionIn[]): ElbShape[] {
  return plain(actionsAsKept(world, lb, protocol, actions));
}

/** JSON-plain data (no undefined members), as the state keeps it. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

function actionsAsKept(world: World, lb: LoadBalancer, protocol: string | undefined, actions: ActionIn[]): ElbShape[] {
  if (!actions.length) throw validation("At least one action must be specified");
  if (actions.length > 1 && actions.some((a) => a.Order === undefined)) throw validation("Order must be specified for each action when there are several");
  const sorted = [...actions].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  if (new Set(sorted.map((a) => a.Order)).size !== sorted.length) throw validation("Each action must have a different order");
  const terminal = sorted.filter((a) => TERMINAL.includes(a.Type));
  if (terminal.length !== 1 || !TERMINAL.includes(sorted[sorted.length - 1].Type)) {
    throw elbError("InvalidLoadBalancerAction", "A listener or rule must have exactly one forward, redirect or fixed-response action, and it must be the last");
  }
  if (actions.length > 5) throw elbError("TooManyActions", "A listener or rule can have at most 5 actions");
  const usage = groupUsage(world);
  return sorted.map((a): ElbShape => {
    if (lb.type !== "application" && a.Type !== "forward") {
      throw elbError("InvalidLoadBalancerAction", `Action type '${a.Type}' is not supported by a load balancer of type '${lb.type}'`);
    }
    switch (a.Type) {
      case "forward":
        return forward(world, lb, protocol, a, usage);
      case "redirect":
        if (!a.RedirectConfig) throw validation("A redirect action must have a redirect config");
        return { Type: a.Type, Order: a.Order, RedirectConfig: { Protocol: "#{protocol}", Port: "#{port}", Host: "#{host}", Path: "/#{path}", Query: "#{query}", ...a.RedirectConfig } };
      case "fixed-response":
        if (!a.FixedResponseConfig) throw validation("A fixed-response action must have a fixed-response config");
        return { Type: a.Type, Order: a.Order, FixedResponseConfig: a.FixedResponseConfig };
      default: {
        if (protocol !== "HTTPS") throw elbError("InvalidLoadBalancerAction", `Action type '${a.Type}' is supported only on HTTPS listeners`);
        const config = { "authenticate-oidc": "AuthenticateOidcConfig", "authenticate-cognito": "AuthenticateCognitoConfig", "jwt-validation": "JwtValidationConfig" }[a.Type];
        if (!a[config as keyof ActionIn]) throw validation(`An ${a.Type} action must have its config`);
        return { Type: a.Type, Order: a.Order, [config]: a[config as keyof ActionIn] };
      }
    }
  });
}
