import { rollingBounds } from "../../domain/ecs-facts/service";
import { randomDigits } from "../core/ids";
import { launchTasks, resolveLaunch } from "./launch";
import { stopTask, taskHealth } from "./lifecycle";
import type { Ctx, Deployment, Service, Task, World } from "../core/types";
import { addServiceEvent } from "./lookups";
import { peek, serviceTaskArns } from "../core/draft";
import { balanceService } from "./load-balancing";
import type { VolumeConfigurations } from "./storage";

// The service scheduler. `reconcile` is idempotent and runs after every operation and every
// batch of due events: it replaces unhealthy and lost tasks, rolls deployments forward within
// minimumHealthyPercent / maximumPercent, trips the circuit breaker, and reports steady state.

const DEFAULT_STRATEGY = [{ type: "spread", field: "attribute:ecs.availability-zone" }, { type: "spread", field: "instanceId" }];

/** A service's tasks in launch order, as this world's own (writable) copies. */
export const serviceTasks = (world: World, svc: Service) => tasksOf(world, world.tasks, svc.arn);

/** The same for reading only (Describe output, the "nothing to do" check): nothing is copied. */
export const peekServiceTasks = (world: World, svc: Service) => tasksOf(world, peek(world).tasks, svc.arn);

function tasksOf(world: World, tasks: Record<string, Task>, arn: string): Task[] {
  const arns = serviceTaskArns(world, arn);
  if (!arns) return Object.values(tasks).filter((t) => t.serviceArn === arn).sort((a, b) => a.seq - b.seq);
  const out: Task[] = [];
  for (const a of arns) if (Object.hasOwn(tasks, a)) out.push(tasks[a]);
  return out.sort((a, b) => a.seq - b.seq);
}

/**
 * Counts toward minimumHealthyPercent: RUNNING, HEALTHY when its essential containers have health
 * checks, and healthy in its target groups when it is behind a load balancer.
 */
export function isHealthy(t: Task): boolean {
  if (t.desiredStatus !== "RUNNING" || t.lastStatus !== "RUNNING" || t.targetsHealthy === false) return false;
  const h = taskHealth(t);
  return h === "HEALTHY" || (h === "UNKNOWN" && !t.containers.some((c) => c.essential && c.healthCheck));
}

export function bounds(svc: Service) {
  const { minimumHealthyPercent: min, maximumPercent: max } = svc.deploymentConfiguration;
  return rollingBounds(svc.desiredCount, min, max);
}

/** ECS's circuit-breaker threshold: 0.5 × desired count, at least 3 and at most 200. */
export const failureThreshold = (desired: number) => Math.min(200, Math.max(3, Math.ceil(desired * 0.5)));

export function newDeployment(world: World, svc: Service, taskDefinitionArn: string, now: number, reason = "ECS deployment in progress."): Deployment {
  for (const d of svc.deployments) d.status = "ACTIVE";
  const d: Deployment = {
    id: `ecs-svc/${randomDigits(world, 19)}`, status: "PRIMARY", taskDefinitionArn, desiredCount: svc.desiredCount,
    rolloutState: "IN_PROGRESS", rolloutStateReason: reason, failedTasks: 0, createdAt: now, updatedAt: now,
  };
  svc.deployments.unshift(d);
  svc.taskDefinitionArn = taskDefinitionArn;
  svc.steady = false;
  return d;
}

/** Called when a service task fails (to start, a health check, or an essential container exit). */
export function recordFailure(world: World, task: Task) {
  const svc = task.serviceArn ? world.services[task.serviceArn] : undefined;
  const d = svc?.deployments.find((x) => x.id === task.deploymentId);
  if (d && d.rolloutState === "IN_PROGRESS") d.failedTasks++;
}

const ids = (tasks: Task[]) => tasks.map((t) => `(task ${t.id})`).join(" ");

/** Reconciles a service its own way and returns true, or returns false to leave it to the rolling scheduler (traffic-shift.ts). */
export type CustomReconcile = (world: World, ctx: Ctx, svc: Service) => boolean;

export function reconcileAll(world: World, ctx: Ctx, custom?: CustomReconcile) {
  for (const s of Object.values(peek(world).services)) {
    if (s.status === "INACTIVE") continue;
    // Target groups (load-balancing.ts): before the pass (what they say of the tasks), after it (the tasks it stopped or started).
    balance(world, ctx, s.arn);
    if (!settled(world, s) && !custom?.(world, ctx, world.services[s.arn])) reconcileService(world, ctx, world.services[s.arn]);
    balance(world, ctx, s.arn);
  }
}

function balance(world: World, ctx: Ctx, arn: string) {
  const svc = peek(world).services[arn];
  // Tasks are registered only while the service has load balancers, or while a deployment that
  // removed them still has tasks of an older one: nothing to look at otherwise.
  if (!svc.loadBalancers.length && svc.deployments.length < 2) return;
  balanceService(world, ctx, svc, peekServiceTasks(world, svc).map((t) => t.arn), (x) => recordFailure(world, x));
}

/**
 * True when reconcileService would change nothing: an ACTIVE service already marked steady,
 * with one deployment that is not IN_PROGRESS and whose desired count is the service's, and
 * exactly desiredCount live tasks, all of that deployment, healthy and on ACTIVE instances (or
 * Fargate). Every branch of reconcileService is then a no-op (no unhealthy task to replace, no
 * circuit breaker to check, nothing to scale in, replace or start, no deployment to drop, no
 * state or event to change), so skipping it keeps behaviour identical while the usual world —
 * most services steady — costs a look at each service instead of a pass over every task.
 */
function settled(world: World, svc: Service): boolean {
  const primary = svc.deployments[0];
  if (svc.status !== "ACTIVE" || !svc.steady || svc.deployments.length !== 1 || primary.rolloutState === "IN_PROGRESS" ||
    primary.desiredCount !== svc.desiredCount) return false;
  const instances = peek(world).instances;
  let live = 0;
  for (const t of peekServiceTasks(world, svc)) {
    if (t.desiredStatus !== "RUNNING") continue;
    live++;
    if (t.deploymentId !== primary.id || !isHealthy(t)) return false;
    if (t.containerInstanceArn && instances[t.containerInstanceArn]?.status !== "ACTIVE") return false;
  }
  return live === svc.desiredCount;
}

function stopAll(world: World, ctx: Ctx, tasks: Task[], reason: string) {
  const stopped = tasks.filter((t) => stopTask(world, ctx, t, { stopCode: "ServiceSchedulerInitiated", reason }));
  return stopped;
}

export function reconcileService(world: World, ctx: Ctx, svc: Service) {
  const now = ctx.now;
  const name = `(service ${svc.name})`;
  if (svc.status === "DRAINING") {
    const live = serviceTasks(world, svc).filter((t) => t.desiredStatus === "RUNNING");
    const stopped = stopAll(world, ctx, live, `Scaling activity initiated by (deployment ${svc.deployments[0]?.id})`);
    if (stopped.length) addServiceEvent(world, svc, `${name} has stopped ${stopped.length} running tasks: ${ids(stopped)}.`);
    if (serviceTasks(world, svc).every((t) => t.lastStatus === "STOPPED")) {
      svc.status = "INACTIVE";
      svc.inactiveAt = now;
    }
    return;
  }

  replaceUnhealthy(world, ctx, svc);
  checkCircuitBreaker(world, svc, now);
  const primary = svc.deployments[0];
  const n = svc.desiredCount;
  const { lower, upper } = bounds(svc);
  const onLostInstance = (t: Task) => !!t.containerInstanceArn && world.instances[t.containerInstanceArn]?.status !== "ACTIVE";
  let live = serviceTasks(world, svc).filter((t) => t.desiredStatus === "RUNNING");
  let keep = live.filter((t) => t.deploymentId === primary.id && !onLostInstance(t));
  const stopped: Task[] = [];
  const scaling = `Scaling activity initiated by (deployment ${primary.id})`;

  // Scale in: not-yet-running tasks go first, then the newest.
  if (keep.length > n) {
    const victims = [...keep].sort((a, b) => Number(isHealthy(a)) - Number(isHealthy(b)) || b.seq - a.seq).slice(0, keep.length - n);
    stopped.push(...stopAll(world, ctx, victims, scaling));
  }
  // Replace tasks of older deployments and of draining instances without going below the lower bound.
  live = live.filter((t) => t.desiredStatus === "RUNNING");
  const replaceable = live.filter((t) => !keep.includes(t)).sort((a, b) => Number(isHealthy(a)) - Number(isHealthy(b)) || a.seq - b.seq);
  let budget = live.filter(isHealthy).length - lower;
  for (const t of replaceable) {
    if (isHealthy(t)) {
      if (budget <= 0) continue;
      budget--;
    }
    const reason = onLostInstance(t) && t.deploymentId === primary.id ? "Container instance is being drained" : scaling;
    stopped.push(...stopAll(world, ctx, [t], reason));
  }
  if (stopped.length) addServiceEvent(world, svc, `${name} has stopped ${stopped.length} running tasks: ${ids(stopped)}.`);

  live = serviceTasks(world, svc).filter((t) => t.desiredStatus === "RUNNING");
  keep = live.filter((t) => t.deploymentId === primary.id && !onLostInstance(t));
  const toStart = Math.min(n - keep.length, upper - live.length);
  if (toStart > 0) startTasks(world, ctx, svc, primary, toStart);

  // Deployments whose tasks have all stopped leave the list.
  svc.deployments = svc.deployments.filter((d) => d === primary ||
    serviceTasks(world, svc).some((t) => t.deploymentId === d.id && t.lastStatus !== "STOPPED"));
  for (const d of svc.deployments) if (d !== primary) d.desiredCount = serviceTasks(world, svc).filter((t) => t.deploymentId === d.id && t.desiredStatus === "RUNNING").length;
  primary.desiredCount = n;

  live = serviceTasks(world, svc).filter((t) => t.desiredStatus === "RUNNING");
  keep = live.filter((t) => t.deploymentId === primary.id && !onLostInstance(t));
  const steady = svc.deployments.length === 1 && keep.length === n && live.length === n && keep.every(isHealthy);
  if (steady && primary.rolloutState === "IN_PROGRESS") {
    primary.rolloutState = "COMPLETED";
    primary.rolloutStateReason = "ECS deployment completed.";
    primary.updatedAt = now;
    svc.lastCompleted = { deploymentId: primary.id, taskDefinitionArn: primary.taskDefinitionArn };
    addServiceEvent(world, svc, `${name} (deployment ${primary.id}) deployment completed.`);
  }
  if (steady && !svc.steady) addServiceEvent(world, svc, `${name} has reached a steady state.`);
  svc.steady = steady;
}

/** Unhealthy tasks are stopped (and counted as failures) once the health check grace period is over. */
export function replaceUnhealthy(world: World, ctx: Ctx, svc: Service) {
  const name = `(service ${svc.name})`;
  const grace = (svc.healthCheckGracePeriodSeconds ?? 0) * 1000;
  for (const t of serviceTasks(world, svc)) {
    if (t.desiredStatus === "RUNNING" && t.lastStatus === "RUNNING" && taskHealth(t) === "UNHEALTHY" && ctx.now >= (t.startedAt ?? 0) + grace) {
      addServiceEvent(world, svc, `${name} (task ${t.id}) failed container health checks.`);
      stopTask(world, ctx, t, { stopCode: "ServiceSchedulerInitiated", reason: "Task failed container health checks" }, (x) => recordFailure(world, x));
      addServiceEvent(world, svc, `${name} has stopped 1 running tasks: (task ${t.id}).`);
    }
  }
}

export function startTasks(world: World, ctx: Ctx, svc: Service, d: Deployment, count: number) {
  const cluster = world.clusters[svc.clusterName];
  // Read only (peek): the task definition is not changed by launching from it.
  const td = Object.values(peek(world).taskDefinitions).flat().find((x) => x.arn === d.taskDefinitionArn)!;
  const target = resolveLaunch(world, cluster, svc.launchType, svc.capacityProviderStrategy);
  const tdConstraints = (td.body.placementConstraints as { type: string; expression?: string }[] | undefined) ?? [];
  const { tasks, failure } = launchTasks(world, ctx, {
    clusterName: svc.clusterName, td, target, group: `service:${svc.name}`, startedBy: d.id, serviceArn: svc.arn, deploymentId: d.id,
    constraints: [...svc.placementConstraints, ...tdConstraints],
    strategies: svc.placementStrategy.length ? svc.placementStrategy : DEFAULT_STRATEGY,
    platformVersion: svc.platformVersion, enableExecuteCommand: svc.enableExecuteCommand,
    volumeConfigurations: svc.volumeConfigurations as VolumeConfigurations | undefined,
    tags: svc.propagateTags === "SERVICE" ? svc.tags : svc.propagateTags === "TASK_DEFINITION" ? td.tags : [],
  }, count);
  if (tasks.length) {
    addServiceEvent(world, svc, `(service ${svc.name}) has started ${tasks.length} tasks: ${ids(tasks)}.`);
    svc.lastPlacementMessage = undefined;
  }
  if (failure) {
    const detail = failure.code === "NO_INSTANCES" ? `Reason: ${failure.message}` : failure.message;
    const message = failure.code === "SPOT_CAPACITY"
      ? `(service ${svc.name}) was unable to place a task. Reason: ${failure.message}`
      : `(service ${svc.name}) was unable to place a task because no container instance met all of its requirements. ${detail}` +
        (failure.code === "NO_INSTANCES" ? " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide." : "");
    if (svc.lastPlacementMessage !== message) addServiceEvent(world, svc, message);
    svc.lastPlacementMessage = message;
  }
}

function checkCircuitBreaker(world: World, svc: Service, now: number) {
  const primary = svc.deployments[0];
  const cb = svc.deploymentConfiguration.deploymentCircuitBreaker;
  if (!cb.enable || primary.rolloutState !== "IN_PROGRESS" || primary.failedTasks < failureThreshold(svc.desiredCount)) return;
  primary.rolloutState = "FAILED";
  primary.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
  primary.updatedAt = now;
  addServiceEvent(world, svc, `(service ${svc.name}) (deployment ${primary.id}) deployment failed: tasks failed to start.`);
  const target = svc.lastCompleted;
  if (cb.rollback && target && target.taskDefinitionArn !== primary.taskDefinitionArn) {
    const d = newDeployment(world, svc, target.taskDefinitionArn, now,
      `ECS deployment circuit breaker: rolling back to deploymentId ${target.deploymentId}.`);
    addServiceEvent(world, svc, `(service ${svc.name}) (deployment ${d.id}) rolling back to deployment ${target.deploymentId}.`);
  }
}
