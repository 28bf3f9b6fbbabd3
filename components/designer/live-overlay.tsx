"use client";

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { canvasLive, clusterMissing, liveClusters, type LiveNodeState, type MonitorView } from "@/lib/domain/monitor";
import { SANDBOX_ENVIRONMENT_ID } from "@/lib/actions/environment-types";
import { useEditor } from "./store/context";
import { usePlanActions } from "./plan-overlay";
import { clusterViewQuery } from "@/lib/query/monitor";

type LiveOverlay = {
  enabled: boolean;
  status: "off" | "loading" | "ready" | "error";
  nodes: Record<string, LiveNodeState>;
  /** Each polled cluster's latest monitor view (undefined until it answers). */
  views: Record<string, MonitorView | undefined>;
  /** The oldest refresh among the design's clusters. */
  lastRefreshedAt?: string | null;
  stale: boolean;
  unreachable: boolean;
  message?: string;
};

const OFF: LiveOverlay = { enabled: false, status: "off", nodes: {}, views: {}, stale: false, unreachable: false };
const LiveOverlayContext = createContext<LiveOverlay>(OFF);

/**
 * Only what the overlay reads of each cluster's query. react-query shares the combined result
 * structurally, so it keeps its identity (and the live nodes are not worked out again) until an
 * answer changes.
 */
function answersOf(results: UseQueryResult<MonitorView>[]) {
  return results.map((r) => ({ data: r.data, isError: r.isError, error: r.error }));
}


/**
 * The live state of the design's resources in the sandbox: each cluster's monitor snapshot,
 * polled while Live is on, and the plan's actions (an update means the live resource drifted
 * from the design). View state only: it never enters the design.
 */
export function LiveOverlayProvider({ designId, enabled, children }: { designId: string; enabled: boolean; children: ReactNode }) {
  const design = useEditor((s) => s.history.present);
  const clusters = useMemo(() => liveClusters(design), [design]);
  const answers = useQueries({
    // The Monitor's own query: a cluster open in both shares one cache entry and one poll.
    queries: clusters.map((cluster) => ({ ...clusterViewQuery(SANDBOX_ENVIRONMENT_ID, cluster), enabled })),
    combine: answersOf,
  });
  // The plan overlay's query: both share one plan per saved version.
  const plan = usePlanActions(designId, enabled, { keepPrevious: true });

  const byCluster = useMemo(() => {
    const out: Record<string, MonitorView | undefined> = {};
    clusters.forEach((c, i) => { out[c] = answers[i]?.data; });
    return out;
  }, [clusters, answers]);
  const nodes = useMemo(() => (enabled ? canvasLive(design, byCluster, plan.data?.actions) : {}), [enabled, design, byCluster, plan.data]);

  let value: LiveOverlay = OFF;
  if (enabled) {
    const loaded = answers.map((v) => v.data).filter((v): v is MonitorView => !!v);
    const failed = answers.find((v) => v.isError);
    const refreshed = loaded.map((v) => v.lastRefreshedAt).filter((t): t is string => !!t).sort();
    value = {
      enabled, nodes, views: byCluster,
      status: failed && !loaded.length ? "error" : loaded.length < clusters.length ? "loading" : "ready",
      message: failed?.error?.message ?? loaded.find((v) => v.unreachable && !clusterMissing(v))?.error,
      lastRefreshedAt: refreshed[0] ?? null,
      // A cluster that is not deployed has no snapshot: that is neither stale nor unreachable.
      stale: loaded.some((v) => v.stale && !clusterMissing(v)),
      unreachable: !!failed || loaded.some((v) => v.unreachable && !clusterMissing(v)),
    };
  }
  return <LiveOverlayContext.Provider value={value}>{children}</LiveOverlayContext.Provider>;
}

export function useLiveOverlay(): LiveOverlay {
  return useContext(LiveOverlayContext);
}

function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 60 ? `${s} s ago` : s < 3600 ? `${Math.floor(s / 60)} min ago` : `${Math.floor(s / 3600)} h ago`;
}

/** The toolbar's word on Live mode: when it last refreshed, and whether to trust it. */
export function LiveStatus() {
  const live = useLiveOverlay();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live.enabled) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [live.enabled]);
  if (!live.enabled) return null;
  if (live.status === "error") return <span className="max-w-48 truncate px-1 text-xs text-red-700" role="alert" title={live.message}>Live failed: {live.message}</span>;
  return (
    <span className="flex items-center gap-1 px-1 text-xs text-slate-500" data-testid="live-status" role="status">
      {live.lastRefreshedAt
        ? <>Last refreshed <time dateTime={live.lastRefreshedAt} title={live.lastRefreshedAt}>{ago(live.lastRefreshedAt, now)}</time></>
        : live.status === "loading" ? "Connecting…" : "Not refreshed yet"}
      {live.unreachable && <span className="rounded bg-red-100 px-1 font-semibold text-red-800" data-testid="live-unreachable" title={live.message}>unreachable</span>}
      {!live.unreachable && live.stale && <span className="rounded bg-amber-100 px-1 font-semibold text-amber-900" data-testid="live-stale">stale</span>}
    </span>
  );
}

const DOT: Record<string, string> = { healthy: "bg-emerald-500", deploying: "bg-sky-500", degraded: "bg-amber-500", failing: "bg-red-600" };

function Mark(props: { tone: string; state: string; title: string; children: ReactNode }) {
  return (
    <span
      data-testid="live-mark" data-live-state={props.state} title={props.title} aria-label={`Live: ${props.title}`}
      className={`absolute -top-2.5 right-3 z-10 inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-1.5 py-px text-[10px] font-semibold leading-4 shadow-sm ${props.tone}`}
    >
      {props.children}
    </span>
  );
}

function DriftFlag({ reasons }: { reasons: string[] }) {
  return (
    <span data-testid="live-drift" title={`Drift: ${reasons.join("; ")}`} className="rounded bg-amber-200 px-0.5 text-amber-950">drift</span>
  );
}

const GREY = "border-slate-200 bg-slate-50 text-slate-500";
const NEUTRAL = "border-slate-200 bg-white text-slate-700";

/**
 * A node's live counterpart, compactly: counts, a health dot, a rollout, drift. Details in the
 * tooltip. It sits as a tab on the node's top edge (placed from the header), so it never pushes
 * the node's name out of its narrow header.
 */
export function LiveMark({ id }: { id: string }) {
  const live = useLiveOverlay();
  const n = live.nodes[id];
  if (!live.enabled || !n) return null;
  if (n.unknown) return <Mark tone={GREY} state="unknown" title="Waiting for the sandbox's state">…</Mark>;

  switch (n.kind) {
    case "service": {
      if (!n.deployed) return <Mark tone={GREY} state="not-deployed" title={`No service ${n.serviceName} in cluster ${n.cluster} of the sandbox`}>not deployed</Mark>;
      const level = n.health ?? "healthy";
      const lines = [
        `${n.running} running, ${n.desired} desired, ${n.pending} pending`,
        `Health: ${level}${n.reasons.length ? ` (${n.reasons.join("; ")})` : ""}`,
        `Deployment: ${n.rolloutState ?? "—"}`,
        n.liveRevision ? `Runs ${n.liveRevision}` : "",
        n.drift ? `Drift: ${n.driftReasons.join("; ")}` : "In line with the design",
      ].filter(Boolean);
      return (
        <Mark tone={NEUTRAL} state={level} title={lines.join("\n")}>
          <span aria-hidden="true" className={`h-2 w-2 rounded-full ${DOT[level]}`} data-testid="live-dot" data-level={level} />
          <span data-testid="live-count">{n.running}/{n.desired} running</span>
          {level === "deploying" && <span className="text-sky-700">deploying…</span>}
          {level === "failing" && <span className="text-red-700">failing</span>}
          {n.drift && <DriftFlag reasons={n.driftReasons} />}
        </Mark>
      );
    }
    case "taskDefinition": {
      if (!n.deployed) return <Mark tone={GREY} state="not-deployed" title={`Family ${n.family} has no live revision in the sandbox`}>not deployed</Mark>;
      const current = n.liveRevisions[0];
      const title = [
        n.liveRevisions.length ? `In use live: ${n.liveRevisions.join(", ")}` : "Registered, not in use",
        `${n.runningTasks} task${n.runningTasks === 1 ? "" : "s"} running`,
        n.drift ? n.driftReasons.join("; ") : "In line with the design",
      ].join("\n");
      return (
        <Mark tone={NEUTRAL} state={n.drift ? "drift" : "in-sync"} title={title}>
          {current ? <span>rev {current.slice(current.lastIndexOf(":") + 1)}</span> : "idle"}
          {n.drift && <DriftFlag reasons={n.driftReasons} />}
        </Mark>
      );
    }
    case "container":
      if (!n.running) return null;
      return <Mark tone={NEUTRAL} state="running" title={`${n.running} running container${n.running === 1 ? "" : "s"} named ${n.name}`}>{n.running} running</Mark>;
    case "cluster": {
      if (!n.deployed) return <Mark tone={GREY} state="not-deployed" title={`No cluster ${n.cluster} in the sandbox`}>not deployed</Mark>;
      const title = [`${n.runningTasks} running task${n.runningTasks === 1 ? "" : "s"} in ${n.services} service${n.services === 1 ? "" : "s"}`, n.unreachable ? `Unreachable: ${n.error ?? ""}` : "", n.stale ? "Stale: not refreshed lately" : ""].filter(Boolean).join("\n");
      return (
        <Mark tone={n.unreachable ? "border-red-200 bg-red-50 text-red-800" : NEUTRAL} state={n.unreachable ? "unreachable" : "live"} title={title}>
          <span data-testid="live-tasks">{n.runningTasks} tasks running</span>
          {n.unreachable && <span>unreachable</span>}
          {!n.unreachable && n.stale && <span className="text-amber-800">stale</span>}
        </Mark>
      );
    }
  }
}
