import type {
  DeploymentLifecycleHookDetail, DeploymentStrategy, ServiceDeployment, ServiceDeploymentLifecycleStage, ServiceDeploymentStatus,
  ServiceRevision, ServiceRevisionSummary, TaskDefinition,
} from "@aws-sdk/client-ecs";

// A service's deployments as an on-call engineer reads them: ECS's own service deployments API
// (ListServiceDeployments / DescribeServiceDeployments / DescribeServiceRevisions), not events
// re-read. Every input is AWS's shape as JSON (dates as ISO strings, `null` = not set), so the
// same model works for the sandbox and a real account. Pure: `now` comes in as an argument.

/** An SDK shape as it travels as JSON: dates become ISO strings, anything may be null. */
export type Json<T> = T extends Date ? string
  : T extends readonly (infer U)[] ? Json<U>[]
  : T extends object ? { [K in keyof T]?: Json<T[K]> | null }
  : T;

export type DeploymentJson = Json<ServiceDeployment>;
export type RevisionJson = Json<ServiceRevision>;
export type TaskDefinitionJson = Json<TaskDefinition>;

/** One look at a deployment (as the monitor polled it, or as the flight recorder kept it). */
export type DeploymentObservation = { at: string; deployment: DeploymentJson };

/**
 * The lifecycle stages a blue/green, linear or canary deployment reports, in the order they run
 * (ECS developer guide, "Deployment lifecycle stages"; client-ecs ServiceDeploymentLifecycleStage).
 * PRE_PRODUCTION_TRAFFIC_SHIFT is a stage hooks attach to (DeploymentLifecycleHookStage) but not
 * one a deployment reports in `lifecycleStage`, so the stepper has no step for it.
 */
export const LIFECYCLE_STAGES = [
  "RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
  "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP",
] as const satisfies readonly ServiceDeploymentLifecycleStage[];

export const STAGE_LABEL: Record<ServiceDeploymentLifecycleStage, string> = {
  RECONCILE_SERVICE: "Reconcile", PRE_SCALE_UP: "Pre scale-up", SCALE_UP: "Scale up", POST_SCALE_UP: "Post scale-up",
  TEST_TRAFFIC_SHIFT: "Test traffic", POST_TEST_TRAFFIC_SHIFT: "Post test traffic",
  PRODUCTION_TRAFFIC_SHIFT: "Production traffic", POST_PRODUCTION_TRAFFIC_SHIFT: "Post production traffic", BAKE_TIME: "Bake", CLEAN_UP: "Clean up",
};

/** Statuses of a deployment that is still moving: the ones StopServiceDeployment and ContinueServiceDeployment act on. */
const ACTIVE: ReadonlySet<string> = new Set<ServiceDeploymentStatus>(["PENDING", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "STOP_REQUESTED"]);
const ROLLED_BACK: ReadonlySet<string> = new Set<ServiceDeploymentStatus>(["ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"]);

export type StageState = "done" | "current" | "upcoming";
export type StageStep = { stage: ServiceDeploymentLifecycleStage; label: string; state: StageState };
export type TrafficPoint = { at: string; target: number; test?: number };
export type AwaitingHook = {
  hookId: string;
  targetType: string;
  targetArn?: string;
  status: string;
  /** The stage the deployment waits in (the hook detail itself names none). */
  stage?: ServiceDeploymentLifecycleStage;
  expiresAt?: string;
  /** Whole seconds until the timeout action, never below 0; absent without an expiry. */
  secondsLeft?: number;
  timeoutAction?: string;
};
export type RevisionCounts = { arn: string; requested: number; running: number; pending: number; productionWeight?: number; testWeight?: number };

export type DeploymentTimeline = {
  arn: string;
  /** The last part of the ARN, what the console shows. */
  id: string;
  strategy: DeploymentStrategy;
  status: string;
  statusReason?: string;
  lifecycleStage?: ServiceDeploymentLifecycleStage;
  active: boolean;
  rolledBack: boolean;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  stoppedAt?: string;
  updatedAt?: string;
  /** Empty for ROLLING, which reports no lifecycle stages. */
  stages: StageStep[];
  /** Production traffic on the target (green) revision in percent, now and at each change seen. */
  traffic: { target?: number; source?: number; test?: number; over: TrafficPoint[] };
  hooks: AwaitingHook[];
  circuitBreaker?: { status: string; failureCount: number; threshold?: number };
  alarms?: { status: string; alarmNames: string[]; triggeredAlarmNames: string[] };
  rollback?: { reason?: string; startedAt?: string; serviceRevisionArn?: string };
  target?: RevisionCounts;
  sources: RevisionCounts[];
  /** Bake time after full traffic, in minutes (the deployment's configuration). */
  bakeTimeInMinutes?: number;
};

const str = (v: string | null | undefined) => (v === null || v === undefined ? undefined : v);
const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

export const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

function counts(r: Json<ServiceRevisionSummary> | null | undefined): RevisionCounts | undefined {
  if (!r?.arn) return undefined;
  return compact({
    arn: r.arn, requested: r.requestedTaskCount ?? 0, running: r.runningTaskCount ?? 0, pending: r.pendingTaskCount ?? 0,
    productionWeight: num(r.requestedProductionTrafficWeight), testWeight: num(r.requestedTestTrafficWeight),
  });
}

function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** The stepper: stages before the current one are done; a finished deployment has done them all (a rolled-back one up to where it stopped). */
function stagesOf(d: DeploymentJson, strategy: DeploymentStrategy, seen: ReadonlySet<string>): StageStep[] {
  if (strategy === "ROLLING") return [];
  const current = str(d.lifecycleStage);
  const at = current ? LIFECYCLE_STAGES.indexOf(current as (typeof LIFECYCLE_STAGES)[number]) : -1;
  const status = d.status ?? "";
  return LIFECYCLE_STAGES.map((stage, i) => {
    let state: StageState;
    if (status === "SUCCESSFUL") state = "done";
    else if (at >= 0) state = i < at ? "done" : i === at ? (ACTIVE.has(status) ? "current" : "done") : "upcoming";
    else state = seen.has(stage) ? "done" : "upcoming";
    return { stage, label: STAGE_LABEL[stage], state };
  });
}

function awaitingHooks(d: DeploymentJson, now: number): AwaitingHook[] {
  return (d.lifecycleHookDetails ?? []).filter((h): h is Json<DeploymentLifecycleHookDetail> => Boolean(h?.hookId) && h?.status === "AWAITING_ACTION").map((h) => {
    const expiresAt = str(h.expiresAt);
    return compact({
      hookId: h.hookId!, targetType: h.targetType ?? "PAUSE", targetArn: str(h.targetArn), status: h.status!,
      stage: str(d.lifecycleStage) as ServiceDeploymentLifecycleStage | undefined, expiresAt,
      secondsLeft: expiresAt ? Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000)) : undefined,
      timeoutAction: str(h.timeoutAction),
    });
  });
}

/** Production traffic on the target revision as it moved: one point per change, oldest first. */
function trafficOver(observations: readonly DeploymentObservation[]): TrafficPoint[] {
  const out: TrafficPoint[] = [];
  for (const o of [...observations].sort((a, b) => a.at.localeCompare(b.at))) {
    const t = o.deployment.targetServiceRevision;
    const target = num(t?.requestedProductionTrafficWeight);
    if (target === undefined) continue;
    const test = num(t?.requestedTestTrafficWeight);
    const last = out[out.length - 1];
    if (last && last.target === target && last.test === test) continue;
    out.push(compact({ at: o.at, target, test }));
  }
  return out;
}

/**
 * One deployment's timeline from its latest description and every earlier look at it (the
 * monitor's polls and the flight recorder's rows; any order, duplicates allowed).
 */
export function deploymentTimeline(latest: DeploymentJson, history: readonly DeploymentObservation[], now: number): DeploymentTimeline {
  const arn = latest.serviceDeploymentArn ?? "";
  const strategy = (latest.deploymentConfiguration?.strategy ?? "ROLLING") as DeploymentStrategy;
  const mine = history.filter((o) => o.deployment.serviceDeploymentArn === arn);
  const seen = new Set(mine.map((o) => o.deployment.lifecycleStage).filter((s): s is ServiceDeploymentLifecycleStage => Boolean(s)));
  const latestAt = str(latest.updatedAt) ?? new Date(now).toISOString();
  const over = trafficOver([...mine, { at: latestAt, deployment: latest }]);
  const target = counts(latest.targetServiceRevision);
  const sources = (latest.sourceServiceRevisions ?? []).map(counts).filter((c): c is RevisionCounts => Boolean(c));
  const sourceWeight = sources.some((s) => s.productionWeight !== undefined) ? sources.reduce((a, s) => a + (s.productionWeight ?? 0), 0) : undefined;
  const cb = latest.deploymentCircuitBreaker;
  const al = latest.alarms;
  const rb = latest.rollback;
  const status = latest.status ?? "UNKNOWN";
  return compact({
    arn, id: lastSegment(arn), strategy, status, statusReason: str(latest.statusReason),
    lifecycleStage: str(latest.lifecycleStage) as ServiceDeploymentLifecycleStage | undefined,
    active: ACTIVE.has(status), rolledBack: ROLLED_BACK.has(status) || Boolean(rb?.startedAt || rb?.reason),
    createdAt: str(latest.createdAt), startedAt: str(latest.startedAt), finishedAt: str(latest.finishedAt), stoppedAt: str(latest.stoppedAt), updatedAt: str(latest.updatedAt),
    stages: stagesOf(latest, strategy, seen),
    traffic: compact({ target: target?.productionWeight, source: sourceWeight, test: target?.testWeight, over }),
    // A finished deployment waits for nothing, whatever its last hook detail says.
    hooks: ACTIVE.has(status) ? awaitingHooks(latest, now) : [],
    circuitBreaker: cb && cb.status ? compact({ status: cb.status, failureCount: cb.failureCount ?? 0, threshold: num(cb.threshold) }) : undefined,
    alarms: al && al.status ? { status: al.status, alarmNames: al.alarmNames ?? [], triggeredAlarmNames: al.triggeredAlarmNames ?? [] } : undefined,
    rollback: rb ? compact({ reason: str(rb.reason), startedAt: str(rb.startedAt), serviceRevisionArn: str(rb.serviceRevisionArn) }) : undefined,
    target, sources, bakeTimeInMinutes: num(latest.deploymentConfiguration?.bakeTimeInMinutes),
  });
}

/** Newest first, as an on-call engineer reads them: what is moving now, then the past. */
export function deploymentTimelines(latest: readonly DeploymentJson[], history: readonly DeploymentObservation[], now: number): DeploymentTimeline[] {
  return latest.map((d) => deploymentTimeline(d, history, now))
    .sort((a, b) => Number(b.active) - Number(a.active) || (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
}

/**
 * What makes two looks at a deployment different for the flight recorder: status, stage, hook
 * states and traffic. The same look seen again writes nothing (unique key, ON CONFLICT DO NOTHING).
 */
export function deploymentObservationKey(d: DeploymentJson): string {
  const t = d.targetServiceRevision;
  const hooks = (d.lifecycleHookDetails ?? []).map((h) => `${h?.hookId}:${h?.status}`).join(",");
  return [d.serviceDeploymentArn, d.status, d.lifecycleStage ?? "", t?.requestedProductionTrafficWeight ?? "", t?.requestedTestTrafficWeight ?? "",
    t?.runningTaskCount ?? "", hooks, d.rollback?.startedAt ?? ""].join("#");
}
