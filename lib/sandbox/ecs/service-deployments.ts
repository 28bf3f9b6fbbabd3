import { z } from "zod";
import { TRAFFIC_SHIFTING_STRATEGIES } from "../../domain/ecs-facts/service";
import { peek } from "../core/draft";
import { arn, nextRandom, nextSeq, randomDigits, stableHex } from "../core/ids";
import type { Ctx, Deployment, ServiceDeployment, ServiceDeploymentStatus, ServiceRevision, Service, World } from "../core/types";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { ecsError, invalidParameter, serviceNotFound } from "./errors";
import { checkBatch, paginate, parseInput } from "./input";
import { activeCluster, addServiceEvent, peekService } from "./lookups";
import { failureThreshold, newDeployment, peekServiceTasks } from "./scheduler";

// Service deployments and service revisions (ECS's deployment history API): every Create/UpdateService
// that starts a deployment records what it deploys (a revision) and how the deployment goes (a
// service deployment). Rolling deployments are followed here from the scheduler's own deployments;
// blue/green, linear and canary ones are driven by traffic-shift.ts.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-deployment.html

const ACTIVE: readonly ServiceDeploymentStatus[] = ["PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"];
const isActive = (sd: ServiceDeployment) => ACTIVE.includes(sd.status);

const PRE_RUNNING = ["PROVISIONING", "PENDING", "ACTIVATING"];
const ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** URL-safe random characters, as ECS's ids are made of: a service deployment id has 22 (r9i43YFjvgF_xlg7m2eJ1r). */
export function urlSafeId(world: World, length = 22) {
  let out = "";
  for (let i = 0; i < length; i++) out += ID_CHARS[Math.floor(nextRandom(world) * ID_CHARS.length)];
  return out;
}

const serviceNotFoundForDeployment = () => ecsError("ServiceDeploymentNotFoundException", "The service deployment does not exist.");

/**
 * The active service deployments of a service, newest first (for reading only). They are found
 * through the service's scheduler deployments (each knows the service deployment it belongs to),
 * so the scheduler's passes never scan the whole history.
 */
export function activeDeployments(world: World, svc: Service): ServiceDeployment[] {
  const all = peek(world).serviceDeployments;
  const out = new Set<ServiceDeployment>();
  for (const d of svc.deployments) {
    const sd = d.serviceDeploymentArn && Object.hasOwn(all, d.serviceDeploymentArn) ? all[d.serviceDeploymentArn] : undefined;
    if (sd && isActive(sd)) out.add(sd);
  }
  return [...out].sort((a, b) => b.seq - a.seq);
}

/** The earliest time a service deployment wakes up by itself (a bake time or a hook timeout ending). */
export function nextWakeUp(world: World): number {
  let next = Infinity;
  for (const svc of Object.values(peek(world).services)) {
    for (const sd of activeDeployments(world, svc)) if (sd.nextAt !== undefined && sd.nextAt < next) next = sd.nextAt;
  }
  return next;
}

type Json = Record<string, unknown>;

/** The target group each load balancer entry of `svc` serves production from now (the last revision that ran there, else the primary one). */
function productionGroups(world: World, svc: Service, source?: ServiceRevision): string[] {
  return svc.loadBalancers.map((lb, i) => source?.resolvedLoadBalancers[i]?.targetGroupArn ?? (lb.targetGroupArn as string | undefined) ?? "");
}

function newRevision(world: World, svc: Service, d: Deployment, groups: string[], now: number): ServiceRevision {
  const td = Object.values(peek(world).taskDefinitions).flat().find((x) => x.arn === d.taskDefinitionArn);
  const rev: ServiceRevision = {
    arn: arn(world, "ecs", `service-revision/${svc.clusterName}/${svc.name}/${randomDigits(world, 19)}`),
    serviceArn: svc.arn, clusterName: svc.clusterName, taskDefinitionArn: d.taskDefinitionArn,
    launchType: svc.launchType, capacityProviderStrategy: svc.capacityProviderStrategy, platformVersion: svc.platformVersion,
    loadBalancers: svc.loadBalancers, serviceRegistries: svc.serviceRegistries, networkConfiguration: svc.networkConfiguration,
    serviceConnectConfiguration: svc.serviceConnectConfiguration, volumeConfigurations: svc.volumeConfigurations,
    containerImages: ((td?.body.containerDefinitions as Json[] | undefined) ?? []).map((c) => ({ containerName: c.name as string, image: c.image as string })),
    resolvedLoadBalancers: svc.loadBalancers.map((lb, i) => compact({
      targetGroupArn: groups[i], productionListenerRule: (lb.advancedConfiguration as Json | undefined)?.productionListenerRule as string | undefined,
    })),
    createdAt: now,
  };
  world.serviceRevisions[rev.arn] = JSON.parse(JSON.stringify(rev));
  return world.serviceRevisions[rev.arn];
}

/**
 * Records the service deployment that ECS deployment `d` (just made PRIMARY by newDeployment) starts.
 * Blue/green, linear and canary deployments shift traffic only when tasks of an earlier revision
 * are running; a first deployment simply starts its tasks. `supersede` handles a deployment still under way.
 */
export function startServiceDeployment(world: World, ctx: Ctx, svc: Service, d: Deployment, supersede: (sd: ServiceDeployment) => void) {
  for (const old of activeDeployments(world, svc)) supersede(world.serviceDeployments[old.arn]);
  const sources = svc.deployments.filter((x) => x !== d && x.serviceRevisionArn &&
    peekServiceTasks(world, svc).some((t) => t.deploymentId === x.id && t.desiredStatus === "RUNNING"));
  const sourceRevs = sources.map((x) => peek(world).serviceRevisions[x.serviceRevisionArn!]).filter((r) => r !== undefined);
  const strategy = svc.deploymentConfiguration.strategy ?? "ROLLING";
  const shifting = TRAFFIC_SHIFTING_STRATEGIES.includes(strategy) && sourceRevs.length > 0;
  const blue = productionGroups(world, svc, sourceRevs[0]);
  const groups = shifting ? svc.loadBalancers.map((lb, i) => {
    const alternate = (lb.advancedConfiguration as Json | undefined)?.alternateTargetGroupArn as string | undefined;
    return blue[i] === lb.targetGroupArn ? alternate ?? blue[i] : (lb.targetGroupArn as string);
  }) : blue;
  const rev = newRevision(world, svc, d, groups, ctx.now);
  d.serviceRevisionArn = rev.arn;
  const sd: ServiceDeployment = {
    arn: arn(world, "ecs", `service-deployment/${svc.clusterName}/${svc.name}/${urlSafeId(world)}`),
    serviceArn: svc.arn, clusterName: svc.clusterName, seq: nextSeq(world), strategy, shifting, status: "IN_PROGRESS",
    createdAt: ctx.now, startedAt: ctx.now, updatedAt: ctx.now,
    sourceRevisionArns: sourceRevs.map((r) => r.arn), targetRevisionArn: rev.arn,
    ecsDeploymentId: d.id, sourceEcsDeploymentIds: sources.map((x) => x.id),
    deploymentConfiguration: JSON.parse(JSON.stringify(svc.deploymentConfiguration)),
    step: 0, productionWeight: 0, testWeight: 0, hooks: [], failureCount: 0,
  };
  world.serviceDeployments[sd.arn] = sd;
  d.serviceDeploymentArn = sd.arn;
  return world.serviceDeployments[sd.arn];
}

export function finishServiceDeployment(sd: ServiceDeployment, status: ServiceDeploymentStatus, now: number, reason?: string) {
  sd.status = status;
  if (reason) sd.statusReason = reason;
  sd.updatedAt = now;
  if (status === "STOPPED") sd.stoppedAt = now;
  else sd.finishedAt = now;
  delete sd.nextAt;
}

/** Rolling service deployments follow the scheduler's deployments: completed, failed, rolled back by the circuit breaker. */
export function followDeployments(world: World, ctx: Ctx) {
  for (const s of Object.values(peek(world).services)) {
    for (const peeked of activeDeployments(world, s)) {
      const svc = world.services[s.arn];
      const sd = world.serviceDeployments[peeked.arn];
      if (svc.status !== "ACTIVE") {
        finishServiceDeployment(sd, "STOPPED", ctx.now, "The service was deleted.");
        continue;
      }
      if (sd.shifting) continue;
      const ecs = svc.deployments.find((d) => d.id === sd.ecsDeploymentId);
      if (sd.status === "IN_PROGRESS") {
        if (ecs) sd.failureCount = ecs.failedTasks;
        if (!ecs || ecs.rolloutState === "COMPLETED") finishServiceDeployment(sd, "SUCCESSFUL", ctx.now);
        else if (ecs.rolloutState === "FAILED") {
          const primary = svc.deployments[0];
          if (primary !== ecs && /rolling back/.test(primary.rolloutStateReason)) {
            // The circuit breaker's rollback deployment runs the source revision and belongs to this service deployment.
            primary.serviceRevisionArn ??= sd.sourceRevisionArns[0];
            primary.serviceDeploymentArn = sd.arn;
            sd.status = "ROLLBACK_IN_PROGRESS";
            sd.statusReason = ecs.rolloutStateReason;
            sd.rollbackEcsDeploymentId = primary.id;
            sd.rollback = { reason: "Circuit breaker triggered a rollback.", startedAt: ctx.now, serviceRevisionArn: primary.serviceRevisionArn ?? sd.targetRevisionArn };
            sd.updatedAt = ctx.now;
          } else finishServiceDeployment(sd, "STOPPED", ctx.now, ecs.rolloutStateReason);
        }
      } else if (sd.status === "ROLLBACK_IN_PROGRESS" && sd.rollbackEcsDeploymentId) {
        const rb = svc.deployments.find((d) => d.id === sd.rollbackEcsDeploymentId);
        if (!rb || rb.rolloutState === "COMPLETED") finishServiceDeployment(sd, "ROLLBACK_SUCCESSFUL", ctx.now);
        else if (rb.rolloutState === "FAILED") finishServiceDeployment(sd, "ROLLBACK_FAILED", ctx.now, rb.rolloutStateReason);
      }
    }
  }
}

/** A rolling deployment rolled back on request: a new scheduler deployment of the source revision's task definition. */
export function rollBackRolling(world: World, ctx: Ctx, svc: Service, sd: ServiceDeployment, reason: string) {
  const source = sd.sourceRevisionArns[0] ? peek(world).serviceRevisions[sd.sourceRevisionArns[0]] : undefined;
  if (!source) throw ecsError("ConflictException", "The service deployment has no earlier service revision to roll back to.");
  const ecs = svc.deployments.find((d) => d.id === sd.ecsDeploymentId);
  if (ecs) { ecs.rolloutState = "FAILED"; ecs.rolloutStateReason = reason; ecs.updatedAt = ctx.now; }
  const d = newDeployment(world, svc, source.taskDefinitionArn, ctx.now, `ECS deployment rolling back to service revision ${source.arn}.`);
  d.serviceRevisionArn = source.arn;
  d.serviceDeploymentArn = sd.arn;
  addServiceEvent(world, svc, `(service ${svc.name}) (deployment ${d.id}) rolling back to deployment ${ecs?.id ?? sd.ecsDeploymentId}.`);
  sd.status = "ROLLBACK_IN_PROGRESS";
  sd.statusReason = reason;
  sd.rollbackEcsDeploymentId = d.id;
  sd.rollback = { reason, startedAt: ctx.now, serviceRevisionArn: source.arn };
  sd.updatedAt = ctx.now;
}

// Answers.

function revisionSummary(world: World, sd: ServiceDeployment, revArn: string, ecsId: string, target: boolean) {
  const svc = peek(world).services[sd.serviceArn];
  const ecs = svc?.deployments.find((d) => d.id === ecsId);
  const tasks = svc ? peekServiceTasks(world, svc).filter((t) => t.deploymentId === ecsId && t.desiredStatus === "RUNNING") : [];
  const weight = (w: number) => sd.shifting ? Math.round((target ? w : 100 - w) * 10) / 10 : undefined;
  return compact({
    arn: revArn, requestedTaskCount: ecs?.desiredCount ?? 0,
    runningTaskCount: tasks.filter((t) => t.lastStatus === "RUNNING").length,
    pendingTaskCount: tasks.filter((t) => PRE_RUNNING.includes(t.lastStatus)).length,
    requestedTestTrafficWeight: weight(sd.testWeight), requestedProductionTrafficWeight: weight(sd.productionWeight),
  });
}

function circuitBreakerOut(world: World, sd: ServiceDeployment) {
  const cb = sd.deploymentConfiguration.deploymentCircuitBreaker;
  const svc = peek(world).services[sd.serviceArn];
  const threshold = failureThreshold(svc?.desiredCount ?? 0);
  const tripped = sd.failureCount >= threshold && cb.enable;
  const status = !cb.enable ? "DISABLED" : tripped ? "TRIGGERED" : isActive(sd) ? "MONITORING" : "MONITORING_COMPLETE";
  return { status, failureCount: sd.failureCount, threshold };
}

function serviceDeploymentOut(world: World, sd: ServiceDeployment) {
  const clusterArn = arn(world, "ecs", `cluster/${sd.clusterName}`);
  return compact({
    serviceDeploymentArn: sd.arn, serviceArn: sd.serviceArn, clusterArn,
    createdAt: epochSeconds(sd.createdAt), startedAt: epochSeconds(sd.startedAt), finishedAt: epochSeconds(sd.finishedAt),
    stoppedAt: epochSeconds(sd.stoppedAt), updatedAt: epochSeconds(sd.updatedAt),
    sourceServiceRevisions: sd.sourceRevisionArns.map((a, i) => revisionSummary(world, sd, a, sd.sourceEcsDeploymentIds[i], false)),
    targetServiceRevision: revisionSummary(world, sd, sd.targetRevisionArn, sd.ecsDeploymentId, true),
    status: sd.status, statusReason: sd.statusReason, lifecycleStage: sd.lifecycleStage,
    lifecycleHookDetails: sd.shifting ? sd.hooks.map((h) => compact({
      hookId: h.hookId, targetType: h.targetType, targetArn: h.targetArn, status: h.status,
      expiresAt: epochSeconds(h.expiresAt), timeoutAction: h.timeoutAction,
    })) : undefined,
    deploymentConfiguration: sd.deploymentConfiguration,
    rollback: sd.rollback ? { reason: sd.rollback.reason, startedAt: epochSeconds(sd.rollback.startedAt), serviceRevisionArn: sd.rollback.serviceRevisionArn } : undefined,
    deploymentCircuitBreaker: circuitBreakerOut(world, sd),
    alarms: { status: "DISABLED" },
  });
}

function serviceRevisionOut(world: World, rev: ServiceRevision) {
  return compact({
    serviceRevisionArn: rev.arn, serviceArn: rev.serviceArn, clusterArn: arn(world, "ecs", `cluster/${rev.clusterName}`),
    taskDefinition: rev.taskDefinitionArn, capacityProviderStrategy: rev.capacityProviderStrategy.length ? rev.capacityProviderStrategy : undefined,
    launchType: rev.launchType, platformVersion: rev.launchType === "FARGATE" ? rev.platformVersion ?? "LATEST" : undefined,
    loadBalancers: rev.loadBalancers, serviceRegistries: rev.serviceRegistries, networkConfiguration: rev.networkConfiguration,
    containerImages: rev.containerImages.map((c) => ({ ...c, imageDigest: `sha256:${stableHex(c.image, 64)}` })),
    guardDutyEnabled: false, serviceConnectConfiguration: rev.serviceConnectConfiguration, volumeConfigurations: rev.volumeConfigurations,
    createdAt: epochSeconds(rev.createdAt),
    resolvedConfiguration: rev.resolvedLoadBalancers.length ? { loadBalancers: rev.resolvedLoadBalancers } : undefined,
  });
}

// Operations.

const str = z.string();
const STATUSES = ["PENDING", "SUCCESSFUL", "STOPPED", "STOP_REQUESTED", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"] as const;
const ListSchema = z.object({
  cluster: str.optional(), service: str.min(1), status: z.array(z.enum(STATUSES)).optional(),
  createdAt: z.object({ before: z.number().optional(), after: z.number().optional() }).optional(),
  nextToken: str.optional(), maxResults: z.number().int().optional(),
});

export function listServiceDeployments(world: World, raw: unknown) {
  const input = parseInput(ListSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  const svc = peekService(world, cluster.name, input.service);
  if (!svc) throw serviceNotFound();
  const before = input.createdAt?.before !== undefined ? input.createdAt.before * 1000 : Infinity;
  const after = input.createdAt?.after !== undefined ? input.createdAt.after * 1000 : -Infinity;
  const items = Object.values(peek(world).serviceDeployments)
    .filter((sd) => sd.serviceArn === svc.arn && (!input.status?.length || input.status.includes(sd.status)) && sd.createdAt <= before && sd.createdAt >= after)
    .sort((a, b) => b.seq - a.seq);
  const { page, nextToken } = paginate(items, input.nextToken, input.maxResults ?? 20);
  return {
    serviceDeployments: page.map((sd) => compact({
      serviceDeploymentArn: sd.arn, serviceArn: sd.serviceArn, clusterArn: cluster.arn,
      startedAt: epochSeconds(sd.startedAt), createdAt: epochSeconds(sd.createdAt), finishedAt: epochSeconds(sd.finishedAt),
      targetServiceRevisionArn: sd.targetRevisionArn, status: sd.status, statusReason: sd.statusReason,
    })),
    ...(nextToken ? { nextToken } : {}),
  };
}

const arnList = (what: string) => z.array(str).min(1, `${what} cannot be empty.`);

export function describeServiceDeployments(world: World, raw: unknown) {
  const input = parseInput(z.object({ serviceDeploymentArns: arnList("serviceDeploymentArns") }), raw);
  checkBatch(input.serviceDeploymentArns, 20, "serviceDeploymentArns");
  const all = peek(world).serviceDeployments;
  const found = input.serviceDeploymentArns.filter((a) => Object.hasOwn(all, a));
  return {
    serviceDeployments: found.map((a) => serviceDeploymentOut(world, all[a])),
    failures: input.serviceDeploymentArns.filter((a) => !Object.hasOwn(all, a)).map((a) => ({ arn: a, reason: "MISSING" })),
  };
}

export function describeServiceRevisions(world: World, raw: unknown) {
  const input = parseInput(z.object({ serviceRevisionArns: arnList("serviceRevisionArns") }), raw);
  checkBatch(input.serviceRevisionArns, 20, "serviceRevisionArns");
  const all = peek(world).serviceRevisions;
  return {
    serviceRevisions: input.serviceRevisionArns.filter((a) => Object.hasOwn(all, a)).map((a) => serviceRevisionOut(world, all[a])),
    failures: input.serviceRevisionArns.filter((a) => !Object.hasOwn(all, a)).map((a) => ({ arn: a, reason: "MISSING" })),
  };
}

/** A service deployment by ARN, the world's own copy, with its (ACTIVE) service. */
export function serviceDeploymentIn(world: World, ref: string): { sd: ServiceDeployment; svc: Service } {
  if (!/^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service-deployment\/[^/]+\/[^/]+\/[^/]+$/.test(ref)) {
    throw invalidParameter(`Invalid service deployment ARN: ${ref}`);
  }
  if (!Object.hasOwn(peek(world).serviceDeployments, ref)) throw serviceNotFoundForDeployment();
  const sd = world.serviceDeployments[ref];
  const svc = world.services[sd.serviceArn];
  if (!svc) throw serviceNotFoundForDeployment();
  return { sd, svc };
}
