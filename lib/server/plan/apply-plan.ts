import { noPacer, realPacerClock, toEcsFailure, type EcsFailure, type EcsPort, type Pacer, type PacerClock } from "../../aws";
import { familyOf } from "../../domain/design";
import { clientTokenFor, normaliseTaskDefinition, canonical, type EcsCall, type Plan, type PlanStep } from "../../domain/plan";
import { isMissingTaskDefinition } from "./read-live-state";

export type ApplyProgress =
  | { type: "call"; step: PlanStep; call: EcsCall }
  | { type: "step-done"; step: PlanStep }
  | { type: "waiting"; step: PlanStep; message: string };

export type ApplyResult =
  | { ok: true; done: string[] }
  | { ok: false; done: string[]; failedStep: string; failedCall: EcsCall; error: EcsFailure };

export type ApplyOptions = {
  onProgress?: (p: ApplyProgress) => void;
  pacer?: Pacer;
  clock?: PacerClock;
  /** How long a replace waits for the old service to become INACTIVE before creating the new one. */
  replaceTimeoutMs?: number;
};

type Json = Record<string, unknown>;

/**
 * Runs the plan's calls in its order (clusters, task definitions, services, deletes) and stops
 * at the first error: the caller gets the failed step, ECS's message and what was done, and a
 * new plan against the account then shows only what is left.
 */
export async function applyPlan(ecs: EcsPort, plan: Plan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const pacer = opts.pacer ?? noPacer;
  const clock = opts.clock ?? realPacerClock;
  const registered: Record<string, string> = {};
  const done: string[] = [];
  for (const step of plan.steps) {
    if (step.calls.length === 0) continue;
    for (const [i, planned] of step.calls.entries()) {
      const call = resolve(planned, registered, plan.designId, step);
      opts.onProgress?.({ type: "call", step, call });
      try {
        const previous = step.calls[i - 1];
        if (call.operation === "CreateService" && previous?.operation === "DeleteService" && previous.input.service === call.input.serviceName) {
          opts.onProgress?.({ type: "waiting", step, message: `waiting for ${call.input.serviceName} to finish draining` });
          await waitUntilGone(ecs, String(call.input.cluster), String(call.input.serviceName), clock, opts.replaceTimeoutMs ?? 10 * 60_000);
        }
        const result = await invoke(ecs, pacer, call);
        if (call.operation === "RegisterTaskDefinition") registered[String(call.input.family)] = String(result);
      } catch (err) {
        return { ok: false, done, failedStep: step.key, failedCall: call, error: toEcsFailure(err) };
      }
    }
    done.push(step.key);
    opts.onProgress?.({ type: "step-done", step });
  }
  return { ok: true, done };
}

/** Services follow the revision actually registered, which differs from the planned one if someone registered in between. */
function resolve(call: EcsCall, registered: Record<string, string>, designId: string, step: PlanStep): EcsCall {
  if (call.operation !== "CreateService" && call.operation !== "UpdateService") return call;
  const ref = call.input.taskDefinition;
  const actual = typeof ref === "string" ? registered[familyOf(ref)] : undefined;
  if (!actual || actual === ref) return call;
  const input: Json = { ...call.input, taskDefinition: actual };
  if (call.operation === "CreateService") input.clientToken = clientTokenFor(designId, step.name, input);
  return { operation: call.operation, input };
}

async function invoke(ecs: EcsPort, pacer: Pacer, call: EcsCall): Promise<unknown> {
  const input = call.input as never;
  switch (call.operation) {
    case "CreateCluster": await pacer.take("CreateCluster"); return ecs.createCluster(input);
    case "UpdateCluster": await pacer.take("UpdateCluster"); return ecs.updateCluster(input);
    case "PutClusterCapacityProviders": await pacer.take("PutClusterCapacityProviders"); return ecs.putClusterCapacityProviders(input);
    case "RegisterTaskDefinition": return registerOnce(ecs, pacer, call.input);
    case "CreateService": await pacer.take("CreateService"); return ecs.createService(input);
    case "UpdateService": await pacer.take("UpdateService"); return ecs.updateService(input);
    case "DeleteService": await pacer.take("DeleteService"); return ecs.deleteService(input);
    case "TagResource": await pacer.take("TagResource"); return ecs.tagResource(input);
  }
}

/**
 * An apply retried with a stale plan must not stack identical revisions: if the latest ACTIVE
 * revision already equals the input, it is reused. Returns `family:revision`.
 */
async function registerOnce(ecs: EcsPort, pacer: Pacer, input: Json): Promise<string> {
  const family = String(input.family);
  await pacer.take("DescribeTaskDefinition");
  try {
    const latest = await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] });
    const td = latest.taskDefinition;
    if (td && canonical(normaliseTaskDefinition(td as Json)) === canonical(normaliseTaskDefinition(input))) return `${family}:${td.revision}`;
  } catch (err) {
    if (!isMissingTaskDefinition(err)) throw err;
  }
  await pacer.take("RegisterTaskDefinition");
  const r = await ecs.registerTaskDefinition(input as never);
  return `${family}:${r.taskDefinition?.revision}`;
}

/** ECS refuses to create a service while one of the same name is still DRAINING. */
async function waitUntilGone(ecs: EcsPort, cluster: string, service: string, clock: PacerClock, timeoutMs: number) {
  const deadline = clock.now() + timeoutMs;
  for (;;) {
    const r = await ecs.describeServices({ cluster, services: [service] });
    const s = r.services[0];
    if (!s || s.status === "INACTIVE") return;
    if (clock.now() >= deadline) throw Object.assign(new Error(`${service} is still ${s.status} after ${Math.round(timeoutMs / 1000)} s; apply again later`), { name: "TimeoutError" });
    await clock.sleep(5000);
  }
}
