import type { Action as ElbAction } from "@aws-sdk/client-elastic-load-balancing-v2";
import { listenerRuleRef, targetGroupRef, type Design, type Listener, type ListenerAction, type LoadBalancerDesign, type Tag, type TargetGroup } from "../design";
import { creationTags, tagChanges, tagValue, type TagChanges } from "./tags";
import {
  DESIGN_TAG, type FieldChange, type LiveListener, type LiveLoadBalancer, type LiveState, type LiveTag, type LiveTargetGroup,
  type Elbv2PlanOperation, type PlanCall, type PlanStep,
} from "./types";
import { equal, isObject, matchesDesired } from "./values";

// The Elastic Load Balancing (v2) resources a design owns: target groups, load balancers, and
// the listeners (with their rules) of the load balancers it owns. Each is found by name (a
// listener by its load balancer and port, a rule by its priority); what ELBv2 cannot change in
// place is replaced, and only resources tagged stevedore:design=<the design> are ever deleted.
// Calls name resources the plan creates by reference (`targetgroup/<name>`, `loadbalancer/<name>`,
// `listener/<lb>/<port>`, `listener-rule/<lb>/<port>/<priority|default>`); apply resolves them
// from what the calls that created them returned. Existing ones are replaced by their ARNs here.

type Json = Record<string, unknown>;

const elb = (operation: Elbv2PlanOperation, input: Json): PlanCall => ({ service: "elbv2", operation, input });

export const loadBalancerRef = (name: string) => `loadbalancer/${name}`;
export const listenerRef = (lb: string, port: number) => `listener/${lb}/${port}`;

/** The deregistration delay attribute (ModifyTargetGroupAttributes). */
export const DEREGISTRATION_DELAY_KEY = "deregistration_delay.timeout_seconds";

/** Target groups and load balancers the design owns: those without an ARN. */
export const ownedTargetGroups = (d: Design) => (d.targetGroups ?? []).filter((t) => !t.targetGroupArn);
export const ownedLoadBalancers = (d: Design) => (d.loadBalancers ?? []).filter((l) => !l.loadBalancerArn);

const ownedNote = (designId: string) => `created by this design (tag ${DESIGN_TAG}=${designId}) and no longer in it`;
const notOwned = (what: string) => `this ${what} was not created by this design, so Stevedore will not delete it: delete it yourself or rename it in the design`;

/** ELBv2's Key/Value tags. */
const elbTags = (tags: Tag[]) => tags.map((t) => ({ Key: t.key, Value: t.value }));

/** Tag changes as AddTags / RemoveTags, in the order tagCalls explains. */
function elbTagCalls(arn: string | undefined, t: TagChanges): PlanCall[] {
  const remove = (keys: string[]) => (keys.length ? [elb("RemoveTags", { ResourceArns: [arn], TagKeys: keys })] : []);
  return [...remove(t.removeKeys), ...(t.tags.length ? [elb("AddTags", { ResourceArns: [arn], Tags: elbTags(t.tags) })] : []), ...remove(t.dropRecordKeys)];
}

/** Replaces every string of `v` that is a known reference by the ARN it stands for. */
export function resolveRefs<T>(v: T, refs: ReadonlyMap<string, string>): T {
  if (typeof v === "string") return (refs.get(v) ?? v) as T;
  if (Array.isArray(v)) return v.map((x) => resolveRefs(x, refs)) as T;
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveRefs(x, refs)])) as T;
  return v;
}

const prunedUndefined = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

// ---------- target groups ----------

/** The design's health check in CreateTargetGroup / ModifyTargetGroup members. */
function healthCheckMembers(tg: TargetGroup): Json {
  const h = tg.healthCheck ?? {};
  return prunedUndefined({
    HealthCheckProtocol: h.protocol, HealthCheckPort: h.port, HealthCheckEnabled: h.enabled, HealthCheckPath: h.path,
    HealthCheckIntervalSeconds: h.intervalSeconds, HealthCheckTimeoutSeconds: h.timeoutSeconds,
    HealthyThresholdCount: h.healthyThresholdCount, UnhealthyThresholdCount: h.unhealthyThresholdCount,
    Matcher: h.matcher !== undefined ? { HttpCode: h.matcher } : undefined,
  });
}

/** Member → the design's path, for FieldChanges. */
const HEALTH_CHECK_PATH: Record<string, string> = {
  HealthCheckProtocol: "healthCheck.protocol", HealthCheckPort: "healthCheck.port", HealthCheckEnabled: "healthCheck.enabled",
  HealthCheckPath: "healthCheck.path", HealthCheckIntervalSeconds: "healthCheck.intervalSeconds", HealthCheckTimeoutSeconds: "healthCheck.timeoutSeconds",
  HealthyThresholdCount: "healthCheck.healthyThresholdCount", UnhealthyThresholdCount: "healthCheck.unhealthyThresholdCount", Matcher: "healthCheck.matcher",
};

/**
 * Where a target group goes: its own VPC, else the VPC of the subnets of a load balancer of the
 * design that forwards to it (ELBv2 forwards only within a VPC), else the default VPC.
 */
function vpcOf(tg: TargetGroup, design: Design, live: LiveState): string | undefined {
  if (tg.vpcId) return tg.vpcId;
  const ref = targetGroupRef({ name: tg.name });
  const forwards = (a: ListenerAction) => (a.targetGroups ?? []).some((g) => g.targetGroupArn === ref);
  for (const lb of ownedLoadBalancers(design)) {
    const uses = (lb.listeners ?? []).some((l) => forwards(l.defaultAction) || (l.rules ?? []).some((r) => forwards(r.action)));
    const vpc = uses ? lb.subnets?.map((s) => live.subnetVpcs?.[s]).find(Boolean) : undefined;
    if (vpc) return vpc;
  }
  return live.defaultVpc?.vpcId;
}

function createTargetGroupCalls(tg: TargetGroup, vpcId: string | undefined, tags: Tag[]): PlanCall[] {
  const input = prunedUndefined({
    Name: tg.name, Protocol: tg.protocol, Port: tg.port, VpcId: vpcId, TargetType: tg.targetType,
    ...healthCheckMembers(tg), Tags: elbTags(tags),
  });
  const calls = [elb("CreateTargetGroup", input)];
  if (tg.deregistrationDelaySeconds !== undefined) calls.push(attributesCall(targetGroupRef({ name: tg.name }), tg.deregistrationDelaySeconds));
  return calls;
}

const attributesCall = (arn: string, seconds: number) =>
  elb("ModifyTargetGroupAttributes", { TargetGroupArn: arn, Attributes: [{ Key: DEREGISTRATION_DELAY_KEY, Value: String(seconds) }] });

export function planTargetGroup(tg: TargetGroup, design: Design, live: LiveState, designId: string): PlanStep {
  const base = { key: `target-group:${tg.name}`, kind: "target-group" as const, name: tg.name, designId: tg.id };
  const current = live.targetGroups?.[tg.name];
  if (tg.targetGroupArn) {
    return { ...base, action: "no-change", changes: [], calls: [], notes: ["an existing target group, referenced by ARN: Stevedore never changes it"] };
  }
  const created = creationTags(undefined, designId, tg.id);
  const vpcId = vpcOf(tg, design, live);
  if (!current) {
    const notes = [...created.notes];
    if (!vpcId) notes.push("no VPC is set and the account's default VPC is unknown: ELBv2 needs a VPC for this target group");
    else if (!tg.vpcId) notes.push(`no VPC is set: the group goes into ${vpcId}, ${vpcId === live.defaultVpc?.vpcId ? "the default VPC" : "its load balancer's VPC"}`);
    return { ...base, action: "create", changes: [], notes, calls: createTargetGroupCalls(tg, vpcId, created.tags) };
  }
  const l = current.targetGroup;
  const arn = l.TargetGroupArn;
  const changes: FieldChange[] = [];
  const replace: string[] = [];
  const fixed: [string, unknown, unknown][] = [["port", tg.port, l.Port], ["protocol", tg.protocol, l.Protocol], ["targetType", tg.targetType, l.TargetType], ["vpcId", vpcId, l.VpcId]];
  for (const [path, want, have] of fixed) {
    if (want === undefined || want === have) continue;
    changes.push({ path, old: have, new: want });
    replace.push(path);
  }
  const notes: string[] = [];
  if (replace.length) {
    const reason = `${replace.join(", ")} of a target group cannot be changed in place: the old group is deleted and a new one created`;
    if (tagValue(current.tags, DESIGN_TAG) !== designId) {
      return { ...base, action: "replace", reason, changes, calls: [], notes: [notOwned("target group")] };
    }
    const users = l.LoadBalancerArns ?? [];
    if (users.length) {
      notes.push(`ELBv2 refuses to delete a target group a listener or rule forwards to (${users.length} load balancer${users.length === 1 ? "" : "s"}): give the group a new name in the design instead, and the old one is deleted once nothing uses it`);
      return { ...base, action: "replace", reason, changes, calls: [], notes };
    }
    return { ...base, action: "replace", reason, changes, notes: created.notes, calls: [elb("DeleteTargetGroup", { TargetGroupArn: arn }), ...createTargetGroupCalls(tg, vpcId, created.tags)] };
  }
  const modify: Json = {};
  const liveMembers: Json = {
    HealthCheckProtocol: l.HealthCheckProtocol, HealthCheckPort: l.HealthCheckPort, HealthCheckEnabled: l.HealthCheckEnabled, HealthCheckPath: l.HealthCheckPath,
    HealthCheckIntervalSeconds: l.HealthCheckIntervalSeconds, HealthCheckTimeoutSeconds: l.HealthCheckTimeoutSeconds,
    HealthyThresholdCount: l.HealthyThresholdCount, UnhealthyThresholdCount: l.UnhealthyThresholdCount, Matcher: l.Matcher?.HttpCode !== undefined ? { HttpCode: l.Matcher.HttpCode } : undefined,
  };
  for (const [member, want] of Object.entries(healthCheckMembers(tg))) {
    if (matchesDesired(want, liveMembers[member])) continue;
    const unwrap = (v: unknown) => (member === "Matcher" && isObject(v) ? v.HttpCode : v);
    changes.push({ path: HEALTH_CHECK_PATH[member], old: unwrap(liveMembers[member]), new: unwrap(want) });
    modify[member] = want;
  }
  const calls: PlanCall[] = [];
  if (Object.keys(modify).length) calls.push(elb("ModifyTargetGroup", { TargetGroupArn: arn, ...modify }));
  if (tg.deregistrationDelaySeconds !== undefined) {
    const have = current.attributes?.[DEREGISTRATION_DELAY_KEY];
    if (have !== String(tg.deregistrationDelaySeconds)) {
      changes.push({ path: "deregistrationDelaySeconds", ...(have !== undefined ? { old: Number(have) } : {}), new: tg.deregistrationDelaySeconds });
      calls.push(attributesCall(arn ?? "", tg.deregistrationDelaySeconds));
    }
  }
  const tags = tagChanges(undefined, current.tags, designId);
  changes.push(...tags.changes);
  notes.push(...tags.notes);
  calls.push(...elbTagCalls(arn, tags));
  return { ...base, action: calls.length ? "update" : "no-change", changes, notes, calls };
}

// ---------- load balancers ----------

const sorted = (a: readonly string[] | undefined) => [...(a ?? [])].sort();

export type LoadBalancerPlan = { step: PlanStep; /** True when its listeners are created anew (the load balancer is, or is replaced). */ fresh: boolean };

export function planLoadBalancer(lb: LoadBalancerDesign, live: LiveState, designId: string): LoadBalancerPlan {
  const base = { key: `load-balancer:${lb.name}`, kind: "load-balancer" as const, name: lb.name, designId: lb.id };
  if (lb.loadBalancerArn) {
    return { fresh: false, step: { ...base, action: "no-change", changes: [], calls: [], notes: ["an existing load balancer, referenced by ARN: Stevedore never changes it or its listeners"] } };
  }
  const current = live.loadBalancers?.[lb.name];
  const created = creationTags(lb.tags, designId, lb.id);
  const subnets = lb.subnets ?? live.defaultVpc?.subnetIds;
  const create = elb("CreateLoadBalancer", prunedUndefined({
    Name: lb.name, Type: lb.type, Scheme: lb.scheme, Subnets: subnets, SecurityGroups: lb.securityGroups, Tags: elbTags(created.tags),
  }));
  if (!current) {
    const notes = [...created.notes];
    if (!lb.subnets) notes.push(subnets ? "no subnets are set: the default VPC's subnets are used" : "no subnets are set and the account's default VPC is unknown: ELBv2 needs subnets");
    return { fresh: true, step: { ...base, action: "create", changes: [], notes, calls: [create] } };
  }
  const l = current.loadBalancer;
  const arn = l.LoadBalancerArn;
  const changes: FieldChange[] = [];
  const replace: string[] = [];
  for (const [path, want, have] of [["type", lb.type, l.Type], ["scheme", lb.scheme, l.Scheme]] as const) {
    if (want === undefined || want === have) continue;
    changes.push({ path, old: have, new: want });
    replace.push(path);
  }
  if (replace.length) {
    const reason = `${replace.join(" and ")} of a load balancer cannot be changed in place: the old one is deleted (with its listeners) and a new one created`;
    if (tagValue(current.tags, DESIGN_TAG) !== designId) return { fresh: false, step: { ...base, action: "replace", reason, changes, calls: [], notes: [notOwned("load balancer")] } };
    return { fresh: true, step: { ...base, action: "replace", reason, changes, notes: created.notes, calls: [elb("DeleteLoadBalancer", { LoadBalancerArn: arn }), create] } };
  }
  const calls: PlanCall[] = [];
  const liveSubnets = sorted((l.AvailabilityZones ?? []).map((z) => z.SubnetId ?? ""));
  if (lb.subnets && !equal(sorted(lb.subnets), liveSubnets)) {
    changes.push({ path: "subnets", old: liveSubnets, new: sorted(lb.subnets) });
    calls.push(elb("SetSubnets", { LoadBalancerArn: arn, Subnets: lb.subnets }));
  }
  if (lb.securityGroups && !equal(sorted(lb.securityGroups), sorted(l.SecurityGroups))) {
    changes.push({ path: "securityGroups", old: sorted(l.SecurityGroups), new: sorted(lb.securityGroups) });
    calls.push(elb("SetSecurityGroups", { LoadBalancerArn: arn, SecurityGroups: lb.securityGroups }));
  }
  const tags = tagChanges(lb.tags, current.tags, designId);
  changes.push(...tags.changes);
  calls.push(...elbTagCalls(arn, tags));
  return { fresh: false, step: { ...base, action: calls.length ? "update" : "no-change", changes, notes: tags.notes, calls } };
}

// ---------- listeners and rules ----------

/** A design action as ELBv2's Action (references resolved where the resource exists). */
function actionOf(a: ListenerAction, refs: ReadonlyMap<string, string>): Json {
  switch (a.type) {
    case "forward": {
      const groups = (a.targetGroups ?? []).map((g) => ({ TargetGroupArn: resolveRefs(g.targetGroupArn, refs), Weight: g.weight }));
      if (groups.length === 1 && groups[0].Weight === undefined) return { Type: "forward", TargetGroupArn: groups[0].TargetGroupArn };
      return { Type: "forward", ForwardConfig: { TargetGroups: groups.map((g) => prunedUndefined(g)) } };
    }
    case "fixed-response": {
      const f = a.fixedResponse;
      return { Type: "fixed-response", FixedResponseConfig: prunedUndefined({ StatusCode: f?.statusCode, ContentType: f?.contentType, MessageBody: f?.messageBody }) };
    }
    case "redirect": {
      const r = a.redirect;
      return { Type: "redirect", RedirectConfig: prunedUndefined({ StatusCode: r?.statusCode, Protocol: r?.protocol, Port: r?.port, Host: r?.host, Path: r?.path, Query: r?.query }) };
    }
  }
}

/** An action reduced to what decides where requests go, so ELBv2's filled-in forms compare equal to the design's. */
function actionShape(a: Json | ElbAction): Json {
  const x = a as Json;
  if (x.Type === "forward") {
    const fc = x.ForwardConfig as { TargetGroups?: { TargetGroupArn?: string; Weight?: number }[] } | undefined;
    const groups = fc?.TargetGroups?.length ? fc.TargetGroups : [{ TargetGroupArn: x.TargetGroupArn as string }];
    return { Type: "forward", TargetGroups: groups.map((g) => ({ TargetGroupArn: g.TargetGroupArn, Weight: g.Weight ?? 1 })).sort((p, q) => String(p.TargetGroupArn).localeCompare(String(q.TargetGroupArn))) };
  }
  return prunedUndefined({ Type: x.Type, FixedResponseConfig: x.FixedResponseConfig, RedirectConfig: x.RedirectConfig });
}

const actionsMatch = (desired: Json, live: ElbAction[] | undefined) =>
  (live ?? []).length === 1 && matchesDesired(actionShape(desired), actionShape(live![0]));

const CONDITION_CONFIG: Record<string, string> = {
  "path-pattern": "PathPatternConfig", "host-header": "HostHeaderConfig", "http-request-method": "HttpRequestMethodConfig", "source-ip": "SourceIpConfig",
};

const conditionsOf = (rule: NonNullable<Listener["rules"]>[number]) =>
  rule.conditions.map((c) => ({ Field: c.field, [CONDITION_CONFIG[c.field]]: { Values: c.values } }));

/** The listeners of a load balancer the design owns, each with its rules; and the steps that delete the ones it dropped. */
export function planListeners(lb: LoadBalancerDesign, fresh: boolean, live: LiveState, designId: string, refs: ReadonlyMap<string, string>): { steps: PlanStep[]; deletes: PlanStep[] } {
  if (lb.loadBalancerArn) return { steps: [], deletes: [] };
  const liveLb = fresh ? undefined : live.loadBalancers?.[lb.name];
  const lbArn = liveLb?.loadBalancer.LoadBalancerArn ?? loadBalancerRef(lb.name);
  const steps = (lb.listeners ?? []).map((l) => planListener(lb, l, liveLb?.listeners.find((x) => x.listener.Port === l.port), lbArn, designId, refs));
  const kept = new Set((lb.listeners ?? []).map((l) => l.port));
  const deletes = (liveLb?.listeners ?? [])
    .filter((x) => x.listener.Port !== undefined && !kept.has(x.listener.Port) && tagValue(x.tags[x.listener.ListenerArn ?? ""], DESIGN_TAG) === designId)
    .map((x): PlanStep => {
      const name = `${lb.name}/${x.listener.Port}`;
      return { key: `listener:${name}`, kind: "listener", name, action: "delete", changes: [], notes: [ownedNote(designId)], calls: [elb("DeleteListener", { ListenerArn: x.listener.ListenerArn })] };
    });
  return { steps, deletes };
}

function planListener(lb: LoadBalancerDesign, l: Listener, current: LiveListener | undefined, lbArn: string, designId: string, refs: ReadonlyMap<string, string>): PlanStep {
  const name = `${lb.name}/${l.port}`;
  const base = { key: `listener:${name}`, kind: "listener" as const, name, designId: lb.id };
  const ownership = elbTags(creationTags(undefined, designId, `${lb.id}/${l.port}`).tags);
  const defaultAction = actionOf(l.defaultAction, refs);
  const certificates = l.certificateArn ? [{ CertificateArn: l.certificateArn }] : undefined;
  const listenerArn = current?.listener.ListenerArn ?? listenerRef(lb.name, l.port);
  const createRule = (r: NonNullable<Listener["rules"]>[number]) => elb("CreateRule", {
    ListenerArn: listenerArn, Priority: r.priority, Conditions: conditionsOf(r), Actions: [actionOf(r.action, refs)], Tags: ownership,
  });
  if (!current) {
    const create = elb("CreateListener", prunedUndefined({
      LoadBalancerArn: lbArn, Protocol: l.protocol, Port: l.port, Certificates: certificates, SslPolicy: l.sslPolicy, DefaultActions: [defaultAction], Tags: ownership,
    }));
    return { ...base, action: "create", changes: [], notes: [], calls: [create, ...(l.rules ?? []).map(createRule)] };
  }
  const c = current.listener;
  const changes: FieldChange[] = [];
  const modify: Json = {};
  if (l.protocol !== c.Protocol) { changes.push({ path: "protocol", old: c.Protocol, new: l.protocol }); modify.Protocol = l.protocol; }
  const liveCert = c.Certificates?.[0]?.CertificateArn;
  if (l.certificateArn !== undefined && l.certificateArn !== liveCert) { changes.push({ path: "certificateArn", old: liveCert, new: l.certificateArn }); modify.Certificates = certificates; }
  if (l.sslPolicy !== undefined && l.sslPolicy !== c.SslPolicy) { changes.push({ path: "sslPolicy", old: c.SslPolicy, new: l.sslPolicy }); modify.SslPolicy = l.sslPolicy; }
  if (!actionsMatch(defaultAction, c.DefaultActions)) {
    changes.push({ path: "defaultAction", old: c.DefaultActions?.map(actionShape), new: actionShape(defaultAction) });
    modify.DefaultActions = [defaultAction];
  }
  const calls: PlanCall[] = [];
  const notes: string[] = [];
  if (Object.keys(modify).length) calls.push(elb("ModifyListener", { ListenerArn: c.ListenerArn, ...modify }));
  const liveRules = current.rules.filter((r) => !r.IsDefault);
  for (const r of l.rules ?? []) {
    const have = liveRules.find((x) => x.Priority === String(r.priority));
    if (!have) {
      changes.push({ path: `rules[${r.priority}]`, new: { conditions: r.conditions, action: r.action } });
      calls.push(createRule(r));
      continue;
    }
    const action = actionOf(r.action, refs);
    const conditions = conditionsOf(r);
    const sameConditions = matchesDesired(conditions, have.Conditions ?? []);
    const sameAction = actionsMatch(action, have.Actions);
    if (sameConditions && sameAction) continue;
    if (!sameConditions) changes.push({ path: `rules[${r.priority}].conditions`, old: have.Conditions, new: conditions });
    if (!sameAction) changes.push({ path: `rules[${r.priority}].action`, old: have.Actions?.map(actionShape), new: actionShape(action) });
    calls.push(elb("ModifyRule", { RuleArn: have.RuleArn, ...(sameConditions ? {} : { Conditions: conditions }), ...(sameAction ? {} : { Actions: [action] }) }));
  }
  const wanted = new Set((l.rules ?? []).map((r) => String(r.priority)));
  for (const r of liveRules.filter((x) => !wanted.has(x.Priority ?? ""))) {
    if (tagValue(current.tags[r.RuleArn ?? ""], DESIGN_TAG) !== designId) {
      notes.push(`rule ${r.Priority} was not created by this design: left as is`);
      continue;
    }
    changes.push({ path: `rules[${r.Priority}]`, old: { conditions: r.Conditions, actions: r.Actions?.map(actionShape) } });
    calls.push(elb("DeleteRule", { RuleArn: r.RuleArn }));
  }
  return { ...base, action: calls.length ? "update" : "no-change", changes, notes, calls };
}

// ---------- references and deletes ----------

/**
 * What the design's references stand for in the account: `targetgroup/<name>` of its groups
 * that exist (and are kept), `loadbalancer/<name>`, `listener/<lb>/<port>` and
 * `listener-rule/<lb>/<port>/<priority|default>` of its load balancers that exist (and are not
 * replaced). What is missing is created by the plan and resolved by apply.
 */
export function liveRefs(design: Design, live: LiveState, replaced: ReadonlySet<string>): Map<string, string> {
  const refs = new Map<string, string>();
  for (const tg of ownedTargetGroups(design)) {
    const arn = live.targetGroups?.[tg.name]?.targetGroup.TargetGroupArn;
    if (arn && !replaced.has(`target-group:${tg.name}`)) refs.set(targetGroupRef({ name: tg.name }), arn);
  }
  for (const tg of design.targetGroups ?? []) if (tg.targetGroupArn) refs.set(targetGroupRef({ name: tg.name }), tg.targetGroupArn);
  for (const lb of ownedLoadBalancers(design)) {
    const current: LiveLoadBalancer | undefined = live.loadBalancers?.[lb.name];
    if (!current?.loadBalancer.LoadBalancerArn || replaced.has(`load-balancer:${lb.name}`)) continue;
    refs.set(loadBalancerRef(lb.name), current.loadBalancer.LoadBalancerArn);
    for (const x of current.listeners) {
      if (x.listener.Port === undefined || !x.listener.ListenerArn) continue;
      refs.set(listenerRef(lb.name, x.listener.Port), x.listener.ListenerArn);
      for (const r of x.rules) {
        if (!r.RuleArn) continue;
        refs.set(listenerRuleRef(lb.name, x.listener.Port, r.IsDefault ? undefined : Number(r.Priority)), r.RuleArn);
      }
    }
  }
  return refs;
}

/** Load balancers the design created and dropped: deleted with their listeners and rules. */
export function loadBalancerDeletes(design: Design, live: LiveState, designId: string): PlanStep[] {
  const kept = new Set((design.loadBalancers ?? []).map((l) => l.name));
  return Object.entries(live.ownedLoadBalancers ?? {})
    .filter(([name, x]) => !kept.has(name) && tagValue(x.tags, DESIGN_TAG) === designId)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, x]) => ({
      key: `load-balancer:${name}`, kind: "load-balancer" as const, name, action: "delete" as const, changes: [],
      notes: [ownedNote(designId), "ELBv2 deletes its listeners and rules with it"],
      calls: [elb("DeleteLoadBalancer", { LoadBalancerArn: x.loadBalancer.LoadBalancerArn })],
    }));
}

/** Target groups the design created and dropped, deleted last (after the services and listeners that used them). */
export function targetGroupDeletes(design: Design, live: LiveState, designId: string): PlanStep[] {
  const kept = new Set((design.targetGroups ?? []).map((t) => t.name));
  const dropped = new Set(Object.keys(live.ownedLoadBalancers ?? {}).filter((n) => !(design.loadBalancers ?? []).some((l) => l.name === n))
    .map((n) => live.ownedLoadBalancers![n].loadBalancer.LoadBalancerArn));
  return Object.entries(live.ownedTargetGroups ?? {})
    .filter(([name, x]) => !kept.has(name) && tagValue(x.tags, DESIGN_TAG) === designId)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, x]: [string, LiveTargetGroup]) => {
      const users = (x.targetGroup.LoadBalancerArns ?? []).filter((a) => !dropped.has(a));
      const notes = [ownedNote(designId)];
      if (users.length) notes.push("a listener or rule still forwards to it: ELBv2 refuses the delete until the design's listeners stop forwarding to it");
      return {
        key: `target-group:${name}`, kind: "target-group" as const, name, action: "delete" as const, changes: [], notes,
        calls: [elb("DeleteTargetGroup", { TargetGroupArn: x.targetGroup.TargetGroupArn })],
      };
    });
}

/** Live tags of one ARN in a DescribeTags answer, in the planner's shape. */
export function tagsOfArn(list: { ResourceArn?: string; Tags?: { Key?: string; Value?: string }[] }[], arn: string | undefined): LiveTag[] {
  return (list.find((t) => t.ResourceArn === arn)?.Tags ?? []).map((t) => ({ key: t.Key, value: t.Value }));
}
