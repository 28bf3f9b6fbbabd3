import { peek } from "./draft";
import type { ElbShape, Listener, Rule, World } from "./types";

// Which load balancer forwards to which target group: derived from the listeners' default
// actions and their rules' actions, never stored twice. A target group is "in use" (health
// checked, draining on deregistration, not deletable) while some action forwards to it.

/** The target group ARNs `actions` forward to. */
export function forwardedGroups(actions: ElbShape[]): string[] {
  const out = new Set<string>();
  for (const a of actions) {
    if (a.Type !== "forward") continue;
    if (typeof a.TargetGroupArn === "string") out.add(a.TargetGroupArn);
    const groups = (a.ForwardConfig as { TargetGroups?: { TargetGroupArn: string }[] } | undefined)?.TargetGroups ?? [];
    for (const g of groups) out.add(g.TargetGroupArn);
  }
  return [...out];
}

const actionsOf = (world: World, l: Listener): ElbShape[][] => {
  const rules = Object.values(peek(world).rules).filter((r: Rule) => r.listenerArn === l.arn && r.priority !== undefined);
  return [l.defaultActions, ...rules.map((r) => r.actions)];
};

/** Target group ARN → the load balancers whose listeners or rules forward to it. */
export function groupUsage(world: World): Map<string, Set<string>> {
  const usage = new Map<string, Set<string>>();
  for (const l of Object.values(peek(world).listeners)) {
    for (const actions of actionsOf(world, l)) {
      for (const tg of forwardedGroups(actions)) {
        const set = usage.get(tg) ?? new Set<string>();
        set.add(l.loadBalancerArn);
        usage.set(tg, set);
      }
    }
  }
  return usage;
}

/** Marks when each target group came into use (or stopped being used); mutates the draft. */
export function refreshUsage(world: World, now: number): void {
  const usage = groupUsage(world);
  for (const tg of Object.values(peek(world).targetGroups)) {
    const used = usage.has(tg.arn);
    if (used && tg.inUseSince === undefined) world.targetGroups[tg.arn].inUseSince = now;
    if (!used && tg.inUseSince !== undefined) delete world.targetGroups[tg.arn].inUseSince;
  }
}
