import { z } from "zod";
import { CANARY_PERCENT, LINEAR_STEP_PERCENT, PAUSE_FORBIDDEN_STAGES, TRAFFIC_SHIFTING_STRATEGIES } from "../../domain/ecs-facts/service";
import { peek } from "../core/draft";
import type { Ctx, ElbShape, HookRun, Service, ServiceDeployment, World } from "../core/types";
import { ecsError, invalidParameter } from "./errors";
import { parseInput } from "./input";
import { stopTask } from "./lifecycle";
import { addServiceEvent } from "./lookups";
import { failureThreshold, isHealthy, replaceUnhealthy, serviceTasks, startTasks } from "./scheduler";
import { activeDeployments, finishServiceDeployment, rollBackRolling, serviceDeploymentIn, urlSafeId } from "./service-deployments";

// Blue/green, linear and canary deployments as ECS runs them: the green (target) revision starts
// beside the blue one at full desired count, in the alternate target group; test traffic moves to
// it, then production traffic (at once, in canary or linear steps) by the weights of the listener
// rules' forward actions; after the bake time the blue tasks stop and the green target group is the
// production one for the next deployment. Lifecycle hooks run at their stages: PAUSE hooks wait for
// ContinueServiceDeployment (or their timeout), Lambda hooks answer what the control API's
// setHookOutcome says (SUCCEEDED by default). A failed hook, the circuit breaker or
// StopServiceDeployment roll back: traffic returns to blue and green stops.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html

type Json = Record<string, unknown>;
type Stage =
  | "RECONCILE_SERVICE" | "PRE_SCALE_UP" | "SCALE_UP" | "POST_SCALE_UP" | "TEST_TRAFFIC_SHIFT" | "POST_TEST_TRAFFIC_SHIFT"
  | "PRE_PRODUCTION_TRAFFIC_SHIFT" | "PRODUCTION_TRAFFIC_SHIFT" | "POST_PRODUCTION_TRAFFIC_SHIFT" | "BAKE_TIME" | "CLEAN_UP";

const MINUTE = 60_000;
/** DeploymentLifecycleHookTimeoutConfiguration: timeoutInMinutes defaults to 1440, action to ROLLBACK. */
const DEFAULT_HOOK_TIMEOUT_MINUTES = 1440;
/** "By default this is a 30 second interval" between invocations of a Lambda hook that answered IN_PROGRESS. */
const LAMBDA_CALLBACK_DELAY_MS = 30_000;

const advancedOf = (lb: Json) => lb.advancedConfiguration as Json | undefined;

/** CreateService/UpdateService's checks of a traffic-shifting strategy against the service's load balancers. */
export function checkStrategy(svc: Pick<Service, "deploymentConfiguration" | "loadBalancers" | "serviceConnectConfiguration">) {
  const dc = svc.deploymentConfiguration;
  const strategy = dc.strategy ?? "ROLLING";
  for (const hook of (dc.lifecycleHooks ?? []) as Json[]) {
    const stages = (hook.lifecycleStages as string[] | undefined) ?? [];
    if (hook.targetType === "PAUSE" && stages.some((s) => PAUSE_FORBIDDEN_STAGES.includes(s))) {
      throw invalidParameter("PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages.");
    }
    if ((hook.targetType ?? "AWS_LAMBDA") === "AWS_LAMBDA" && !hook.hookTargetArn) throw invalidParameter("hookTargetArn must be specified for an AWS_LAMBDA lifecycle hook.");
    if (!stages.length) throw invalidParameter("lifecycleStages must be specified for a lifecycle hook.");
  }
  // A service with neither load balancers nor Service Connect may still use these strategies; it
  // gets the stages without managed traffic shifting ("Required resources for Amazon ECS
  // blue/green deployments"). A load balancer without an alternate target group cannot shift.
  if (!TRAFFIC_SHIFTING_STRATEGIES.includes(strategy)) return;
  for (const lb of svc.loadBalancers) {
    const adv = advancedOf(lb);
    if (!adv?.alternateTargetGroupArn || !adv.productionListenerRule) {
      throw invalidParameter(`The ${strategy} deployment strategy requires advancedConfiguration with alternateTargetGroupArn and productionListenerRule for each load balancer.`);
    }
    for (const key of ["productionListenerRule", "testListenerRule"] as const) {
      const ref = adv[key] as string | undefined;
      if (ref && /:listener\/app\//.test(ref)) throw invalidParameter(`${key} has an invalid ARN format. Must be RuleArn for ALB or ListenerArn for NLB. Got: ${ref}`);
    }
    if (adv.testListenerRule && adv.testListenerRule === adv.productionListenerRule) {
      throw invalidParameter(`The following rules cannot be used as both production and test listener rules: ${adv.productionListenerRule as string}`);
    }
    if (adv.alternateTargetGroupArn === lb.targetGroupArn) throw invalidParameter("The alternate target group must be different from the target group of the load balancer.");
  }
}

/** The production traffic steps, in percent on green: all at once, canaryPercent then 100, or stepPercent at a time. */
function steps(sd: ServiceDeployment): number[] {
  const dc = sd.deploymentConfiguration;
  if (sd.strategy === "CANARY") {
    const p = Number((dc.canaryConfiguration as Json | undefined)?.canaryPercent ?? CANARY_PERCENT.default);
    return p >= 100 ? [100] : [p, 100];
  }
  if (sd.strategy === "LINEAR") {
    const p = Number((dc.linearConfiguration as Json | undefined)?.stepPercent ?? LINEAR_STEP_PERCENT.default);
    const out: number[] = [];
    for (let k = 1; Math.round(k * p * 10) / 10 < 100; k++) out.push(Math.round(k * p * 10) / 10);
    return [...out, 100];
  }
  return [100];
}

/** Minutes to wait after production traffic step `i` (not after the last one). */
function stepBake(sd: ServiceDeployment, i: number): number {
  if (i >= steps(sd).length - 1) return 0;
  const dc = sd.deploymentConfiguration;
  if (sd.strategy === "CANARY") return Number((dc.canaryConfiguration as Json | undefined)?.canaryBakeTimeInMinutes ?? CANARY_PERCENT.bakeDefault);
  if (sd.strategy === "LINEAR") return Number((dc.linearConfiguration as Json | undefined)?.stepBakeTimeInMinutes ?? LINEAR_STEP_PERCENT.bakeDefault);
  return 0;
}

// Traffic: the forward action of a listener rule (or an NLB listener's default rule) between blue and green.

/** ELBv2 weights for a green share: whole percent, or per mille for tenths (ELBv2 weights are 0–999). */
function weights(green: number): [number, number] {
  if (Number.isInteger(green)) return [100 - green, green];
  const g = Math.round(green * 10);
  return [1000 - g, g];
}

function writeWeights(world: World, now: number, ruleRef: string | undefined, blue: string, green: string, greenShare: number) {
  if (!ruleRef || !blue || !green || blue === green) return;
  const listener = peek(world).listeners[ruleRef];
  const ruleArn = listener ? listener.defaultRuleArn : ruleRef;
  if (!Object.hasOwn(peek(world).rules, ruleArn)) return;
  const rule = world.rules[ruleArn];
  const [wb, wg] = weights(greenShare);
  rule.actions = rule.actions.map((a): ElbShape => {
    if (a.Type !== "forward") return a;
    const { TargetGroupArn: _one, ...rest } = a;
    const config = (a.ForwardConfig as Json | undefined) ?? {};
    return { ...rest, ForwardConfig: { ...config, TargetGroups: [{ TargetGroupArn: blue, Weight: wb }, { TargetGroupArn: green, Weight: wg }] } };
  });
  if (rule.priority === undefined) world.listeners[rule.listenerArn].defaultActions = rule.actions;
  for (const tg of [blue, green]) if (Object.hasOwn(peek(world).targetGroups, tg) && peek(world).targetGroups[tg].inUseSince === undefined) world.targetGroups[tg].inUseSince = now;
}

function shiftTraffic(world: World, ctx: Ctx, svc: Service, sd: ServiceDeployment) {
  const source = sd.sourceRevisionArns[0] ? peek(world).serviceRevisions[sd.sourceRevisionArns[0]] : undefined;
  const target = peek(world).serviceRevisions[sd.targetRevisionArn];
  svc.loadBalancers.forEach((lb, i) => {
    const adv = advancedOf(lb);
    const blue = source?.resolvedLoadBalancers[i]?.targetGroupArn ?? "";
    const green = target?.resolvedLoadBalancers[i]?.targetGroupArn ?? "";
    writeWeights(world, ctx.now, adv?.productionListenerRule as string | undefined, blue, green, sd.productionWeight);
    writeWeights(world, ctx.now, adv?.testListenerRule as string | undefined, blue, green, sd.testWeight);
  });
}

// Tasks of each colour.

const liveOf = (world: World, svc: Service, ids: string[]) => serviceTasks(world, svc).filter((t) => t.deploymentId !== undefined && ids.includes(t.deploymentId) && t.desiredStatus === "RUNNING");

function stopColour(world: World, ctx: Ctx, svc: Service, ids: string[], deploymentId: string) {
  const tasks = liveOf(world, svc, ids);
  const stopped = tasks.filter((t) => stopTask(world, ctx, t, { stopCode: "ServiceSchedulerInitiated", reason: `Scaling activity initiated by (deployment ${deploymentId})` }));
  if (stopped.length) addServiceEvent(world, svc, `(service ${svc.name}) has stopped ${stopped.length} running tasks: ${stopped.map((t) => `(task ${t.id})`).join(" ")}.`);
}

/** Keeps `count` tasks of ECS deployment `id` running (replacing failed ones), as the scheduler does for one deployment. */
function keep(world: World, ctx: Ctx, svc: Service, id: string, count: number) {
  const d = svc.deployments.find((x) => x.id === id);
  if (!d) return;
  d.desiredCount = count;
  const live = liveOf(world, svc, [id]);
  if (live.length < count) startTasks(world, ctx, svc, d, count - live.length);
}

// Stages.

function enter(world: World, ctx: Ctx, svc: Service, sd: ServiceDeployment, stage: Stage) {
  sd.lifecycleStage = stage;
  sd.stageStartedAt = ctx.now;
  sd.updatedAt = ctx.now;
  // Both groups go on the rules from the start (green at weight 0), so green's targets are health checked before traffic reaches them.
  if (stage === "SCALE_UP") shiftTraffic(world, ctx, svc, sd);
  if (stage === "TEST_TRAFFIC_SHIFT") { sd.testWeight = 100; shiftTraffic(world, ctx, svc, sd); }
  if (stage === "PRODUCTION_TRAFFIC_SHIFT") { sd.productionWeight = steps(sd)[sd.step]; shiftTraffic(world, ctx, svc, sd); }
  if (stage === "CLEAN_UP") stopColour(world, ctx, svc, sd.sourceEcsDeploymentIds, sd.ecsDeploymentId);
  if (stage === "RECONCILE_SERVICE") stopColour(world, ctx, svc, sd.sourceEcsDeploymentIds.slice(1), sd.ecsDeploymentId);
  for (const hook of (sd.deploymentConfiguration.lifecycleHooks ?? []) as Json[]) {
    if (!((hook.lifecycleStages as string[] | undefined) ?? []).includes(stage)) continue;
    const type = hook.targetType === "PAUSE" ? "PAUSE" : "AWS_LAMBDA";
    const timeout = hook.timeoutConfiguration as Json | undefined;
    // Pause hook ids look like ecs-pause-e7tK9G_WRJqNF_EOMjztDXfKenlJuEUVjsNStf4WLKw ("Pause hooks for Amazon ECS
    // service deployments"); the Lambda hooks' prefix is ours.
    const run: HookRun = { hookId: `ecs-${type === "PAUSE" ? "pause" : "lambda"}-${urlSafeId(world, 43)}`, stage, targetType: type, status: "IN_PROGRESS" };
    run.expiresAt = ctx.now + Number(timeout?.timeoutInMinutes ?? DEFAULT_HOOK_TIMEOUT_MINUTES) * MINUTE;
    run.timeoutAction = timeout?.action === "CONTINUE" ? "CONTINUE" : "ROLLBACK";
    if (type === "PAUSE") run.status = "AWAITING_ACTION";
    else {
      run.targetArn = hook.hookTargetArn as string;
      invoke(world, ctx, run);
    }
    sd.hooks.push(run);
  }
}

/**
 * A Lambda hook's invocation: what `setHookOutcome` says for its function (SUCCEEDED when nothing
 * does). IN_PROGRESS means "ask again": ECS invokes the function again after 30 s (the default
 * callBackDelay), until the hook's timeout.
 */
function invoke(world: World, ctx: Ctx, run: HookRun) {
  const outcomes = peek(world).hookOutcomes;
  const outcome = run.targetArn && Object.hasOwn(outcomes, run.targetArn) ? outcomes[run.targetArn].outcome : "SUCCEEDED";
  run.status = outcome;
  if (outcome === "IN_PROGRESS") run.pollAt = ctx.now + LAMBDA_CALLBACK_DELAY_MS;
  else delete run.pollAt;
}

/** The stage after `stage`, or undefined once CLEAN_UP is done. */
function nextStage(sd: ServiceDeployment, stage: Stage): Stage | undefined {
  switch (stage) {
    case "RECONCILE_SERVICE": return "PRE_SCALE_UP";
    case "PRE_SCALE_UP": return "SCALE_UP";
    case "SCALE_UP": return "POST_SCALE_UP";
    case "POST_SCALE_UP": return "TEST_TRAFFIC_SHIFT";
    case "TEST_TRAFFIC_SHIFT": return "POST_TEST_TRAFFIC_SHIFT";
    case "POST_TEST_TRAFFIC_SHIFT": return "PRE_PRODUCTION_TRAFFIC_SHIFT";
    case "PRE_PRODUCTION_TRAFFIC_SHIFT": return "PRODUCTION_TRAFFIC_SHIFT";
    case "PRODUCTION_TRAFFIC_SHIFT":
      if (sd.step < steps(sd).length - 1) { sd.step++; return "PRE_PRODUCTION_TRAFFIC_SHIFT"; }
      return "POST_PRODUCTION_TRAFFIC_SHIFT";
    case "POST_PRODUCTION_TRAFFIC_SHIFT": return "BAKE_TIME";
    case "BAKE_TIME": return "CLEAN_UP";
    case "CLEAN_UP": return undefined;
  }
}

/** Whether the stage's own work is done at `now`; else when to look again (a bake ending), if time alone ends it. */
function stageDone(world: World, ctx: Ctx, svc: Service, sd: ServiceDeployment): { done: boolean; at?: number } {
  const since = sd.stageStartedAt ?? ctx.now;
  switch (sd.lifecycleStage as Stage) {
    case "SCALE_UP": {
      const green = liveOf(world, svc, [sd.ecsDeploymentId]);
      return { done: green.length >= svc.desiredCount && green.every(isHealthy) };
    }
    case "PRODUCTION_TRAFFIC_SHIFT": {
      const at = since + stepBake(sd, sd.step) * MINUTE;
      return { done: ctx.now >= at, at };
    }
    case "BAKE_TIME": {
      const at = since + (sd.deploymentConfiguration.bakeTimeInMinutes ?? 0) * MINUTE;
      return { done: ctx.now >= at, at };
    }
    case "CLEAN_UP":
      return { done: serviceTasks(world, svc).every((t) => !sd.sourceEcsDeploymentIds.includes(t.deploymentId ?? "") || t.lastStatus === "STOPPED") };
    default:
      return { done: true };
  }
}

/** Moves the deployment through its stages as far as it can go now. */
function advanceStages(world: World, ctx: Ctx, svc: Service, sd: ServiceDeployment) {
  sd.nextAt = undefined;
  // A linear deployment of 3 % steps without bake times passes ~70 stages at one instant.
  for (let guard = 0; guard < 512; guard++) {
    const current = sd.hooks.filter((h) => h.stage === sd.lifecycleStage);
    for (const h of current) {
      if (h.status === "IN_PROGRESS" && h.pollAt !== undefined && ctx.now >= h.pollAt) invoke(world, ctx, h);
      if ((h.status === "AWAITING_ACTION" || h.status === "IN_PROGRESS") && h.expiresAt !== undefined && ctx.now >= h.expiresAt) {
        h.status = "TIMED_OUT";
        delete h.pollAt;
        if (h.timeoutAction === "ROLLBACK") return rollBack(world, ctx, svc, sd, `Lifecycle hook ${h.hookId} timed out at ${h.stage}.`);
      }
    }
    const failed = current.find((h) => h.status === "FAILED");
    if (failed) return rollBack(world, ctx, svc, sd, `Lifecycle hook ${failed.targetArn ?? failed.hookId} failed at ${failed.stage}.`);
    const waiting = current.filter((h) => h.status === "AWAITING_ACTION" || h.status === "IN_PROGRESS");
    if (waiting.length) {
      const at = Math.min(...waiting.map((h) => Math.min(h.expiresAt ?? Infinity, h.pollAt ?? Infinity)));
      if (Number.isFinite(at)) sd.nextAt = at;
      return;
    }
    const { done, at } = stageDone(world, ctx, svc, sd);
    if (!done) { if (at !== undefined) sd.nextAt = at; return; }
    const next = nextStage(sd, sd.lifecycleStage as Stage);
    if (!next) {
      finishServiceDeployment(sd, "SUCCESSFUL", ctx.now);
      svc.deployments = svc.deployments.filter((d) => !sd.sourceEcsDeploymentIds.includes(d.id));
      return;
    }
    enter(world, ctx, svc, sd, next);
  }
}

/** Starts a traffic-shifting deployment at its first stage. */
export function beginShift(world: World, ctx: Ctx, svc: Service, sd: ServiceDeployment) {
  enter(world, ctx, svc, sd, sd.sourceEcsDeploymentIds.length > 1 ? "RECONCILE_SERVICE" : "PRE_SCALE_UP");
}

/** Traffic back to blue, green stopped, blue PRIMARY again; `final` STOPPED ends it there (a newer deployment took over). */
function rollBack(world: World, ctx: Ctx, svc: Service, sd: ServiceDeployment, reason: string, final?: "STOPPED") {
  sd.productionWeight = 0;
  sd.testWeight = 0;
  sd.nextAt = undefined;
  shiftTraffic(world, ctx, svc, sd);
  const green = svc.deployments.find((d) => d.id === sd.ecsDeploymentId);
  const blue = svc.deployments.find((d) => d.id === sd.sourceEcsDeploymentIds[0]);
  if (final) {
    // Blue stays the production source of the deployment that takes over.
    if (blue && green) svc.deployments = svc.deployments.filter((d) => d !== blue).flatMap((d) => d === green ? [blue, d] : [d]);
    finishServiceDeployment(sd, final, ctx.now, reason);
    return;
  }
  stopColour(world, ctx, svc, [sd.ecsDeploymentId], sd.ecsDeploymentId);
  if (green) { green.rolloutState = "FAILED"; green.rolloutStateReason = reason; green.updatedAt = ctx.now; green.status = "ACTIVE"; green.desiredCount = 0; }
  if (blue) {
    blue.status = "PRIMARY";
    svc.deployments = [blue, ...svc.deployments.filter((d) => d !== blue)];
    svc.taskDefinitionArn = blue.taskDefinitionArn;
    addServiceEvent(world, svc, `(service ${svc.name}) (deployment ${green?.id ?? sd.ecsDeploymentId}) deployment failed: ${reason}`);
    addServiceEvent(world, svc, `(service ${svc.name}) (deployment ${green?.id ?? sd.ecsDeploymentId}) rolling back to deployment ${blue.id}.`);
  }
  sd.status = "ROLLBACK_IN_PROGRESS";
  sd.statusReason = reason;
  sd.rollback = { reason, startedAt: ctx.now, serviceRevisionArn: sd.sourceRevisionArns[0] };
  sd.updatedAt = ctx.now;
  svc.steady = false;
}

/** The active traffic-shifting deployment of a service, the world's own copy. */
function activeShift(world: World, svc: Service): ServiceDeployment | undefined {
  const sd = activeDeployments(world, svc).find((x) => x.shifting);
  return sd && world.serviceDeployments[sd.arn];
}

/** The scheduler's pass for a service under a traffic-shifting deployment (the rolling one otherwise: false). */
export function reconcileShifting(world: World, ctx: Ctx, svc: Service): boolean {
  if (svc.status !== "ACTIVE") return false;
  const sd = activeShift(world, svc);
  if (!sd) return false;
  replaceUnhealthy(world, ctx, svc);
  const green = svc.deployments.find((d) => d.id === sd.ecsDeploymentId);
  if (sd.status === "IN_PROGRESS") {
    if (green) sd.failureCount = green.failedTasks;
    const cb = sd.deploymentConfiguration.deploymentCircuitBreaker;
    if (cb.enable && sd.failureCount >= failureThreshold(svc.desiredCount)) {
      rollBack(world, ctx, svc, sd, "ECS deployment circuit breaker: tasks failed to start.");
    } else {
      const blueKept = sd.lifecycleStage !== "CLEAN_UP";
      if (blueKept && sd.sourceEcsDeploymentIds[0]) keep(world, ctx, svc, sd.sourceEcsDeploymentIds[0], svc.desiredCount);
      if (sd.lifecycleStage !== "RECONCILE_SERVICE" && sd.lifecycleStage !== "PRE_SCALE_UP") keep(world, ctx, svc, sd.ecsDeploymentId, svc.desiredCount);
      advanceStages(world, ctx, svc, sd);
      if (sd.lifecycleStage === "SCALE_UP" && sd.status === "IN_PROGRESS") keep(world, ctx, svc, sd.ecsDeploymentId, svc.desiredCount);
    }
  }
  if (sd.status === "ROLLBACK_IN_PROGRESS") {
    if (sd.sourceEcsDeploymentIds[0]) keep(world, ctx, svc, sd.sourceEcsDeploymentIds[0], svc.desiredCount);
    const greenLeft = serviceTasks(world, svc).some((t) => t.deploymentId === sd.ecsDeploymentId && t.lastStatus !== "STOPPED");
    if (!greenLeft) {
      finishServiceDeployment(sd, "ROLLBACK_SUCCESSFUL", ctx.now);
      svc.deployments = svc.deployments.filter((d) => d.id !== sd.ecsDeploymentId);
      return false;
    }
  }
  return sd.status !== "SUCCESSFUL";
}

/** What a newer deployment does to one still under way: a shifting one gives traffic back to blue and stops. */
export function supersede(world: World, ctx: Ctx, svc: Service) {
  return (sd: ServiceDeployment) => {
    const reason = "The service deployment was superseded by a newer one.";
    if (!sd.shifting) return finishServiceDeployment(sd, "STOPPED", ctx.now, reason);
    rollBack(world, ctx, svc, sd, reason, "STOPPED");
  };
}

// Operations.

const str = z.string();

export function continueServiceDeployment(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(z.object({ serviceDeploymentArn: str.min(1), hookId: str.min(1), action: z.enum(["CONTINUE", "ROLLBACK"]).optional() }), raw);
  const { sd, svc } = serviceDeploymentIn(world, input.serviceDeploymentArn);
  const hook = sd.hooks.find((h) => h.hookId === input.hookId);
  if (!hook) throw invalidParameter(`The lifecycle hook ${input.hookId} was not found in the service deployment.`);
  if (sd.status !== "IN_PROGRESS" || hook.status !== "AWAITING_ACTION" || hook.stage !== sd.lifecycleStage) {
    throw invalidParameter(`The service deployment is not paused at lifecycle hook ${input.hookId}.`);
  }
  if (input.action === "ROLLBACK") {
    hook.status = "FAILED";
    rollBack(world, ctx, svc, sd, `Rolled back by ContinueServiceDeployment at lifecycle hook ${hook.hookId} (${hook.stage}).`);
  } else {
    hook.status = "SUCCEEDED";
    sd.updatedAt = ctx.now;
  }
  return { serviceDeploymentArn: sd.arn };
}

export function stopServiceDeployment(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(z.object({ serviceDeploymentArn: str.min(1), stopType: z.enum(["ABORT", "ROLLBACK"]).optional() }), raw);
  const { sd, svc } = serviceDeploymentIn(world, input.serviceDeploymentArn);
  if (input.stopType === "ABORT") throw invalidParameter("The stopType ABORT is not supported. The valid value is ROLLBACK.");
  if (sd.status === "ROLLBACK_REQUESTED" || sd.status === "ROLLBACK_IN_PROGRESS") return { serviceDeploymentArn: sd.arn };
  if (sd.status !== "IN_PROGRESS" && sd.status !== "PENDING") {
    throw ecsError("ConflictException", `The service deployment cannot be stopped in its current state: ${sd.status}.`);
  }
  const reason = "Service deployment rolled back because of a StopServiceDeployment request.";
  if (sd.shifting) rollBack(world, ctx, svc, sd, reason);
  else rollBackRolling(world, ctx, svc, sd, reason);
  return { serviceDeploymentArn: sd.arn };
}
