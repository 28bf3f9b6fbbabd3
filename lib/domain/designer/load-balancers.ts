import type { Design, Listener, ListenerAction, LoadBalancerDesign, Service } from "../design";
import { listenerRuleRef, parseListenerRuleRef, targetGroupRef } from "../design";
import { MAX_FORWARD_TARGET_GROUPS, PLAIN_LISTENER_PROTOCOL } from "../ecs-facts/elbv2";
import { belowEverything, SIZES } from "./layout";
import { newId, uniqueName } from "./names";
import { mapShared } from "./paths";
import { fail, type EditResult } from "./result";

// Load balancers on the canvas: a card per load balancer with a row per listener and per rule,
// each listener a source of "forward" edges to target groups. Forwards name target groups by
// targetGroupRef (ARN, or targetgroup/<name> while designed), as services do.

type At = { x: number; y: number };

export function addLoadBalancer(design: Design, opts: { name?: string; type?: LoadBalancerDesign["type"]; at?: At } = {}): EditResult & { ok: true } {
  const type = opts.type ?? "application";
  const lbs = design.loadBalancers ?? [];
  const name = uniqueName(opts.name ?? (type === "application" ? "web-alb" : "web-nlb"), lbs.map((l) => l.name));
  const id = newId(design, "lb", name);
  const lb: LoadBalancerDesign = { id, name, type, scheme: "internet-facing" };
  return {
    ok: true, id,
    design: { ...design, loadBalancers: [...lbs, lb], layout: { ...design.layout, [id]: opts.at ?? belowEverything(design) } },
  };
}

/** The usual ports of a new listener, in the order people add them. */
const LISTENER_PORTS = [80, 443, 8080, 8443];

/** A listener on the next free port with the type's plain protocol, forwarding nowhere yet (the validator says so). */
export function newListener(lb: Pick<LoadBalancerDesign, "type" | "listeners">): Listener {
  const used = new Set((lb.listeners ?? []).map((l) => l.port));
  let port = LISTENER_PORTS.find((p) => !used.has(p));
  if (port === undefined) for (port = 8081; used.has(port); port++);
  return { port, protocol: PLAIN_LISTENER_PROTOCOL[lb.type] as Listener["protocol"], defaultAction: { type: "forward", targetGroups: [] } };
}

export function addListener(design: Design, lbId: string): EditResult {
  const lbs = design.loadBalancers ?? [];
  const i = lbs.findIndex((l) => l.id === lbId);
  if (i < 0) return fail("That load balancer is not in the design.");
  const lb = lbs[i];
  if (lb.loadBalancerArn !== undefined) return fail(`${lb.name} is an existing load balancer: the design never changes its listeners.`);
  return { ok: true, id: lbId, design: replaceLb(design, i, { ...lb, listeners: [...(lb.listeners ?? []), newListener(lb)] }) };
}

/** Every action of a listener: its default action (rule undefined) and each rule's. */
export function listenerActions(l: Listener): { rule?: number; action: ListenerAction }[] {
  return [{ action: l.defaultAction }, ...(l.rules ?? []).map((r, k) => ({ rule: k, action: r.action }))];
}

/** A forward's share of each target group in percent (weights default to 1, as the validator counts them); undefined when it names one group. */
export function forwardShares(action: ListenerAction): number[] | undefined {
  const groups = action.type === "forward" ? action.targetGroups ?? [] : [];
  if (groups.length < 2) return undefined;
  const weights = groups.map((g) => g.weight ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (sum === 0 ? 0 : Math.round((w / sum) * 1000) / 10));
}

/** The name a forward's target group goes by: the design's group, or the name inside an ARN. */
export function targetGroupLabel(design: Design, ref: string): string {
  const tg = (design.targetGroups ?? []).find((g) => targetGroupRef(g) === ref);
  if (tg) return tg.name;
  const m = /:targetgroup\/([^/]+)\//.exec(ref);
  return m ? m[1] : ref || "(none)";
}

function describeAction(design: Design, a: ListenerAction): string {
  if (a.type === "fixed-response") return `fixed ${a.fixedResponse?.statusCode ?? "?"}`;
  if (a.type === "redirect") return `redirect ${a.redirect?.statusCode?.replace("HTTP_", "") ?? ""}`.trim();
  const groups = a.targetGroups ?? [];
  if (groups.length === 0) return "no target group yet";
  const shares = forwardShares(a);
  return groups.map((g, k) => `${targetGroupLabel(design, g.targetGroupArn)}${shares ? ` ${shares[k]}%` : ""}`).join(", ");
}

/** What a rule matches, shortly: its condition values ("/api/*", "api.example.com"). */
export function ruleConditionText(rule: NonNullable<Listener["rules"]>[number]): string {
  const values = rule.conditions.flatMap((c) => c.values);
  return values.length ? values.join(" ") : "(no condition)";
}

export type LoadBalancerRow = { listener: number; rule?: number; label: string; to: string };

/** The card's rows: each listener ("HTTP:80 → web-tg") and under it each of its rules ("#10 /api/* → api-tg"). */
export function loadBalancerRows(design: Design, lb: LoadBalancerDesign): LoadBalancerRow[] {
  return (lb.listeners ?? []).flatMap((l, j) => [
    { listener: j, label: `${l.protocol}:${l.port}`, to: describeAction(design, l.defaultAction) },
    ...(l.rules ?? []).map((r, k) => ({ listener: j, rule: k, label: `#${r.priority} ${ruleConditionText(r)}`, to: describeAction(design, r.action) })),
  ]);
}

/** The card's height: header and one row per listener and rule (one empty row without listeners). */
export function loadBalancerHeight(lb: LoadBalancerDesign): number {
  const s = SIZES.loadBalancer;
  const rows = (lb.listeners ?? []).reduce((n, l) => n + 1 + (l.rules?.length ?? 0), 0);
  return s.header + Math.max(1, rows) * s.row + s.pad;
}

/** The handle id of a listener's row on the card ("listener-new" when there is no listener yet). */
export const listenerHandle = (j: number | undefined) => (j === undefined ? "listener-new" : `listener-${j}`);
export function parseListenerHandle(handle: string | null | undefined): number | undefined {
  const m = /^listener-(\d+)$/.exec(handle ?? "");
  return m ? Number(m[1]) : undefined;
}

/**
 * Makes listener `j` (the first one when undefined; a new one when the load balancer has none)
 * forward to the target group `ref` too: its default action becomes a forward that names it.
 */
export function forwardTo(design: Design, lbIndex: number, j: number | undefined, ref: string): EditResult {
  const lb = (design.loadBalancers ?? [])[lbIndex];
  if (!lb) return fail("That load balancer is not in the design.");
  const verdict = canForward(lb, j, ref);
  if (verdict) return fail(verdict);
  const listeners = lb.listeners?.length ? lb.listeners.slice() : [newListener(lb)];
  const at = j ?? 0;
  const l = listeners[at];
  const groups = l.defaultAction.type === "forward" ? l.defaultAction.targetGroups ?? [] : [];
  listeners[at] = { ...l, defaultAction: { type: "forward", targetGroups: [...groups, { targetGroupArn: ref }] } };
  return { ok: true, id: lb.id, design: replaceLb(design, lbIndex, { ...lb, listeners }) };
}

/** Why listener `j` of `lb` cannot forward to `ref` as well; undefined when it can. */
export function canForward(lb: LoadBalancerDesign, j: number | undefined, ref: string): string | undefined {
  if (lb.loadBalancerArn !== undefined) return `${lb.name} is an existing load balancer: the design never changes its listeners. Remove its ARN to have the design own it.`;
  const listeners = lb.listeners ?? [];
  if (listeners.length === 0) return j === undefined ? undefined : "That listener is gone.";
  const l = listeners[j ?? 0];
  if (!l) return "That listener is gone.";
  if (l.defaultAction.type !== "forward") return undefined;
  const groups = l.defaultAction.targetGroups ?? [];
  if (groups.some((g) => g.targetGroupArn === ref)) return `Listener ${l.protocol}:${l.port} already forwards to this target group.`;
  if (groups.length >= MAX_FORWARD_TARGET_GROUPS) return `A forward splits traffic between at most ${MAX_FORWARD_TARGET_GROUPS} target groups.`;
  return undefined;
}

/** Drops target group `k` from one action (rule undefined: the default action); what a deleted forward edge means. */
export function removeForward(design: Design, lbId: string, j: number, rule: number | undefined, k: number): Design {
  const lbs = design.loadBalancers ?? [];
  const i = lbs.findIndex((l) => l.id === lbId);
  const l = lbs[i]?.listeners?.[j];
  if (!l) return design;
  const drop = (a: ListenerAction): ListenerAction => (a.type === "forward" ? { ...a, targetGroups: (a.targetGroups ?? []).filter((_, x) => x !== k) } : a);
  const next: Listener = rule === undefined
    ? { ...l, defaultAction: drop(l.defaultAction) }
    : { ...l, rules: (l.rules ?? []).map((r, x) => (x === rule ? { ...r, action: drop(r.action) } : r)) };
  const listeners = lbs[i].listeners!.map((x, y) => (y === j ? next : x));
  return replaceLb(design, i, { ...lbs[i], listeners });
}

/** Applies `f` to every forward tuple list of every listener and rule; the same array when nothing changed. */
function mapForwards(lbs: LoadBalancerDesign[], f: (groups: { targetGroupArn: string; weight?: number }[]) => { targetGroupArn: string; weight?: number }[]): LoadBalancerDesign[] {
  const action = (a: ListenerAction): ListenerAction => {
    if (a.type !== "forward" || !a.targetGroups) return a;
    const groups = f(a.targetGroups);
    return groups === a.targetGroups ? a : { ...a, targetGroups: groups };
  };
  return mapShared(lbs, (lb) => {
    if (!lb.listeners) return lb;
    const listeners = mapShared(lb.listeners, (l) => {
      const defaultAction = action(l.defaultAction);
      const rules = l.rules ? mapShared(l.rules, (r) => { const a = action(r.action); return a === r.action ? r : { ...r, action: a }; }) : undefined;
      return defaultAction === l.defaultAction && rules === l.rules ? l : { ...l, defaultAction, ...(rules ? { rules } : {}) };
    });
    return listeners === lb.listeners ? lb : { ...lb, listeners };
  });
}

/** Forwards follow a target group's new ref (rename, ARN set). */
export function rewriteForwardRefs(lbs: LoadBalancerDesign[] | undefined, from: string, to: string): LoadBalancerDesign[] | undefined {
  if (!lbs) return lbs;
  return mapForwards(lbs, (g) => (g.some((x) => x.targetGroupArn === from) ? g.map((x) => (x.targetGroupArn === from ? { ...x, targetGroupArn: to } : x)) : g));
}

/** Forwards stop naming a deleted target group (an emptied forward is left for the validator to report). */
export function dropForwardRefs(lbs: LoadBalancerDesign[] | undefined, ref: string): LoadBalancerDesign[] | undefined {
  if (!lbs) return lbs;
  return mapForwards(lbs, (g) => (g.some((x) => x.targetGroupArn === ref) ? g.filter((x) => x.targetGroupArn !== ref) : g));
}

/** Services' production and test listener rules, each listenerRuleRef given to `f` (its new ref, or undefined to keep it); the same array when nothing changed. */
function mapListenerRuleRefs(services: Service[], f: (p: NonNullable<ReturnType<typeof parseListenerRuleRef>>) => string | undefined): Service[] {
  const fix = (ref: string | undefined) => {
    const p = ref ? parseListenerRuleRef(ref) : undefined;
    return (p && f(p)) ?? ref;
  };
  return mapShared(services, (s) => {
    if (!s.loadBalancers) return s;
    const lbs = mapShared(s.loadBalancers, (e) => {
      const adv = e.advancedConfiguration;
      if (!adv) return e;
      const productionListenerRule = fix(adv.productionListenerRule);
      const testListenerRule = fix(adv.testListenerRule);
      if (productionListenerRule === adv.productionListenerRule && testListenerRule === adv.testListenerRule) return e;
      return { ...e, advancedConfiguration: { ...adv, productionListenerRule, testListenerRule } };
    });
    return lbs === s.loadBalancers ? s : { ...s, loadBalancers: lbs };
  });
}

/** Services' production and test listener rules follow a load balancer's rename (listener-rule/<name>/…). */
export function rewriteListenerRuleRefs(services: Service[], from: string, to: string): Service[] {
  return mapListenerRuleRefs(services, (p) => (p.loadBalancerName === from ? listenerRuleRef(to, p.port, p.priority) : undefined));
}

/**
 * Services' production and test listener rules follow an edit of a load balancer's listeners: a
 * listener's new port (listener-rule/<lb>/<port>/…) and a rule's new priority (…/<priority>),
 * matching listeners and rules by position. Added or removed listeners or rules move no ref (a
 * ref to a removed rule is the validator's to report), nor do ports or priorities that two of
 * them shared before the edit (which one a ref meant is unknown).
 */
export function followListenerEdits(services: Service[], before: LoadBalancerDesign, after: LoadBalancerDesign): Service[] {
  const was = before.listeners ?? [];
  const now = after.listeners ?? [];
  if (was === now || was.length !== now.length) return services;
  const key = (port: number, priority?: number) => `${port}/${priority ?? "default"}`;
  const moves = new Map<string, { port: number; priority?: number }>();
  const seen = new Map<string, number>();
  const move = (from: string, to: { port: number; priority?: number }) => {
    seen.set(from, (seen.get(from) ?? 0) + 1);
    if (from !== key(to.port, to.priority)) moves.set(from, to);
  };
  was.forEach((l, j) => {
    const n = now[j];
    move(key(l.port), { port: n.port });
    const wasRules = l.rules ?? [];
    const nowRules = n.rules ?? [];
    // Rules keep their places while the rule count stays; else only the port moves.
    wasRules.forEach((r, k) => move(key(l.port, r.priority), { port: n.port, priority: wasRules.length === nowRules.length ? nowRules[k].priority : r.priority }));
  });
  for (const from of [...moves.keys()]) if (seen.get(from)! > 1) moves.delete(from);
  if (moves.size === 0) return services;
  return mapListenerRuleRefs(services, (p) => {
    const to = p.loadBalancerName === before.name ? moves.get(key(p.port, p.priority)) : undefined;
    return to && listenerRuleRef(after.name, to.port, to.priority);
  });
}

export type Choice = { value: string; label: string };

/** The design's target groups for a picker: their refs, labelled with their names. */
export function targetGroupChoices(design: Design): Choice[] {
  return (design.targetGroups ?? []).map((g) => ({ value: targetGroupRef(g), label: `${g.name} (${g.targetType}${g.port ? `, ${g.protocol ?? ""}:${g.port}` : ""})` }));
}

/** Every listener rule of the design's own load balancers as a listenerRuleRef, for advancedConfiguration's pickers. */
export function listenerRuleChoices(design: Design): Choice[] {
  return (design.loadBalancers ?? []).filter((lb) => lb.loadBalancerArn === undefined).flatMap((lb) =>
    (lb.listeners ?? []).flatMap((l) => [
      { value: listenerRuleRef(lb.name, l.port), label: `${lb.name} ${l.protocol}:${l.port} default rule` },
      ...(l.rules ?? []).map((r) => ({ value: listenerRuleRef(lb.name, l.port, r.priority), label: `${lb.name} ${l.protocol}:${l.port} rule #${r.priority} ${ruleConditionText(r)}` })),
    ]));
}

function replaceLb(design: Design, i: number, lb: LoadBalancerDesign): Design {
  const loadBalancers = (design.loadBalancers ?? []).slice();
  loadBalancers[i] = lb;
  return { ...design, loadBalancers };
}
