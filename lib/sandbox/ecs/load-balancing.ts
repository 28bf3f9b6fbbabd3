import { peek } from "../core/draft";
import { nextHealthChange, setProbe, targetHealth } from "../core/target-health";
import type { Ctx, RegisteredTarget, Service, Task, TaskDefinition, TargetGroup, World } from "../core/types";
import { invalidParameter } from "./errors";
import { stopTask } from "./lifecycle";
import { addServiceEvent } from "./lookups";

// Services behind Elastic Load Balancing, as ECS runs them
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html):
// - CreateService/UpdateService check `loadBalancers[]` against the target groups and the task
//   definition (`checkLoadBalancers`).
// - A service task registers with its target groups once RUNNING (an `ip` target is the task's
//   ENI address and the container port, an `instance` target the container instance's EC2 id and
//   the host port); the group's checks then ask the simulated container (healthy answers, an
//   unhealthy one answers 503, a stopped one does not answer).
// - The scheduler counts a task healthy only when all its targets are (`Task.targetsHealthy`); a
//   task with an unhealthy target, once healthCheckGracePeriodSeconds after it started are over,
//   is deregistered and stopped ("Task failed ELB health checks in (target-group …)").
// - A stopping task is deregistered first and stays DEACTIVATING while its targets drain
//   (the group's deregistration delay), then stops.

/** One `loadBalancers[]` entry of a service, as ECS takes it (a target group, not a Classic Load Balancer). */
export type ServiceLoadBalancer = { targetGroupArn: string; containerName: string; containerPort: number };

/** A service's `loadBalancers[]` entries that name a target group. */
function serviceLoadBalancers(svc: Service): ServiceLoadBalancer[] {
  return svc.loadBalancers.flatMap((lb) => typeof lb.targetGroupArn === "string" && typeof lb.containerName === "string" &&
    typeof lb.containerPort === "number" ? [{ targetGroupArn: lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort }] : []);
}

/**
 * The target groups (with the container and port) `task` of `svc` registers with: THE one place
 * that decides it. Today every task of a service goes to the service's `loadBalancers[]` target
 * groups (a rolling deployment); a deployment strategy that sends some tasks elsewhere (blue/green:
 * green tasks to `advancedConfiguration.alternateTargetGroupArn`) decides it here.
 */
export function targetGroupsForTask(_world: World, svc: Service, _task: Task): ServiceLoadBalancer[] {
  return serviceLoadBalancers(svc);
}

// ECS's InvalidParameterException messages, as ECS words them where known:
// "The target group with targetGroupArn … does not have an associated load balancer.",
// "The container … does not exist in the task definition.", "The container … did not have a
// container port … defined.", "The provided target group … has target type …, which is
// incompatible with the … network mode specified in the task definition.", and for a target
// group ECS cannot read "Unable to assume role and validate the specified targetGroupArn. …".

/** CreateService/UpdateService: `loadBalancers` against the world's target groups and `td`. */
export function checkLoadBalancers(world: World, loadBalancers: Record<string, unknown>[], td: TaskDefinition) {
  const mode = (td.body.networkMode as string | undefined) ?? "bridge";
  const containers = (td.body.containerDefinitions as { name: string; portMappings?: { containerPort?: number }[] }[] | undefined) ?? [];
  for (const lb of loadBalancers) {
    const { targetGroupArn, loadBalancerName, containerName, containerPort } = lb;
    if (loadBalancerName !== undefined && targetGroupArn === undefined) {
      throw invalidParameter("The sandbox has no Classic Load Balancers: loadBalancers[].loadBalancerName is not supported, give a targetGroupArn.");
    }
    if (typeof targetGroupArn !== "string" || !targetGroupArn) throw invalidParameter("loadBalancers[].targetGroupArn must be specified.");
    if (loadBalancerName !== undefined) throw invalidParameter("loadBalancers[].loadBalancerName must be omitted when a targetGroupArn is given.");
    if (typeof containerName !== "string" || !containerName) throw invalidParameter("Container Name can not be blank.");
    if (typeof containerPort !== "number" || !Number.isInteger(containerPort)) throw invalidParameter("loadBalancers[].containerPort must be specified.");
    const tg = Object.hasOwn(peek(world).targetGroups, targetGroupArn) ? peek(world).targetGroups[targetGroupArn] : undefined;
    if (!tg) {
      throw invalidParameter("Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.");
    }
    if (tg.inUseSince === undefined) throw invalidParameter(`The target group with targetGroupArn ${targetGroupArn} does not have an associated load balancer.`);
    const container = containers.find((c) => c.name === containerName);
    if (!container) throw invalidParameter(`The container ${containerName} does not exist in the task definition.`);
    if (!(container.portMappings ?? []).some((pm) => pm.containerPort === containerPort)) {
      throw invalidParameter(`The container ${containerName} did not have a container port ${containerPort} defined.`);
    }
    if ((tg.targetType === "ip") !== (mode === "awsvpc") || tg.targetType === "lambda" || tg.targetType === "alb") {
      throw invalidParameter(`The provided target group ${targetGroupArn} has target type ${tg.targetType}, which is incompatible with the ${mode} network mode specified in the task definition.`);
    }
  }
}

type Registration = NonNullable<Task["registrations"]>[number];
const sameTarget = (t: RegisteredTarget, r: { id: string; port: number }) => t.id === r.id && t.port === r.port;
const sameRegistration = (a: Registration, b: Registration) => a.targetGroupArn === b.targetGroupArn && a.id === b.id && a.port === b.port;

/** The target `task` is in `tg` for `lb`: its ENI address and the container port, or its instance's EC2 id and the host port. */
function targetOf(world: World, task: Task, tg: TargetGroup, lb: ServiceLoadBalancer): Registration | undefined {
  const base = { targetGroupArn: tg.arn, containerName: lb.containerName, containerPort: lb.containerPort };
  if (tg.targetType === "ip") return task.privateIp ? { ...base, id: task.privateIp, port: lb.containerPort } : undefined;
  const instance = task.containerInstanceArn ? peek(world).instances[task.containerInstanceArn] : undefined;
  const binding = task.containers.find((c) => c.name === lb.containerName)?.networkBindings.find((b) => b.containerPort === lb.containerPort);
  return instance && binding ? { ...base, id: instance.ec2InstanceId, port: binding.hostPort } : undefined;
}

/** Deregisters `r` (draining while its group is in use); the DEACTIVATING task waits for it. */
function deregister(world: World, ctx: Ctx, task: Task, r: Registration) {
  if (!Object.hasOwn(peek(world).targetGroups, r.targetGroupArn)) return;
  const tg = world.targetGroups[r.targetGroupArn];
  const until = ctx.now + tg.deregistrationDelaySeconds * 1000;
  const draining = tg.inUseSince !== undefined && tg.deregistrationDelaySeconds > 0;
  tg.targets = tg.targets.flatMap((t) => {
    if (!sameTarget(t, r) || t.drainingUntil !== undefined) return [t];
    return draining ? [{ ...t, drainingUntil: until }] : [];
  });
  if (draining && task.lastStatus === "DEACTIVATING") task.nextAt = Math.max(task.nextAt ?? ctx.now, until);
}

function register(world: World, ctx: Ctx, r: Registration) {
  const tg = world.targetGroups[r.targetGroupArn];
  tg.targets = tg.targets.filter((t) => !sameTarget(t, r));
  tg.targets.push({ id: r.id, port: r.port, registeredAt: ctx.now });
}

/** What the container behind `r` answers the group's checks with. */
function answer(world: World, task: Task, r: Registration): { passing: boolean; cause: "status" | "timeout" } {
  const c = task.containers.find((x) => x.name === r.containerName);
  if (!c || task.lastStatus !== "RUNNING" || c.lastStatus !== "RUNNING") return { passing: false, cause: "timeout" };
  const failing = c.healthFailing === true || world.faults.unhealthyImages.includes(c.image);
  return { passing: !failing, cause: "status" };
}

type Unhealthy = { task: Task; r: Registration; description: string };

/** Brings one task's registrations in line with where it should be; answers its unhealthy target, if any. */
function syncTask(world: World, ctx: Ctx, svc: Service, arn: string, grace: number): Unhealthy | undefined {
  const seen = peek(world).tasks[arn];
  const live = seen.desiredStatus === "RUNNING" && seen.lastStatus === "RUNNING";
  const groups = peek(world).targetGroups;
  const wanted = live ? targetGroupsForTask(world, svc, seen).flatMap((lb) => {
    const tg = Object.hasOwn(groups, lb.targetGroupArn) ? groups[lb.targetGroupArn] : undefined;
    const r = tg && targetOf(world, seen, tg, lb);
    return r ? [r] : [];
  }) : [];
  if (!wanted.length && !seen.registrations?.length && seen.targetsHealthy === undefined) return undefined;
  const task = world.tasks[arn];
  const kept: Registration[] = [];
  for (const r of task.registrations ?? []) {
    if (wanted.some((w) => sameRegistration(w, r)) && Object.hasOwn(groups, r.targetGroupArn)) kept.push(r);
    else deregister(world, ctx, task, r);
  }
  for (const w of wanted) {
    if (kept.some((r) => sameRegistration(r, w))) continue;
    register(world, ctx, w);
    kept.push(w);
  }
  if (!kept.length) {
    delete task.registrations;
    delete task.targetsHealthy;
    delete task.targetHealthAt;
    return undefined;
  }
  task.registrations = kept;
  let healthy = true;
  let next: number | undefined;
  let unhealthy: Unhealthy | undefined;
  for (const r of kept) {
    const tg = peek(world).targetGroups[r.targetGroupArn];
    const target = tg.targets.find((t) => sameTarget(t, r) && t.drainingUntil === undefined);
    if (!target) continue;
    const { passing, cause } = answer(world, task, r);
    const probe = { ...target };
    setProbe(tg, probe, ctx.now, passing, cause);
    if (JSON.stringify(probe.probe) !== JSON.stringify(target.probe)) {
      const writable = world.targetGroups[r.targetGroupArn].targets.find((t) => sameTarget(t, r) && t.drainingUntil === undefined)!;
      writable.probe = probe.probe;
    }
    const h = targetHealth(tg, probe, ctx.now);
    if (h.State !== "healthy") healthy = false;
    if (h.State === "unhealthy" && !unhealthy) unhealthy = { task, r, description: h.Description ?? "Health checks failed" };
    // The scheduler wakes when a verdict falls due, and when the grace period of an unhealthy task ends.
    const graceEnds = (task.startedAt ?? 0) + grace;
    const at = h.State === "unhealthy" && graceEnds > ctx.now ? graceEnds : nextHealthChange(tg, probe, ctx.now);
    if (at !== undefined && (next === undefined || at < next)) next = at;
  }
  task.targetsHealthy = healthy;
  if (next === undefined) delete task.targetHealthAt;
  else task.targetHealthAt = next;
  return unhealthy;
}

/**
 * Brings the registrations of `svc`'s tasks in line with their state (registering RUNNING
 * tasks, deregistering stopping ones, recording what their containers answer) and stops the
 * tasks whose target is unhealthy once the grace period is over. Runs before and after the
 * scheduler's pass; mutates the draft. `onFailure` counts a stopped task for the circuit breaker.
 */
export function balanceService(world: World, ctx: Ctx, svc: Service, taskArns: string[], onFailure: (task: Task) => void) {
  if (!svc.loadBalancers.length && !taskArns.some((a) => peek(world).tasks[a]?.registrations)) return;
  const grace = (svc.healthCheckGracePeriodSeconds ?? 0) * 1000;
  for (const arn of taskArns) {
    if (!Object.hasOwn(peek(world).tasks, arn)) continue;
    const bad = syncTask(world, ctx, svc, arn, grace);
    if (!bad || ctx.now < (bad.task.startedAt ?? 0) + grace) continue;
    const { task, r, description } = bad;
    const instance = task.containerInstanceArn ? peek(world).instances[task.containerInstanceArn]?.ec2InstanceId : undefined;
    const where = instance ? ` (instance ${instance})` : "";
    const s = world.services[svc.arn];
    addServiceEvent(world, s, `(service ${svc.name}) (task ${task.id})${where} (port ${r.port}) is unhealthy in (target-group ${r.targetGroupArn}) due to (reason ${description}).`);
    stopTask(world, ctx, task, { stopCode: "ServiceSchedulerInitiated", reason: `Task failed ELB health checks in (target-group ${r.targetGroupArn})` }, onFailure);
    syncTask(world, ctx, svc, arn, grace);
    addServiceEvent(world, s, `(service ${svc.name}) has stopped 1 running tasks: (task ${task.id}).`);
  }
}
