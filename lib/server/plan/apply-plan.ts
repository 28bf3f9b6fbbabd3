import { realPacerClock, toAwsFailure, type AutoScalingPort, type AwsFailure, type EcsPort, type Elbv2Port, type PacerClock, type SchedulerPort } from "../../aws";
import { familyOf, listenerRuleRef, targetGroupRef } from "../../domain/design";
import {
  CLUSTER_REF, clientTokenFor, normaliseTaskDefinition, canonical, listenerRef, loadBalancerRef, resolveRefs, resolveResourceLabel, type EcsCall, type PlanCall, type Plan, type PlanStep,
} from "../../domain/plan";
import { isMissingTaskDefinition } from "./read-live-state";

export type ApplyProgress =
  | { type: "call"; step: PlanStep; call: PlanCall }
  | { type: "step-done"; step: PlanStep }
  | { type: "waiting"; step: PlanStep; message: string };

export type ApplyResult =
  | { ok: true; done: string[] }
  | { ok: false; done: string[]; failedStep: string; failedCall: PlanCall; error: AwsFailure };

export type ApplyOptions = {
  onProgress?: (p: ApplyProgress) => void;
  clock?: PacerClock;
  /** How long a replace waits for the old service to become INACTIVE before creating the new one. */
  replaceTimeoutMs?: number;
  /** How long a cluster delete waits for the cluster's services and tasks to be gone. */
  clusterDrainTimeoutMs?: number;
  /** Pause between polls while waiting (default 5 s). */
  pollMs?: number;
  /**
   * Scope of the idempotency tokens (the apply's id): every CreateService then carries a token
   * derived from it, the step and the input, so the same call of the same apply, retried or
   * resumed, is the same request to ECS and never creates a second service.
   */
  tokenScope?: string;
  /**
   * Awaited before every call; a rejection stops the apply there and is the rejection of
   * `applyPlan` (the server's apply runner checks that it still owns the apply).
   */
  beforeCall?: (step: PlanStep, call: PlanCall) => Promise<void>;
  /** Elastic Load Balancing, for plans with target groups, load balancers and listeners. */
  elbv2?: Elbv2Port;
  /** Application Auto Scaling, for plans with scaled services. */
  autoscaling?: AutoScalingPort;
  /** EventBridge Scheduler, for plans with scheduled tasks. */
  scheduler?: SchedulerPort;
};

type Json = Record<string, unknown>;

/**
 * Runs the plan's calls in its order (clusters, task definitions, target groups, load balancers,
 * listeners, services, deletes) and stops at the first error: the caller gets the failed step,
 * AWS's message and what was done, and a new plan against the account then shows only what is
 * left. References to ELBv2 resources the plan creates (`targetgroup/<name>`, …) are replaced
 * by the ARNs the calls that created them returned, in later ELBv2 inputs and in services'
 * load balancers.
 */
export async function applyPlan(ecs: EcsPort, plan: Plan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const clock = opts.clock ?? realPacerClock;
  const registered: Record<string, string> = {};
  const refs = new Map<string, string>();
  const done: string[] = [];
  for (const step of plan.steps) {
    if (step.calls.length === 0) continue;
    for (const [i, planned] of step.calls.entries()) {
      const call = planned.service === "elbv2"
        ? { ...planned, input: resolveRefs(planned.input, refs) }
        : planned.service === "autoscaling" ? resolveScaling(planned, refs)
          : planned.service === "scheduler" ? planned
            : resolve(planned, registered, refs, opts.tokenScope ?? plan.designId, step, Boolean(opts.tokenScope));
      await opts.beforeCall?.(step, call);
      opts.onProgress?.({ type: "call", step, call });
      try {
        if (call.service === "elbv2") {
          if (!opts.elbv2) throw Object.assign(new Error(`${call.operation} needs an ELBv2 client, and this apply has none`), { name: "ConfigurationError" });
          const elbv2 = opts.elbv2;
          const result = call.operation === "DeleteTargetGroup"
            ? await whileInUse(() => invokeElbv2(elbv2, call), clock, {
              timeoutMs: IN_USE_GRACE_MS, pollMs: opts.pollMs ?? 5000,
              onWaiting: () => opts.onProgress?.({ type: "waiting", step, message: `waiting for the listeners of deleted load balancers to let go of target group ${step.name}` }),
            })
            : await invokeElbv2(elbv2, call);
          await remember(elbv2, step, call, result, refs);
          continue;
        }
        if (call.service === "scheduler") {
          if (!opts.scheduler) throw Object.assign(new Error(`${call.operation} needs an EventBridge Scheduler client, and this apply has none`), { name: "ConfigurationError" });
          await invokeScheduler(opts.scheduler, await resolveSchedule(ecs, call, registered));
          continue;
        }
        if (call.service === "autoscaling") {
          if (!opts.autoscaling) throw Object.assign(new Error(`${call.operation} needs an Application Auto Scaling client, and this apply has none`), { name: "ConfigurationError" });
          await invokeAutoScaling(opts.autoscaling, call);
          continue;
        }
        const previous = step.calls[i - 1];
        if (call.operation === "CreateService" && previous?.operation === "DeleteService" && previous.input.service === call.input.serviceName) {
          opts.onProgress?.({ type: "waiting", step, message: `waiting for ${call.input.serviceName} to finish draining` });
          await waitUntilGone(ecs, String(call.input.cluster), String(call.input.serviceName), clock, opts.replaceTimeoutMs ?? 10 * 60_000, opts.pollMs ?? 5000);
        }
        const result = call.operation === "DeleteCluster"
          ? await deleteClusterWhenEmpty(ecs, String(call.input.cluster), clock, {
            timeoutMs: opts.clusterDrainTimeoutMs ?? 10 * 60_000, pollMs: opts.pollMs ?? 5000,
            onWaiting: (message) => opts.onProgress?.({ type: "waiting", step, message }),
          })
          : await invoke(ecs, call);
        if (call.operation === "RegisterTaskDefinition") registered[String(call.input.family)] = String(result);
      } catch (err) {
        return { ok: false, done, failedStep: step.key, failedCall: call, error: toAwsFailure(err) };
      }
    }
    done.push(step.key);
    opts.onProgress?.({ type: "step-done", step });
  }
  return { ok: true, done };
}

/**
 * Services follow the revision actually registered, which differs from the planned one if
 * someone registered in between; a CreateService's token follows its input (and the apply's
 * scope when there is one).
 */
function resolve(call: EcsCall, registered: Record<string, string>, refs: ReadonlyMap<string, string>, scope: string, step: PlanStep, scoped: boolean): EcsCall {
  if (call.operation !== "CreateService" && call.operation !== "UpdateService") return call;
  const ref = call.input.taskDefinition;
  const actual = typeof ref === "string" ? registered[familyOf(ref)] : undefined;
  const loadBalancers = call.input.loadBalancers === undefined ? undefined : resolveRefs(call.input.loadBalancers, refs);
  const relinked = loadBalancers !== undefined && canonical(loadBalancers) !== canonical(call.input.loadBalancers);
  const retarget = Boolean(actual && actual !== ref) || relinked;
  if (!retarget && !(scoped && call.operation === "CreateService")) return call;
  const input: Json = { ...call.input, ...(actual && actual !== ref ? { taskDefinition: actual } : {}), ...(relinked ? { loadBalancers } : {}) };
  if (call.operation === "CreateService") input.clientToken = clientTokenFor(scope, scoped ? step.key : step.name, input);
  return { operation: call.operation, input };
}

type SchedulerCall = Extract<PlanCall, { service: "scheduler" }>;

/**
 * A schedule's target names its cluster and task definition by ARN: the plan's `ecs-cluster:<name>`
 * and `family:revision` (or the revision this apply registered) become the ARNs ECS answers.
 */
async function resolveSchedule(ecs: EcsPort, call: SchedulerCall, registered: Record<string, string>): Promise<SchedulerCall> {
  if (call.operation !== "CreateSchedule" && call.operation !== "UpdateSchedule") return call;
  const target = call.input.Target as Json;
  const params = target.EcsParameters as Json | undefined;
  let arn = String(target.Arn);
  if (arn.startsWith(CLUSTER_REF)) {
    const name = arn.slice(CLUSTER_REF.length);
    const found = (await ecs.describeClusters({ clusters: [name] })).clusters.find((c) => c.clusterName === name && c.status === "ACTIVE");
    if (!found?.clusterArn) throw Object.assign(new Error(`Cluster ${name} does not exist: the schedule cannot name it`), { name: "ClusterNotFoundException" });
    arn = found.clusterArn;
  }
  let td = params ? String(params.TaskDefinitionArn) : "";
  if (params && !td.startsWith("arn:")) {
    const ref = registered[familyOf(td)] ?? td;
    td = ref.startsWith("arn:") ? ref : (await ecs.describeTaskDefinition({ taskDefinition: ref })).taskDefinition?.taskDefinitionArn ?? ref;
  }
  return { ...call, input: { ...call.input, Target: { ...target, Arn: arn, ...(params ? { EcsParameters: { ...params, TaskDefinitionArn: td } } : {}) } } };
}

async function invokeScheduler(scheduler: SchedulerPort, call: SchedulerCall): Promise<unknown> {
  // Plans are JSON: the SDK takes the dates as Dates.
  const i = call.input;
  const dates = { ...(i.StartDate !== undefined ? { StartDate: new Date(String(i.StartDate)) } : {}), ...(i.EndDate !== undefined ? { EndDate: new Date(String(i.EndDate)) } : {}) };
  const input = { ...i, ...dates } as never;
  switch (call.operation) {
    case "CreateScheduleGroup": return scheduler.createScheduleGroup(input);
    case "CreateSchedule": return scheduler.createSchedule(input);
    case "UpdateSchedule": return scheduler.updateSchedule(input);
    case "DeleteSchedule": return scheduler.deleteSchedule(input);
  }
}

type ScalingCall = Extract<PlanCall, { service: "autoscaling" }>;

/** An ALBRequestCountPerTarget resource label made from the ARNs of a load balancer and target group this apply created. */
function resolveScaling(call: ScalingCall, refs: ReadonlyMap<string, string>): ScalingCall {
  const tt = call.input.TargetTrackingScalingPolicyConfiguration as Json | undefined;
  const pre = tt?.PredefinedMetricSpecification as Json | undefined;
  if (typeof pre?.ResourceLabel !== "string") return call;
  const label = resolveResourceLabel(pre.ResourceLabel, refs);
  return label === pre.ResourceLabel ? call : { ...call, input: { ...call.input, TargetTrackingScalingPolicyConfiguration: { ...tt, PredefinedMetricSpecification: { ...pre, ResourceLabel: label } } } };
}

async function invokeAutoScaling(aas: AutoScalingPort, call: ScalingCall): Promise<unknown> {
  const input = call.input as never;
  switch (call.operation) {
    case "RegisterScalableTarget": return aas.registerScalableTarget(input);
    case "DeregisterScalableTarget": return aas.deregisterScalableTarget(input);
    case "PutScalingPolicy": return aas.putScalingPolicy(input);
    case "DeleteScalingPolicy": return aas.deleteScalingPolicy(input);
    case "DeleteScheduledAction": return aas.deleteScheduledAction(input);
    case "PutScheduledAction": {
      // Plans are JSON: the SDK takes the times as Dates.
      const time = (v: unknown) => (v === undefined ? undefined : new Date(String(v)));
      const i = call.input;
      return aas.putScheduledAction({ ...i, ...(i.StartTime !== undefined ? { StartTime: time(i.StartTime) } : {}), ...(i.EndTime !== undefined ? { EndTime: time(i.EndTime) } : {}) } as never);
    }
  }
}

async function invokeElbv2(elbv2: Elbv2Port, call: Extract<PlanCall, { service: "elbv2" }>): Promise<unknown> {
  const input = call.input as never;
  switch (call.operation) {
    case "CreateTargetGroup": return elbv2.createTargetGroup(input);
    case "ModifyTargetGroup": return elbv2.modifyTargetGroup(input);
    case "ModifyTargetGroupAttributes": return elbv2.modifyTargetGroupAttributes(input);
    case "DeleteTargetGroup": return elbv2.deleteTargetGroup(input);
    case "CreateLoadBalancer": return elbv2.createLoadBalancer(input);
    case "SetSubnets": return elbv2.setSubnets(input);
    case "SetSecurityGroups": return elbv2.setSecurityGroups(input);
    case "DeleteLoadBalancer": return elbv2.deleteLoadBalancer(input);
    case "CreateListener": return elbv2.createListener(input);
    case "ModifyListener": return elbv2.modifyListener(input);
    case "DeleteListener": return elbv2.deleteListener(input);
    case "CreateRule": return createRuleOnce(elbv2, call.input);
    case "ModifyRule": return elbv2.modifyRule(input);
    case "DeleteRule": return elbv2.deleteRule(input);
    case "AddTags": return elbv2.addTags(input);
    case "RemoveTags": return elbv2.removeTags(input);
  }
}

/**
 * CreateRule is the one ELBv2 create that is not idempotent: a retry after an answer that got
 * lost (or a plan applied twice) meets PriorityInUse. When the rule holding the priority carries
 * the very tags this call gives (stevedore:design and stevedore:id), it is this call's rule: it is
 * brought to the input's conditions and actions and used. Anyone else's rule keeps the refusal.
 */
async function createRuleOnce(elbv2: Elbv2Port, input: Json): Promise<unknown> {
  try {
    return await elbv2.createRule(input as never);
  } catch (err) {
    if (!(err instanceof Error && err.name === "PriorityInUseException")) throw err;
    const rules = await elbv2.describeRules({ listenerArn: String(input.ListenerArn) });
    const held = rules.find((r) => r.Priority === String(input.Priority));
    const want = (input.Tags as { Key: string; Value: string }[] | undefined) ?? [];
    const tags = held?.RuleArn ? (await elbv2.describeTags({ resourceArns: [held.RuleArn] }))[0]?.Tags ?? [] : [];
    if (!held?.RuleArn || want.length === 0 || !want.every((t) => tags.some((x) => x.Key === t.Key && x.Value === t.Value))) throw err;
    return elbv2.modifyRule({ RuleArn: held.RuleArn, Conditions: input.Conditions, Actions: input.Actions } as never);
  }
}

/** How long a target group delete waits for ELBv2 to let go of it. */
const IN_USE_GRACE_MS = 60_000;

/**
 * ELBv2 refuses DeleteTargetGroup (ResourceInUse) while a listener or rule still forwards to the
 * group, which for a short while includes those of a load balancer just deleted: retried until
 * the deadline, then AWS's refusal stands.
 */
async function whileInUse<T>(call: () => Promise<T>, clock: PacerClock, opts: { timeoutMs: number; pollMs: number; onWaiting: () => void }): Promise<T> {
  const deadline = clock.now() + opts.timeoutMs;
  for (let first = true; ; first = false) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof Error && err.name === "ResourceInUseException") || clock.now() >= deadline) throw err;
    }
    if (first) opts.onWaiting();
    await clock.sleep(opts.pollMs);
  }
}

/**
 * What later calls may refer to, from what a create returned: a target group's, load
 * balancer's, listener's and rule's ARN by its reference; a new listener's default rule too
 * (CreateListener does not return it, so its rules are read once).
 */
async function remember(elbv2: Elbv2Port, step: PlanStep, call: PlanCall, result: unknown, refs: Map<string, string>) {
  const r = result as {
    TargetGroups?: { TargetGroupArn?: string; TargetGroupName?: string }[]; LoadBalancers?: { LoadBalancerArn?: string; LoadBalancerName?: string }[];
    Listeners?: { ListenerArn?: string; Port?: number }[]; Rules?: { RuleArn?: string }[];
  } | undefined;
  const [lb, port] = [step.name.slice(0, step.name.lastIndexOf("/")), Number(step.name.slice(step.name.lastIndexOf("/") + 1))];
  switch (call.operation) {
    case "CreateTargetGroup": {
      const tg = r?.TargetGroups?.[0];
      if (tg?.TargetGroupArn) refs.set(targetGroupRef({ name: tg.TargetGroupName ?? String(call.input.Name) }), tg.TargetGroupArn);
      return;
    }
    case "CreateLoadBalancer": {
      const l = r?.LoadBalancers?.[0];
      if (l?.LoadBalancerArn) refs.set(loadBalancerRef(l.LoadBalancerName ?? String(call.input.Name)), l.LoadBalancerArn);
      return;
    }
    case "CreateListener": {
      const arn = r?.Listeners?.[0]?.ListenerArn;
      if (!arn) return;
      refs.set(listenerRef(lb, port), arn);
      const rules = await elbv2.describeRules({ listenerArn: arn });
      const fallback = rules.find((x) => x.IsDefault)?.RuleArn;
      if (fallback) refs.set(listenerRuleRef(lb, port), fallback);
      return;
    }
    case "CreateRule": {
      const arn = r?.Rules?.[0]?.RuleArn;
      if (arn) refs.set(listenerRuleRef(lb, port, Number(call.input.Priority)), arn);
      return;
    }
    default:
      return;
  }
}

async function invoke(ecs: EcsPort, call: EcsCall): Promise<unknown> {
  const input = call.input as never;
  switch (call.operation) {
    case "CreateCluster": return ecs.createCluster(input);
    case "UpdateCluster": return ecs.updateCluster(input);
    case "PutClusterCapacityProviders": return ecs.putClusterCapacityProviders(input);
    case "RegisterTaskDefinition": return registerOnce(ecs, call.input);
    case "CreateService": return ecs.createService(input);
    case "UpdateService": return ecs.updateService(input);
    case "DeleteService": return ecs.deleteService(input);
    case "TagResource": return ecs.tagResource(input);
    case "UntagResource": return ecs.untagResource(input);
    case "DeleteCluster": return ecs.deleteCluster(input);
    case "DeregisterTaskDefinition": return ecs.deregisterTaskDefinition(input);
    case "CreateCapacityProvider": return ecs.createCapacityProvider(input);
    case "UpdateCapacityProvider": return ecs.updateCapacityProvider(input);
    case "DeleteCapacityProvider": return deleteCapacityProvider(ecs, call.input);
  }
}

/** ECS answers a delete it cannot do with the provider and updateStatus DELETE_FAILED, not an error: apply reports it as one. */
async function deleteCapacityProvider(ecs: EcsPort, input: Record<string, unknown>) {
  const r = await ecs.deleteCapacityProvider(input as never);
  if (r.capacityProvider?.updateStatus === "DELETE_FAILED") {
    throw Object.assign(new Error(`DeleteCapacityProvider ${String(input.capacityProvider)}: ${r.capacityProvider.updateStatusReason ?? "DELETE_FAILED"}`), { name: "ResourceInUseException" });
  }
  return r;
}

/**
 * An apply retried with a stale plan must not stack identical revisions: if the latest ACTIVE
 * revision already equals the input, it is reused. Returns `family:revision`.
 */
export async function registerOnce(ecs: EcsPort, input: Json): Promise<string> {
  const family = String(input.family);
  try {
    const latest = await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] });
    const td = latest.taskDefinition;
    if (td && canonical(normaliseTaskDefinition(td as Json)) === canonical(normaliseTaskDefinition(input))) return `${family}:${td.revision}`;
  } catch (err) {
    if (!isMissingTaskDefinition(err)) throw err;
  }
  const r = await ecs.registerTaskDefinition(input as never);
  return `${family}:${r.taskDefinition?.revision}`;
}

/** ECS refuses to create a service while one of the same name is still DRAINING. */
async function waitUntilGone(ecs: EcsPort, cluster: string, service: string, clock: PacerClock, timeoutMs: number, pollMs: number) {
  const deadline = clock.now() + timeoutMs;
  for (;;) {
    const r = await ecs.describeServices({ cluster, services: [service] });
    const s = r.services[0];
    if (!s || s.status === "INACTIVE") return;
    if (clock.now() >= deadline) throw Object.assign(new Error(`${service} is still ${s.status} after ${Math.round(timeoutMs / 1000)} s; apply again later`), { name: "TimeoutError" });
    await clock.sleep(pollMs);
  }
}

const CLUSTER_NOT_EMPTY = new Set(["ClusterContainsServicesException", "ClusterContainsTasksException"]);

/**
 * ECS refuses DeleteCluster while the cluster still has ACTIVE or DRAINING services or tasks that
 * have not stopped, and the services just deleted drain for a while: poll ListTasks (RUNNING and
 * PENDING) and the services until both are gone, reporting what is left, then delete. A refusal
 * that races the last task stopping is waited out the same way, up to the same deadline.
 */
async function deleteClusterWhenEmpty(
  ecs: EcsPort, cluster: string, clock: PacerClock,
  opts: { timeoutMs: number; pollMs: number; onWaiting: (message: string) => void },
): Promise<unknown> {
  const deadline = clock.now() + opts.timeoutMs;
  let last = "";
  for (;;) {
    const left = await clusterContents(ecs, cluster);
    if (left.services === 0 && left.tasks === 0) {
      try {
        return await ecs.deleteCluster({ cluster });
      } catch (err) {
        if (!(err instanceof Error && CLUSTER_NOT_EMPTY.has(err.name))) throw err;
      }
    }
    const message = `waiting for cluster ${cluster} to empty: ${left.services} service${left.services === 1 ? "" : "s"} and ${left.tasks} task${left.tasks === 1 ? "" : "s"} left`;
    if (message !== last) opts.onWaiting(message);
    last = message;
    if (clock.now() >= deadline) {
      throw Object.assign(new Error(`cluster ${cluster} still has ${left.services} services and ${left.tasks} tasks after ${Math.round(opts.timeoutMs / 1000)} s; apply again later`), { name: "TimeoutError" });
    }
    await clock.sleep(opts.pollMs);
  }
}

async function clusterContents(ecs: EcsPort, cluster: string): Promise<{ services: number; tasks: number }> {
  const running = await ecs.listTasks({ cluster, desiredStatus: "RUNNING" });
  const pending = await ecs.listTasks({ cluster, desiredStatus: "PENDING" });
  const arns = await ecs.listServices({ cluster });
  const { services } = await ecs.describeServices({ cluster, services: arns });
  return { services: services.filter((s) => s.status === "ACTIVE" || s.status === "DRAINING").length, tasks: new Set([...running, ...pending]).size };
}
