import type { ProbedHealth, RegisteredTarget, TargetGroup, TargetProbe } from "./types";

// A target's health as Elastic Load Balancing reports it (DescribeTargetHealth), worked out from
// simulated time when it is read: shared by ELBv2 (which describes it) and ECS (whose scheduler
// acts on it), hence here. https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html
//
// The group checks a target every interval once it is registered and the group is in use (a
// listener or rule forwards to it). What the target answers is its `probe` (ECS sets it from the
// simulated container; a target nothing simulated serves always passes). `healthyThreshold`
// passing checks in a row make it healthy, `unhealthyThreshold` failing ones unhealthy; until the
// first verdict it is `initial`: Elb.RegistrationInProgress until the first check (one interval),
// then Elb.InitialHealthChecking.

export type TargetHealth = { State: string; Reason?: string; Description?: string };

const HTTP_CHECKS = ["HTTP", "HTTPS"];
/** The answer of a (simulated) server whose container runs but reports itself unhealthy. */
export const UNHEALTHY_STATUS_CODE = 503;

/** When checks start counting for `t`: registered, and its group in use. */
const checkedFrom = (tg: TargetGroup, t: RegisteredTarget) => Math.max(t.registeredAt, tg.inUseSince ?? Infinity);

/** The settled health at `now` and when it changes next (undefined: not by time alone). */
function settled(tg: TargetGroup, t: RegisteredTarget, now: number): { health: ProbedHealth; next?: number } {
  const from = checkedFrom(tg, t);
  const probe: TargetProbe = t.probe ?? { passing: true, since: from, before: "initial" };
  const since = Math.max(from, probe.since);
  const before = probe.since <= from ? "initial" : probe.before;
  const goal: ProbedHealth = probe.passing ? "healthy" : "unhealthy";
  const checks = probe.passing ? tg.healthCheck.healthyThreshold : tg.healthCheck.unhealthyThreshold;
  const at = since + checks * tg.healthCheck.intervalSeconds * 1000;
  if (now >= at) return { health: goal };
  return { health: before, next: before === goal ? undefined : at };
}

/** `t`'s health at `now`, as DescribeTargetHealth writes it. */
export function targetHealth(tg: TargetGroup, t: RegisteredTarget, now: number): TargetHealth {
  if (t.drainingUntil !== undefined) return { State: "draining", Reason: "Target.DeregistrationInProgress", Description: "Target deregistration is in progress" };
  if (tg.inUseSince === undefined) {
    return { State: "unused", Reason: "Target.NotInUse", Description: "Target group is not configured to receive traffic from the load balancer" };
  }
  if (!tg.healthCheck.enabled) return { State: "unavailable", Reason: "Target.HealthCheckDisabled", Description: "Health checks disabled" };
  const { health } = settled(tg, t, now);
  if (health === "initial" && now < checkedFrom(tg, t) + tg.healthCheck.intervalSeconds * 1000) {
    return { State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress" };
  }
  if (health === "initial") return { State: "initial", Reason: "Elb.InitialHealthChecking", Description: "Initial health checks in progress" };
  if (health === "healthy") return { State: "healthy" };
  if (!HTTP_CHECKS.includes(tg.healthCheck.protocol ?? "")) return { State: "unhealthy", Reason: "Target.FailedHealthChecks", Description: "Health checks failed" };
  return t.probe?.cause === "timeout"
    ? { State: "unhealthy", Reason: "Target.Timeout", Description: "Request timed out" }
    : { State: "unhealthy", Reason: "Target.ResponseCodeMismatch", Description: `Health checks failed with these codes: [${UNHEALTHY_STATUS_CODE}]` };
}

/** When `t`'s health changes next by time alone (a verdict falls due, or its draining ends), if it does. */
export function nextHealthChange(tg: TargetGroup, t: RegisteredTarget, now: number): number | undefined {
  if (t.drainingUntil !== undefined) return t.drainingUntil > now ? t.drainingUntil : undefined;
  if (tg.inUseSince === undefined || !tg.healthCheck.enabled) return undefined;
  return settled(tg, t, now).next;
}

/** Records what `t` answers from `now` on (mutates `t`); nothing changes when it answers as before. */
export function setProbe(tg: TargetGroup, t: RegisteredTarget, now: number, passing: boolean, cause?: TargetProbe["cause"]) {
  const current = t.probe ?? { passing: true };
  if (current.passing === passing && (passing || t.probe?.cause === cause)) return;
  const before = tg.inUseSince === undefined ? "initial" : settled(tg, t, now).health;
  t.probe = passing ? { passing, since: now, before } : { passing, since: now, before, cause };
}
