import type { Design } from "../design";
import { clusterNameOf, familyOf } from "../design/lookup";
import { ECS_NAME_PATTERN } from "../ecs-facts/names";
import type { PlanAction } from "../plan/types";
import type { HealthLevel } from "./service-health";
import type { MonitorView } from "./snapshot-view";

// "Live" mode on the canvas: each node of a design next to its live counterpart in one
// environment's monitor snapshots (one per cluster). Pure: the snapshots and the plan's actions
// come in, per-node view state comes out. None of it ever enters the design.

/** Which clusters of a design the canvas polls: its own clusters and those its services name. */
export function liveClusters(design: Design): string[] {
  const names = new Set<string>();
  for (const c of design.clusters) if (c.clusterName) names.add(c.clusterName);
  for (const s of design.services) if (s.cluster) names.add(clusterNameOf(s.cluster));
  return [...names].filter((n) => ECS_NAME_PATTERN.test(n)).sort();
}

export type LiveServiceState = {
  kind: "service";
  cluster: string;
  serviceName: string;
  /** No snapshot of its cluster yet (loading, or the environment never answered). */
  unknown?: boolean;
  deployed: boolean;
  running: number;
  desired: number;
  pending: number;
  health?: HealthLevel;
  reasons: string[];
  /** The rollout state of the active (PRIMARY) deployment. */
  rolloutState?: string;
  /** `family:revision` the live service runs. */
  liveRevision?: string;
  drift: boolean;
  driftReasons: string[];
};

export type LiveTaskDefinitionState = {
  kind: "taskDefinition";
  family: string;
  unknown?: boolean;
  /** `family:revision`s live services and running tasks of this family use, newest first. */
  liveRevisions: string[];
  deployed: boolean;
  runningTasks: number;
  drift: boolean;
  driftReasons: string[];
};

export type LiveContainerState = { kind: "container"; family: string; name: string; running: number; unknown?: boolean };

export type LiveClusterState = {
  kind: "cluster";
  cluster: string;
  unknown?: boolean;
  deployed: boolean;
  runningTasks: number;
  services: number;
  stale: boolean;
  unreachable: boolean;
  error?: string;
  drift: boolean;
};

export type LiveNodeState = LiveServiceState | LiveTaskDefinitionState | LiveContainerState | LiveClusterState;

const DRIFT_ACTIONS = new Set<PlanAction>(["update", "replace"]);
const NOT_FOUND = /not ?found|does not exist|ClusterNotFound|INACTIVE/i;

/** The environment answered that the cluster does not exist (not deployed, rather than unreachable). */
export function clusterMissing(view: MonitorView): boolean {
  return view.unreachable && NOT_FOUND.test(view.error ?? "");
}

function revisionOf(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  return arn.includes("/") ? arn.slice(arn.lastIndexOf("/") + 1) : arn;
}

function revisionNumber(ref: string): number {
  const n = Number(ref.slice(ref.lastIndexOf(":") + 1));
  return Number.isFinite(n) ? n : 0;
}

/**
 * Per node id (resource ids; containers `<taskDefinitionId>/<name>`), what runs live.
 * `views` maps cluster names to their latest monitor view (missing: not fetched yet);
 * `actions` are the plan's actions against the same environment, when known: an update or
 * replace there means the live resource differs from the design (drift).
 */
export function canvasLive(design: Design, views: Record<string, MonitorView | undefined>, actions?: Record<string, PlanAction>): Record<string, LiveNodeState> {
  const out: Record<string, LiveNodeState> = {};
  const liveServicesOf = (cluster: string) => {
    const v = views[cluster];
    return v && !clusterMissing(v) ? v.services.filter((s) => s.status !== "INACTIVE") : [];
  };
  const allTasks = Object.values(views).flatMap((v) => (v && !clusterMissing(v) ? v.tasks : []));
  const anyView = Object.values(views).some(Boolean);

  for (const c of design.clusters) {
    const v = views[c.clusterName];
    const deployed = !!v && !clusterMissing(v) && (!!v.lastRefreshedAt || !v.unreachable);
    out[c.id] = {
      kind: "cluster", cluster: c.clusterName, unknown: !v, deployed,
      runningTasks: deployed ? v!.tasks.filter((t) => t.lastStatus === "RUNNING").length : 0,
      services: deployed ? liveServicesOf(c.clusterName).length : 0,
      stale: !!v?.stale, unreachable: !!v?.unreachable && !clusterMissing(v), error: v?.error,
      drift: !!actions && DRIFT_ACTIONS.has(actions[c.id]),
    };
  }

  for (const s of design.services) {
    const cluster = clusterNameOf(s.cluster);
    const v = views[cluster];
    const live = liveServicesOf(cluster).find((x) => x.serviceName === s.serviceName);
    const base = { kind: "service" as const, cluster, serviceName: s.serviceName, unknown: !v };
    if (!live) {
      out[s.id] = { ...base, deployed: false, running: 0, desired: 0, pending: 0, reasons: [], drift: false, driftReasons: [] };
      continue;
    }
    const primary = live.deployments.find((d) => d.status === "PRIMARY") ?? live.deployments[0];
    const liveRevision = revisionOf(live.taskDefinition ?? primary?.taskDefinition);
    const driftReasons: string[] = [];
    const designed = s.desiredCount ?? 1;
    if (designed !== live.desiredCount) driftReasons.push(`Desired count: ${live.desiredCount} live, ${designed} in the design`);
    if (liveRevision && familyOf(liveRevision) !== familyOf(s.taskDefinition)) {
      driftReasons.push(`Task definition: ${liveRevision} live, ${s.taskDefinition} in the design`);
    }
    const action = actions?.[s.id];
    if (action && DRIFT_ACTIONS.has(action) && !driftReasons.length) driftReasons.push(`Applying the design would ${action} this service`);
    out[s.id] = {
      ...base, deployed: true, running: live.runningCount, desired: live.desiredCount, pending: live.pendingCount,
      health: live.health.level, reasons: live.health.reasons, rolloutState: primary?.rolloutState, liveRevision,
      drift: driftReasons.length > 0, driftReasons,
    };
  }

  for (const td of design.taskDefinitions) {
    const family = td.family;
    const fromServices = Object.values(views).flatMap((v) => (v && !clusterMissing(v) ? v.services : []))
      .map((x) => revisionOf(x.taskDefinition)).filter((r): r is string => !!r && familyOf(r) === family);
    const running = allTasks.filter((t) => t.lastStatus === "RUNNING" && revisionOf(t.taskDefinitionArn) && familyOf(revisionOf(t.taskDefinitionArn)!) === family);
    const liveRevisions = [...new Set([...fromServices, ...running.map((t) => revisionOf(t.taskDefinitionArn)!)])]
      .sort((a, b) => revisionNumber(b) - revisionNumber(a));
    const action = actions?.[td.id];
    const driftReasons: string[] = [];
    if (action && DRIFT_ACTIONS.has(action)) {
      driftReasons.push(`The design differs from ${liveRevisions[0] ?? "the latest revision"}: applying would register a new revision`);
    }
    out[td.id] = {
      kind: "taskDefinition", family, unknown: !anyView, liveRevisions, deployed: liveRevisions.length > 0 || action === "update" || action === "no-change",
      runningTasks: running.length, drift: driftReasons.length > 0, driftReasons,
    };
    for (const c of td.containerDefinitions ?? []) {
      const count = running.filter((t) => t.containers.some((x) => x.name === c.name && x.lastStatus === "RUNNING")).length;
      out[`${td.id}/${c.name}`] = { kind: "container", family, name: c.name, running: count, unknown: !anyView };
    }
  }
  return out;
}
