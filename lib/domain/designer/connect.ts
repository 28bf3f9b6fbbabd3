import type { ContainerDefinition, Design, Service } from "../design";
import { clusterNameOf, familyOf } from "../design";
import { MAX_LOAD_BALANCERS } from "../ecs-facts/service";
import { networkModeOf } from "../ecs-facts/task-definition";
import { addToStrategy, associate, canAddToStrategy, canAssociate } from "./capacity-providers";
import { canForward, forwardTo } from "./load-balancers";
import { linkName } from "./references";
import { resolveNode, type Resolved } from "./resolve";
import { setScheduledTaskRef } from "./scheduled-tasks";
import { fail, type EditResult } from "./result";
import { targetGroupRef } from "./target-groups";

export type ConnectCheck = { ok: true } | { ok: false; reason: string };
export type ContainerCondition = NonNullable<ContainerDefinition["dependsOn"]>[number]["condition"];
/** `listener`: which listener of a load balancer a forward starts from (its row's handle); undefined, the first (or a new one). */
export type ConnectOptions = { relation?: "dependsOn" | "link"; condition?: ContainerCondition; listener?: number };

const THROUGH_TARGET_GROUP = "A load balancer forwards to a target group and services register with that group: connect the load balancer to a target group, then the target group to the service.";

/** Does `from` (transitively) wait for `to` through dependsOn? */
function waitsFor(containers: ContainerDefinition[], from: string, to: string, seen = new Set<string>()): boolean {
  if (from === to) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  const c = containers.find((x) => x.name === from);
  return (c?.dependsOn ?? []).some((d) => waitsFor(containers, d.containerName, to, seen));
}

function serviceTaskDefinition(design: Design, s: Service) {
  return design.taskDefinitions.find((t) => t.family === familyOf(s.taskDefinition));
}

/** The container and port a service should register with a target group: the group's port when mapped, else the first mapped port. */
export function pickLoadBalancerTarget(design: Design, s: Service, port?: number): { containerName: string; containerPort: number } | undefined {
  const td = serviceTaskDefinition(design, s);
  if (!td) return undefined;
  const mapped = td.containerDefinitions.flatMap((c) =>
    (c.portMappings ?? []).flatMap((p) => (p.containerPort === undefined ? [] : [{ containerName: c.name, containerPort: p.containerPort }])));
  return mapped.find((m) => m.containerPort === port) ?? mapped[0];
}

function check(design: Design, a: Resolved, b: Resolved, opts: ConnectOptions): ConnectCheck {
  // Traffic flows load balancer → target group → service; a service may also be dragged onto its group.
  if (a.kind === "targetGroup" && b.kind === "service") return check(design, b, a, opts);
  if (a.kind === "capacityProvider" && (b.kind === "cluster" || b.kind === "service")) return check(design, b, a, opts);
  if (a.kind === "cluster" && b.kind === "capacityProvider") {
    const why = canAssociate(a.cluster, b.capacityProvider);
    return why ? { ok: false, reason: why } : { ok: true };
  }
  if (a.kind === "service" && b.kind === "capacityProvider") {
    const why = canAddToStrategy(a.service, b.capacityProvider);
    return why ? { ok: false, reason: why } : { ok: true };
  }
  if (a.kind === "loadBalancer" && b.kind === "targetGroup") {
    const why = canForward(a.loadBalancer, opts.listener, targetGroupRef(b.targetGroup));
    return why ? { ok: false, reason: why } : { ok: true };
  }
  if ((a.kind === "loadBalancer" && b.kind === "service") || (a.kind === "service" && b.kind === "loadBalancer")) return { ok: false, reason: THROUGH_TARGET_GROUP };
  if (a.kind === "targetGroup" && b.kind === "loadBalancer") return { ok: false, reason: "Drag from one of the load balancer's listeners to the target group." };
  if (a.kind === "service" && b.kind === "taskDefinition") {
    if (familyOf(a.service.taskDefinition) === b.taskDefinition.family) return { ok: false, reason: "The service already runs this task definition." };
    return { ok: true };
  }
  // A schedule runs a task definition in a cluster; either may be dragged onto the schedule too.
  if ((a.kind === "taskDefinition" || a.kind === "cluster") && b.kind === "scheduledTask") return check(design, b, a, opts);
  if (a.kind === "scheduledTask" && b.kind === "taskDefinition") {
    if (a.scheduledTask.taskDefinition && familyOf(a.scheduledTask.taskDefinition) === b.taskDefinition.family) return { ok: false, reason: "The schedule already runs this task definition." };
    return { ok: true };
  }
  if (a.kind === "scheduledTask" && b.kind === "cluster") {
    if (a.scheduledTask.cluster && clusterNameOf(a.scheduledTask.cluster) === b.cluster.clusterName) return { ok: false, reason: "The schedule already runs its tasks in this cluster." };
    return { ok: true };
  }
  if (a.kind === "scheduledTask" && b.kind === "service") return { ok: false, reason: "A schedule starts standalone tasks (RunTask), not a service: connect it to a task definition and a cluster." };
  if (a.kind === "service" && b.kind === "targetGroup") {
    const ref = targetGroupRef(b.targetGroup);
    const lbs = a.service.loadBalancers ?? [];
    if (lbs.some((lb) => lb.targetGroupArn === ref)) return { ok: false, reason: "The service is already registered with this target group." };
    if (lbs.length >= MAX_LOAD_BALANCERS) return { ok: false, reason: `A service has at most ${MAX_LOAD_BALANCERS} target groups.` };
    if (!serviceTaskDefinition(design, a.service)) return { ok: false, reason: "Connect the service to a task definition first: the target group needs one of its container ports." };
    if (!pickLoadBalancerTarget(design, a.service, b.targetGroup.port)) return { ok: false, reason: "No container of the task definition maps a port to register." };
    return { ok: true };
  }
  if (a.kind === "container" && b.kind === "container") {
    if (a.tdIndex !== b.tdIndex) return { ok: false, reason: "Containers can only depend on containers of the same task definition." };
    if (a.index === b.index) return { ok: false, reason: "A container cannot depend on itself." };
    const containers = a.taskDefinition.containerDefinitions;
    if (opts.relation === "link") {
      const mode = networkModeOf(a.taskDefinition);
      if (mode !== "bridge") return { ok: false, reason: `Links work only in bridge network mode; this task uses ${mode} (containers reach each other on localhost).` };
      if ((a.container.links ?? []).some((l) => linkName(l) === b.container.name)) return { ok: false, reason: "Already linked." };
      return { ok: true };
    }
    if ((a.container.dependsOn ?? []).some((d) => d.containerName === b.container.name)) return { ok: false, reason: "Already depends on that container." };
    if (waitsFor(containers, b.container.name, a.container.name)) return { ok: false, reason: "That would make the containers wait for each other (a cycle)." };
    return { ok: true };
  }
  return { ok: false, reason: `A ${label(a.kind)} cannot connect to a ${label(b.kind)}.` };
}

const label = (k: Resolved["kind"]) =>
  ({ cluster: "cluster", taskDefinition: "task definition", container: "container", service: "service", targetGroup: "target group", loadBalancer: "load balancer", capacityProvider: "capacity provider", scheduledTask: "scheduled task" })[k];

/** Whether an edge from node `source` to node `target` means something ECS accepts. */
export function canConnect(design: Design, source: string, target: string, opts: ConnectOptions = {}): ConnectCheck {
  const a = resolveNode(design, source);
  const b = resolveNode(design, target);
  if (!a || !b) return { ok: false, reason: "Both ends must be in the design." };
  return check(design, a, b, opts);
}

export function connect(design: Design, source: string, target: string, opts: ConnectOptions = {}): EditResult {
  const verdict = canConnect(design, source, target, opts);
  if (!verdict.ok) return fail(verdict.reason);
  let a = resolveNode(design, source)!;
  let b = resolveNode(design, target)!;
  if (a.kind === "targetGroup" && b.kind === "service") [a, b] = [b, a];
  if (a.kind === "capacityProvider" && (b.kind === "cluster" || b.kind === "service")) [a, b] = [b, a];
  if (a.kind === "cluster" && b.kind === "capacityProvider") return { ok: true, id: a.cluster.id, design: associate(design, a.index, b.index) };
  if (a.kind === "service" && b.kind === "capacityProvider") return { ok: true, id: a.service.id, design: addToStrategy(design, a.index, b.capacityProvider) };
  if (a.kind === "loadBalancer" && b.kind === "targetGroup") return forwardTo(design, a.index, opts.listener, targetGroupRef(b.targetGroup));
  if ((a.kind === "taskDefinition" || a.kind === "cluster") && b.kind === "scheduledTask") [a, b] = [b, a];
  if (a.kind === "scheduledTask" && b.kind === "taskDefinition") return { ok: true, id: a.scheduledTask.id, design: setScheduledTaskRef(design, a.scheduledTask.id, "taskDefinition", b.taskDefinition.family) };
  if (a.kind === "scheduledTask" && b.kind === "cluster") return { ok: true, id: a.scheduledTask.id, design: setScheduledTaskRef(design, a.scheduledTask.id, "cluster", b.cluster.clusterName) };
  if (a.kind === "service" && b.kind === "taskDefinition") {
    return { ok: true, id: source, design: replaceService(design, a.index, { ...a.service, taskDefinition: b.taskDefinition.family }) };
  }
  if (a.kind === "service" && b.kind === "targetGroup") {
    const t = pickLoadBalancerTarget(design, a.service, b.targetGroup.port)!;
    const lb = { targetGroupArn: targetGroupRef(b.targetGroup), ...t };
    return { ok: true, id: a.service.id, design: replaceService(design, a.index, { ...a.service, loadBalancers: [...(a.service.loadBalancers ?? []), lb] }) };
  }
  if (a.kind === "container" && b.kind === "container") {
    const c = a.container;
    const next = opts.relation === "link"
      ? { ...c, links: [...(c.links ?? []), b.container.name] }
      : { ...c, dependsOn: [...(c.dependsOn ?? []), { containerName: b.container.name, condition: opts.condition ?? "START" }] };
    const td = a.taskDefinition;
    const taskDefinitions = design.taskDefinitions.slice();
    taskDefinitions[a.tdIndex] = { ...td, containerDefinitions: td.containerDefinitions.map((x, i) => (i === a.index ? next : x)) };
    return { ok: true, id: source, design: { ...design, taskDefinitions } };
  }
  return fail("Unsupported connection.");
}

function replaceService(design: Design, i: number, s: Service): Design {
  const services = design.services.slice();
  services[i] = s;
  return { ...design, services };
}
