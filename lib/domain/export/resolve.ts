import {
  albTargetOf, clusterNameOf, familyOf, parseListenerRuleRef, revisionNumberOf, targetGroupRef,
  type CapacityProviderDesign, type Cluster, type Design, type Listener, type LoadBalancerDesign, type ScheduledTask, type Service, type TargetGroup, type TaskDefinition,
} from "../design";
import { designScheduleGroup } from "../ecs-facts/scheduler";
import { uniqueName } from "./place";

// What both exporters need from a design: one unique name per exported resource (Terraform
// labels, CloudFormation logical ids) and the design's references resolved to those resources.

export type ListenerItem = { lb: LoadBalancerDesign; listener: Listener; name: string };
export type RuleItem = { lb: LoadBalancerDesign; listener: Listener; listenerName: string; rule: NonNullable<Listener["rules"]>[number]; index: number; name: string };

export type Resolved = {
  clusters: { cluster: Cluster; name: string }[];
  taskDefinitions: { td: TaskDefinition; name: string }[];
  services: { service: Service; name: string }[];
  /** Target groups the export creates (no ARN of their own). */
  targetGroups: { tg: TargetGroup; name: string }[];
  /** Load balancers the export creates (no ARN of their own), with their listeners and rules. */
  loadBalancers: { lb: LoadBalancerDesign; name: string }[];
  listeners: ListenerItem[];
  rules: RuleItem[];
  /** Capacity providers the design creates. */
  capacityProviders: { cp: CapacityProviderDesign; name: string }[];
  /** Scheduled tasks, each with its schedule group's name and, unless it is `default`, the group the export writes. */
  scheduledTasks: { task: ScheduledTask; name: string; groupName: string; group?: string }[];
  /** The schedule groups the export writes (all the tasks name but `default`), `own` for the design's own (`stevedore-<design>`). */
  scheduleGroups: { groupName: string; name: string; own: boolean }[];
  /** The exported capacity provider of this name (FARGATE, FARGATE_SPOT and providers made elsewhere: none). */
  capacityProviderOf(name: string): string | undefined;
  clusterOf(ref: string): string | undefined;
  taskDefinitionOf(ref: string): string | undefined;
  targetGroupOf(ref: string): string | undefined;
  /** The exported rule a listenerRuleRef names; `default` when it names a listener's default rule. */
  ruleOf(ref: string): { rule: string } | { defaultOf: string } | undefined;
  /** Listeners forwarding to any of these target group refs (a service waits for them). */
  listenersForwardingTo(refs: string[]): string[];
};

/**
 * The design id an export names the design's own schedule group with when it is not given (a
 * design file converted outside Stevedore): `stevedore-design`, tagged stevedore:design=design.
 */
export const EXPORT_DESIGN_ID = "design";

/** `style` turns [resource name, kind] into a label or logical id (`web-api` → `web_api` / `WebApiService`); unique per kind. */
export function resolveDesign(design: Design, style: (parts: string[]) => string, designId = EXPORT_DESIGN_ID): Resolved {
  const taken = new Map<string, Set<string>>();
  const name = (base: string, kind: string) => {
    if (!taken.has(kind)) taken.set(kind, new Set());
    return uniqueName(style([base, kind]), taken.get(kind)!);
  };
  const clusters = design.clusters.map((cluster) => ({ cluster, name: name(cluster.clusterName, "Cluster") }));
  const taskDefinitions = design.taskDefinitions.map((td) => ({ td, name: name(td.family, "TaskDefinition") }));
  const services = design.services.map((service) => ({ service, name: name(service.serviceName, "Service") }));
  const targetGroups = (design.targetGroups ?? []).filter((tg) => tg.targetGroupArn === undefined).map((tg) => ({ tg, name: name(tg.name, "TargetGroup") }));
  const loadBalancers = (design.loadBalancers ?? []).filter((lb) => lb.loadBalancerArn === undefined).map((lb) => ({ lb, name: name(lb.name, "LoadBalancer") }));
  const capacityProviders = (design.capacityProviders ?? []).map((cp) => ({ cp, name: name(cp.name, "CapacityProvider") }));
  const own = designScheduleGroup(designId);
  const scheduleGroups: Resolved["scheduleGroups"] = [];
  const scheduledTasks = (design.scheduledTasks ?? []).map((task) => {
    const groupName = task.group ?? own;
    let group = scheduleGroups.find((g) => g.groupName === groupName);
    if (!group && groupName !== "default") scheduleGroups.push(group = { groupName, name: name(groupName, "ScheduleGroup"), own: task.group === undefined });
    return { task, name: name(task.name, "ScheduledTask"), groupName, group: group?.name };
  });
  const listeners: ListenerItem[] = [];
  const rules: RuleItem[] = [];
  for (const { lb } of loadBalancers) {
    for (const listener of lb.listeners ?? []) {
      const l = { lb, listener, name: name(`${lb.name}-${listener.port}`, "Listener") };
      listeners.push(l);
      (listener.rules ?? []).forEach((rule, index) => rules.push({ lb, listener, listenerName: l.name, rule, index, name: name(`${lb.name}-${listener.port}-${rule.priority}`, "Rule") }));
    }
  }
  const tgByRef = new Map(targetGroups.map((t) => [targetGroupRef(t.tg), t.name]));
  const forwards = (a: { type: string; targetGroups?: { targetGroupArn: string }[] }) => (a.targetGroups ?? []).map((g) => g.targetGroupArn);
  return {
    clusters, taskDefinitions, services, targetGroups, loadBalancers, listeners, rules, capacityProviders, scheduledTasks, scheduleGroups,
    capacityProviderOf: (n) => capacityProviders.find((c) => c.cp.name === n)?.name,
    clusterOf: (ref) => clusters.find((c) => c.cluster.clusterName === clusterNameOf(ref))?.name,
    taskDefinitionOf: (ref) => (revisionNumberOf(ref) === 0 ? taskDefinitions.find((t) => t.td.family === familyOf(ref))?.name : undefined),
    targetGroupOf: (ref) => tgByRef.get(ref),
    ruleOf: (ref) => {
      const p = parseListenerRuleRef(ref);
      if (!p) return undefined;
      const l = listeners.find((x) => x.lb.name === p.loadBalancerName && x.listener.port === p.port);
      if (!l) return undefined;
      if (p.priority === undefined) return { defaultOf: l.name };
      const r = rules.find((x) => x.listenerName === l.name && x.rule.priority === p.priority);
      return r ? { rule: r.name } : undefined;
    },
    listenersForwardingTo: (refs) => listeners.filter((l) =>
      [l.listener.defaultAction, ...(l.listener.rules ?? []).map((r) => r.action)].some((a) => forwards(a).some((g) => refs.includes(g)))).map((l) => l.name),
  };
}

/** What an export of a design that manages no resource says, in its notes and where it is offered. */
export const DEPLOYS_NOTHING = "The design has no resources an export manages (no cluster, capacity provider, task definition, service, target group, load balancer or scheduled task of its own): this export deploys nothing.";

/** True when the exports write no resource: the design is empty, or holds only existing load balancers and target groups (referenced by ARN). */
export function deploysNothing(design: Design): boolean {
  const r = resolveDesign(design, snakeLabel);
  return [r.clusters, r.capacityProviders, r.taskDefinitions, r.services, r.targetGroups, r.loadBalancers, r.scheduledTasks].every((x) => x.length === 0);
}

/** One half of ALBRequestCountPerTarget's ResourceLabel: a resource the export writes (its name), or the ARN's suffix when it exists already. */
export type LabelPart = { resource: string } | { suffix: string };

/**
 * The two halves of ALBRequestCountPerTarget's ResourceLabel (`app/<lb>/<id>` and
 * `targetgroup/<tg>/<id>`) for the service's target group and the ALB forwarding to it.
 */
export function albLabelParts(design: Design, r: Resolved, service: Service): { lb: LabelPart; tg: LabelPart } | undefined {
  const alb = albTargetOf(design, service);
  if (!alb) return undefined;
  const lbName = r.loadBalancers.find((x) => x.lb === alb.loadBalancer)?.name;
  const tgName = r.targetGroupOf(alb.targetGroupRef);
  const lbSuffix = /:loadbalancer\/(app\/[^/]+\/[^/]+)$/.exec(alb.loadBalancer.loadBalancerArn ?? "")?.[1];
  const tgSuffix = /:(targetgroup\/[^/]+\/[^/]+)$/.exec(alb.targetGroupRef)?.[1];
  const lb = lbName ? { resource: lbName } : lbSuffix ? { suffix: lbSuffix } : undefined;
  const tg = tgName ? { resource: tgName } : tgSuffix ? { suffix: tgSuffix } : undefined;
  return lb && tg ? { lb, tg } : undefined;
}

/** `web-api` → `web_api` (Terraform labels: letters, digits, underscores; not starting with a digit). */
export const snakeLabel = (parts: string[]) => {
  const s = parts[0].toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") || parts[1].toLowerCase();
  return /^[0-9]/.test(s) ? `_${s}` : s;
};
