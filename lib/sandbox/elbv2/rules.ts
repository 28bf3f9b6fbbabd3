import { z } from "zod";
import { MAX_CONDITION_VALUES, MAX_RULES, RULE_PRIORITY_RANGE } from "../../domain/ecs-facts/elbv2";
import { peek } from "../core/draft";
import { bySeq, nextSeq } from "../core/ids";
import type { Ctx, ElbShape, Rule, World } from "../core/types";
import { queryInt, queryList } from "../protocols/query";
import { ActionsSchema, checkActions } from "./actions";
import { checkArn, ruleArn } from "./arns";
import { elbError, ruleNotFound, validation } from "./errors";
import { Paging, TagsSchema, arnList, page, parseInput, str, tagsOf } from "./input";
import { listenerIn } from "./listeners";
import { refreshUsage } from "../core/lb-references";

// Listener rules of Application Load Balancers: CreateRule, DescribeRules (the default rule
// last, priority "default"), ModifyRule, DeleteRule. The default rule comes and goes with its
// listener. https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html

const FIELDS = ["host-header", "path-pattern", "http-header", "http-request-method", "query-string", "source-ip"] as const;
const CONFIG: Record<(typeof FIELDS)[number], string> = {
  "host-header": "HostHeaderConfig", "path-pattern": "PathPatternConfig", "http-header": "HttpHeaderConfig",
  "http-request-method": "HttpRequestMethodConfig", "query-string": "QueryStringConfig", "source-ip": "SourceIpConfig",
};

const values = queryList(str);
const ConditionSchema = z.object({
  Field: z.enum(FIELDS).optional(),
  Values: values.optional(),
  HostHeaderConfig: z.object({ Values: values.optional() }).optional(),
  PathPatternConfig: z.object({ Values: values.optional() }).optional(),
  HttpHeaderConfig: z.object({ HttpHeaderName: str.optional(), Values: values.optional() }).optional(),
  HttpRequestMethodConfig: z.object({ Values: values.optional() }).optional(),
  QueryStringConfig: z.object({ Values: queryList(z.object({ Key: str.optional(), Value: str.optional() })).optional() }).optional(),
  SourceIpConfig: z.object({ Values: values.optional() }).optional(),
});
type ConditionIn = z.infer<typeof ConditionSchema>;

/** A condition as ELBv2 writes it back: legacy `Values` of host-header and path-pattern also show as their config. */
function condition(c: ConditionIn): { shape: ElbShape; count: number } {
  if (!c.Field) throw validation("A condition must have a field");
  const key = CONFIG[c.Field] as keyof ConditionIn;
  const config = c[key] as { Values?: unknown[] } | undefined;
  if (c.Values?.length && config) throw validation(`You cannot specify both Values and ${key} for the condition '${c.Field}'`);
  if (c.Values?.length && c.Field !== "host-header" && c.Field !== "path-pattern") {
    throw validation(`The condition '${c.Field}' must be given as ${key}`);
  }
  const list = c.Values?.length ? c.Values : config?.Values ?? [];
  if (!list.length) throw validation(`The condition '${c.Field}' must have at least one value`);
  if (c.Field === "http-header" && !(config as { HttpHeaderName?: string }).HttpHeaderName) throw validation("An http-header condition must name the header");
  const shape: ElbShape = c.Values?.length ? { Field: c.Field, Values: c.Values, [key]: { Values: c.Values } } : { Field: c.Field, [key]: config };
  return { shape: JSON.parse(JSON.stringify(shape)), count: list.length };
}

function conditions(list: ConditionIn[]): ElbShape[] {
  if (!list.length) throw validation("A rule must have at least one condition");
  const out = list.map(condition);
  if (out.reduce((n, c) => n + c.count, 0) > MAX_CONDITION_VALUES) {
    throw validation(`A rule can have at most '${MAX_CONDITION_VALUES}' condition values`);
  }
  return out.map((c) => c.shape);
}

export function ruleOut(r: Rule) {
  return { RuleArn: r.arn, Priority: r.priority === undefined ? "default" : String(r.priority), Conditions: r.conditions, Actions: r.actions, IsDefault: r.priority === undefined };
}

const CreateSchema = z.object({
  ListenerArn: str,
  Conditions: queryList(ConditionSchema),
  Priority: queryInt().pipe(z.number().min(RULE_PRIORITY_RANGE.min).max(RULE_PRIORITY_RANGE.max)),
  Actions: ActionsSchema,
  Tags: TagsSchema.optional(),
});

export function createRule(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(CreateSchema, raw);
  const l = listenerIn(world, input.ListenerArn);
  const lb = peek(world).loadBalancers[l.loadBalancerArn];
  if (lb.type !== "application") throw elbError("InvalidConfigurationRequest", `Rules are not supported for listeners of load balancers of type '${lb.type}'`);
  const mine = Object.values(peek(world).rules).filter((r) => r.listenerArn === l.arn && r.priority !== undefined);
  if (mine.some((r) => r.priority === input.Priority)) throw elbError("PriorityInUse", `Priority '${input.Priority}' is currently in use`);
  if (mine.length >= MAX_RULES) throw elbError("TooManyRules", "The quota for the number of rules per listener has been reached.");
  const rule: Rule = {
    arn: ruleArn(world, l.arn), listenerArn: l.arn, priority: input.Priority, conditions: conditions(input.Conditions),
    actions: checkActions(world, lb, l.protocol, input.Actions), tags: tagsOf(input.Tags), seq: nextSeq(world),
  };
  world.rules[rule.arn] = rule;
  refreshUsage(world, ctx.now);
  return { Rules: [ruleOut(rule)] };
}

/** A rule by ARN, or RuleNotFound. */
function ruleIn(world: World, arn: string): Rule {
  checkArn(arn, "listener-rule");
  if (!peek(world).rules[arn]) throw ruleNotFound();
  return world.rules[arn];
}

const byPriority = (a: Rule, b: Rule) => (a.priority ?? Infinity) - (b.priority ?? Infinity) || a.seq - b.seq;

const DescribeSchema = z.object({ ListenerArn: str.optional(), RuleArns: arnList(20).optional(), ...Paging });

export function describeRules(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  if (!input.ListenerArn && !input.RuleArns?.length) throw validation("You must specify either listener ARN or rule ARNs");
  if (input.ListenerArn && input.RuleArns?.length) throw validation("A listener ARN and rule ARNs cannot be specified at the same time");
  const all = peek(world).rules;
  let items: Rule[];
  if (input.ListenerArn) {
    listenerIn(world, input.ListenerArn);
    items = bySeq(all).filter((r) => r.listenerArn === input.ListenerArn);
  } else {
    for (const a of input.RuleArns!) checkArn(a, "listener-rule");
    if (input.RuleArns!.some((a) => !all[a])) throw ruleNotFound(true);
    items = bySeq(all).filter((r) => input.RuleArns!.includes(r.arn));
  }
  const { page: out, NextMarker } = page(items.sort(byPriority), input);
  return { Rules: out.map(ruleOut), NextMarker };
}

const ModifySchema = z.object({ RuleArn: str, Conditions: queryList(ConditionSchema).optional(), Actions: ActionsSchema.optional() });

export function modifyRule(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(ModifySchema, raw);
  const rule = ruleIn(world, input.RuleArn);
  const l = peek(world).listeners[rule.listenerArn];
  const lb = peek(world).loadBalancers[l.loadBalancerArn];
  if (rule.priority === undefined && input.Conditions) throw elbError("OperationNotPermitted", "The conditions of a default rule cannot be modified");
  if (input.Conditions) rule.conditions = conditions(input.Conditions);
  if (input.Actions) {
    rule.actions = checkActions(world, lb, l.protocol, input.Actions);
    // The default rule's actions are its listener's default actions.
    if (rule.priority === undefined) world.listeners[l.arn].defaultActions = rule.actions;
  }
  refreshUsage(world, ctx.now);
  return { Rules: [ruleOut(rule)] };
}

export function deleteRule(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(z.object({ RuleArn: str }), raw);
  const rule = ruleIn(world, input.RuleArn);
  if (rule.priority === undefined) throw elbError("OperationNotPermitted", "A default rule cannot be deleted");
  delete world.rules[rule.arn];
  refreshUsage(world, ctx.now);
  return {};
}
