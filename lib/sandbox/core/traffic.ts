import { peek } from "./draft";
import type { ElbShape, World } from "./types";

// Where a listener sends a request: the first of its rules (by priority) whose conditions all
// match, else its default actions; a forward splits the requests between its target groups by
// their weights (ForwardConfig.TargetGroups[].Weight, 1 for a lone TargetGroupArn). Read by the
// live scene and by deployments that shift traffic between two target groups; pure.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html

/** What is known of a request; a condition on anything not given does not match. */
export type ListenerRequest = { path?: string; host?: string };

export type TrafficShare = { targetGroupArn: string; weight: number; share: number };

/** `*` any characters, `?` one (ELBv2's wildcards); hosts match case-insensitively. */
function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`, ignoreCase ? "i" : "").test(value);
}

function matches(c: ElbShape, req: ListenerRequest): boolean {
  const configValues = (key: string) => ((c[key] as { Values?: string[] } | undefined)?.Values ?? (c.Values as string[] | undefined) ?? []);
  switch (c.Field) {
    case "path-pattern": return req.path !== undefined && configValues("PathPatternConfig").some((p) => wildcard(p, req.path!, false));
    case "host-header": return req.host !== undefined && configValues("HostHeaderConfig").some((p) => wildcard(p, req.host!, true));
    default: return false;
  }
}

/** The shares of a rule's (or listener's default) actions: its forward's groups, or none (redirect, fixed-response). */
function forwardShares(actions: ElbShape[]): TrafficShare[] {
  const forward = actions.find((a) => a.Type === "forward");
  if (!forward) return [];
  const tuples = (forward.ForwardConfig as { TargetGroups?: { TargetGroupArn: string; Weight?: number }[] } | undefined)?.TargetGroups;
  const groups = tuples?.length ? tuples.map((g) => ({ targetGroupArn: g.TargetGroupArn, weight: g.Weight ?? 1 }))
    : typeof forward.TargetGroupArn === "string" ? [{ targetGroupArn: forward.TargetGroupArn, weight: 1 }] : [];
  const total = groups.reduce((n, g) => n + g.weight, 0);
  return groups.map((g) => ({ ...g, share: total ? g.weight / total : 0 }));
}

/**
 * How `listenerArn` splits requests like `request` between target groups: the rule that takes
 * them (`ruleArn`, the listener's default rule when none of its rules matches) and each group's
 * weight and share (0–1). Undefined for a listener that does not exist.
 */
export function listenerTraffic(world: World, listenerArn: string, request: ListenerRequest = {}): { ruleArn: string; shares: TrafficShare[] } | undefined {
  const listener = peek(world).listeners[listenerArn];
  if (!listener) return undefined;
  const rules = Object.values(peek(world).rules)
    .filter((r) => r.listenerArn === listenerArn && r.priority !== undefined)
    .sort((a, b) => a.priority! - b.priority!);
  const rule = rules.find((r) => r.conditions.length > 0 && r.conditions.every((c) => matches(c, request)));
  if (rule) return { ruleArn: rule.arn, shares: forwardShares(rule.actions) };
  return { ruleArn: listener.defaultRuleArn, shares: forwardShares(listener.defaultActions) };
}
