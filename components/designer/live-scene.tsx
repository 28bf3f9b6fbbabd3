"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { clusterMissing, sceneInputFromMonitor, sceneTrafficOf, withTraffic } from "@/lib/domain/monitor";
import { SANDBOX_ENVIRONMENT_ID } from "@/lib/actions/environment-types";
import { ClusterScene } from "@/components/monitor/cluster-scene";
import { useContainerInstances, useServiceDeployments } from "@/lib/query/monitor";
import { useLiveOverlay } from "./live-overlay";
import { useEditor } from "./store/context";

const OPEN_KEY = "stevedore.liveScene.open";

// The stored choice is an external store: this tab's toggles and other tabs' (storage events) notify.
const openListeners = new Set<() => void>();
function subscribeOpen(onChange: () => void) {
  openListeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => { openListeners.delete(onChange); window.removeEventListener("storage", onChange); };
}

/** Open unless the user folded it away last time (remembered in this browser; the server renders it open). */
function useOpenState(): [boolean, (v: boolean) => void] {
  const open = useSyncExternalStore(subscribeOpen, () => localStorage.getItem(OPEN_KEY) !== "false", () => true);
  return [open, (v: boolean) => { localStorage.setItem(OPEN_KEY, String(v)); openListeners.forEach((l) => l()); }];
}

/**
 * Live mode's animated picture of one cluster, over the canvas: tasks moving through their
 * lifecycle, rolling deployments within their bounds, instances filling up. It follows the
 * selected service or cluster, or the learner picks a cluster; it can be folded away.
 */
export function LiveScenePanel() {
  const live = useLiveOverlay();
  const selection = useEditor((s) => s.selection);
  const [open, setOpen] = useOpenState();
  const [picked, setPicked] = useState<string | undefined>();
  const [pickedUnder, setPickedUnder] = useState<string | undefined>();
  const clusters = Object.keys(live.views);
  const selected = selection.map((id) => live.nodes[id]).find((n) => n && (n.kind === "service" || n.kind === "cluster"));
  const fromSelection = selected && "cluster" in selected ? selected.cluster : undefined;
  const focus = selected?.kind === "service" ? selected.serviceName : undefined;
  // Selecting a service or cluster follows it; the picker overrides until the selection changes.
  if (pickedUnder !== fromSelection) {
    setPickedUnder(fromSelection);
    setPicked(undefined);
  }
  const deployed = clusters.find((c) => (live.views[c]?.services.length ?? 0) > 0);
  const cluster = [picked, fromSelection, deployed, clusters[0]].find((c): c is string => !!c && clusters.includes(c));
  const view = cluster ? live.views[cluster] : undefined;

  const instances = useContainerInstances(SANDBOX_ENVIRONMENT_ID, cluster, { enabled: live.enabled && open });
  // A followed service's deployment in flight (blue/green, linear, canary) colours its tasks by side, with the traffic on each.
  const followed = focus && fromSelection === cluster ? focus : undefined;
  const deployments = useServiceDeployments(SANDBOX_ENVIRONMENT_ID, cluster, followed, { enabled: live.enabled && open });
  const traffic = useMemo(() => sceneTrafficOf(deployments.data?.deployments), [deployments.data]);
  const input = useMemo(() => (view ? withTraffic(sceneInputFromMonitor(view, instances.data?.instances), followed ?? "", traffic) : undefined), [view, instances.data, followed, traffic]);

  if (!live.enabled || clusters.length === 0) return null;
  return (
    <section
      aria-label="Sandbox activity" data-testid="live-scene"
      className="absolute bottom-3 left-14 z-10 flex max-h-[50%] w-[min(44rem,calc(100%-18rem))] min-w-[22rem] flex-col rounded-lg border border-slate-200 bg-white/95 shadow-lg backdrop-blur"
    >
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-1.5">
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="text-sm font-semibold text-slate-900">
          {open ? "▾" : "▸"} In the sandbox
        </button>
        {clusters.length > 1 ? (
          <label className="flex items-center gap-1 text-xs text-slate-600">
            cluster
            <select value={cluster} onChange={(e) => setPicked(e.target.value)} className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-900">
              {clusters.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        ) : (
          <span className="text-xs text-slate-600">cluster <span className="font-mono">{cluster}</span></span>
        )}
        <span className="ml-auto text-[11px] text-slate-500">{focus ? "Following the selected service" : "Select a service to follow it"}</span>
      </header>
      {open && (
        <div className="min-h-0 overflow-auto p-3">
          {!view ? (
            <p className="text-sm text-slate-600" role="status">Asking the sandbox…</p>
          ) : clusterMissing(view) ? (
            <p className="text-sm text-slate-600">Cluster <span className="font-mono">{view.cluster}</span> is not in the sandbox yet. Apply the design to create it.</p>
          ) : (
            <ClusterScene key={cluster} input={input!} focus={focus && fromSelection === cluster ? focus : undefined}
              title={focus && fromSelection === cluster ? `Service ${focus}: what the scheduler is doing` : undefined} />
          )}
        </div>
      )}
    </section>
  );
}
