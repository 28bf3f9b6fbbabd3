"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import {
  LIFECYCLE, LIFECYCLE_HELP, buildScene, endpointsLabel, sceneChanges,
  type LifecycleStatus, type SceneInput, type SceneInstance, type SceneServiceView, type SceneTask,
} from "@/lib/domain/monitor";

// The sandbox, animated: each task a token that slides through the lifecycle lanes as the polls
// come in, each service's rolling deployment as slots between its min and max bounds, and the
// container instances filling up. Tokens are keyed by task id, so a state change moves the same
// element and CSS animates it; nothing here invents states between two looks.

/** Solid fills with white text, one per task-definition revision (oldest first); readable in both themes. */
const TONES = ["bg-sky-700", "bg-violet-700", "bg-teal-700", "bg-orange-700", "bg-pink-700", "bg-indigo-700"];
const toneOf = (i: number) => TONES[i % TONES.length];
/** During a blue/green, linear or canary deployment the two sides get their names' colours. */
const SIDE = { blue: "bg-blue-600", green: "bg-emerald-600" } as const;
const fillOf = (x: { tone: number; side?: keyof typeof SIDE }) => (x.side ? SIDE[x.side] : toneOf(x.tone));

/** Lane captions: ECS's state names, with soft hyphens so the long ones break inside a narrow lane. */
const LANE_LABEL: Record<LifecycleStatus, string> = {
  PROVISIONING: "Provi\u00adsioning", PENDING: "Pending", ACTIVATING: "Acti\u00advating", RUNNING: "Running",
  DEACTIVATING: "Deacti\u00advating", STOPPING: "Stopping", DEPROVISIONING: "Deprovi\u00adsioning", STOPPED: "Stopped",
};
const laneTint = (s: LifecycleStatus) =>
  s === "RUNNING" ? "bg-emerald-50" : s === "STOPPED" ? "bg-slate-100" : ["DEACTIVATING", "STOPPING", "DEPROVISIONING"].includes(s) ? "bg-amber-50" : "bg-sky-50";

const ROW = 26;
const MOTION = "transition-[left,top,opacity] duration-700 ease-in-out motion-reduce:transition-none";

function Token({ task, compact }: { task: SceneTask; compact?: boolean }) {
  const stopped = task.lastStatus === "STOPPED";
  const title = [
    `Task ${task.id}${task.service ? ` of ${task.service}` : ""}, revision ${task.revision}${task.side ? ` (${task.side})` : ""}`,
    `${task.lastStatus}${task.stopping ? " (ECS is stopping it)" : ""}`,
    task.stoppedReason ? `Stopped because: ${task.stoppedReason}` : "",
  ].filter(Boolean).join("\n");
  return (
    <span
      title={title} data-testid={compact ? "scene-placed-task" : "scene-task"} data-task={task.id} data-status={task.lastStatus} data-stopping={task.stopping || undefined} data-side={task.side}
      className={`flex h-5 items-center gap-1 overflow-hidden rounded px-1.5 font-mono text-[10px] font-semibold leading-none text-white shadow-sm ${fillOf(task)} ${stopped ? "opacity-45" : ""} ${task.stopping ? "ring-2 ring-amber-400" : ""} ${compact ? "" : "w-full"}`}
    >
      <span className="truncate">{task.id.slice(0, 6)}</span>
      <span className="ml-auto shrink-0 opacity-80">r{task.revision}</span>
    </span>
  );
}

function Lanes({ scene }: { scene: ReturnType<typeof buildScene> }) {
  const deepest = Math.max(1, ...scene.lanes.map((l) => l.tasks.length + (l.hidden ? 1 : 0)));
  const width = 100 / LIFECYCLE.length;
  const placed = scene.lanes.flatMap((lane, li) => lane.tasks.map((task, ti) => ({ task, li, ti })));
  return (
    <div className="overflow-x-auto">
      <div className="min-w-[40rem]">
        <ol className="grid grid-cols-8 gap-px text-center" aria-label="Task lifecycle">
          {scene.lanes.map((lane) => (
            <li key={lane.status} title={LIFECYCLE_HELP[lane.status]} className="flex flex-col justify-end px-0.5 text-[10px] font-semibold leading-tight text-slate-700">
              <span lang="en">{LANE_LABEL[lane.status]}</span>
              <span className="font-normal text-slate-500" data-testid="lane-count" data-lane={lane.status}>{lane.tasks.length + lane.hidden}</span>
            </li>
          ))}
        </ol>
        <div className="relative mt-1" style={{ height: deepest * ROW + 8 }} data-testid="scene-lanes">
          <div className="absolute inset-0 grid grid-cols-8 gap-px" aria-hidden>
            {scene.lanes.map((lane) => <div key={lane.status} className={`rounded ${laneTint(lane.status)}`} />)}
          </div>
          {placed.map(({ task, li, ti }) => (
            <div key={task.id} className={`absolute ${MOTION}`} style={{ left: `calc(${li * width}% + 4px)`, top: 4 + ti * ROW, width: `calc(${width}% - 8px)` }}>
              <Token task={task} />
            </div>
          ))}
          {scene.lanes.map((lane, li) => lane.hidden > 0 && (
            <span key={lane.status} className="absolute text-center text-[10px] text-slate-600" style={{ left: `${li * width}%`, width: `${width}%`, top: 6 + lane.tasks.length * ROW }}>
              +{lane.hidden} more
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * A service's tasks as slots: at most `upper` may be running or starting at once (ECS counts
 * RUNNING and PENDING toward maximumPercent), and the first `lower` must stay running. Tasks
 * ECS is stopping no longer count; they wait apart, on their way out.
 */
function DeploymentSlots({ svc }: { svc: SceneServiceView }) {
  type Slot = { tone: number; side?: "blue" | "green"; kind: "running" | "starting" | "stopping" };
  const of = (kind: Slot["kind"], n: (s: SceneServiceView["segments"][number]) => number) =>
    svc.segments.flatMap((s) => Array.from({ length: n(s) }, (): Slot => ({ tone: s.tone, side: s.side, kind })));
  const counted = [...of("running", (s) => s.running), ...of("starting", (s) => s.starting)];
  const leaving = of("stopping", (s) => s.stopping);
  const total = Math.max(svc.upper, counted.length, 1);
  const running = counted.filter((s) => s.kind === "running").length;
  const belowMin = running < svc.lower;
  const slot = (s: Slot | undefined, i: number) => {
    const cls = !s ? "border border-dashed border-slate-300 bg-transparent"
      : s.kind === "running" ? fillOf(s)
      : s.kind === "starting" ? `${fillOf(s)} opacity-40 animate-pulse motion-reduce:animate-none`
      : `${fillOf(s)} opacity-25`;
    return <span key={i} data-testid="scene-slot" data-kind={s?.kind ?? "free"} className={`h-4 min-w-1 flex-1 rounded-sm transition-colors duration-700 ${cls}`} />;
  };
  return (
    <div className="space-y-1" data-testid="scene-service" data-service={svc.name}>
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium text-slate-900">Service <span className="font-mono">{svc.name}</span></span>
        <span className="text-xs text-slate-600" data-testid="scene-counts">{running} running · {svc.desired} desired · at most {svc.upper} at once</span>
      </p>
      <div className="flex items-start gap-3">
        <div className="relative min-w-0 flex-1 pb-4">
          <div className="flex gap-0.5" role="img" aria-label={`${running} running of ${svc.desired} desired; at least ${svc.lower} must run, at most ${svc.upper} may run or start at once`}>
            {Array.from({ length: total }, (_, i) => slot(counted[i], i))}
          </div>
          {svc.lower > 0 && (
            <span
              className={`absolute top-0 h-6 border-r-2 ${belowMin ? "border-red-600" : "border-emerald-600"} transition-[width] duration-700`}
              style={{ width: `${(svc.lower / total) * 100}%` }} aria-hidden
            >
              <span className={`absolute right-0 top-4 translate-x-1/2 whitespace-nowrap text-[10px] ${belowMin ? "text-red-700" : "text-emerald-700"}`}>min {svc.lower}</span>
            </span>
          )}
          <span className="absolute right-0 top-4 text-[10px] text-slate-500" aria-hidden>max {svc.upper}</span>
        </div>
        {leaving.length > 0 && (
          <div className="w-1/5 shrink-0" title="Tasks ECS is stopping no longer count toward either bound">
            <div className="flex gap-0.5">{leaving.map((s, i) => slot(s, i))}</div>
            <span className="text-[10px] text-slate-500">stopping</span>
          </div>
        )}
      </div>
      {svc.segments.some((x) => x.side) && (
        <ul className="flex flex-wrap gap-x-4 text-[11px] font-medium text-slate-800" aria-label={`Traffic of ${svc.name}`} data-testid="scene-traffic">
          {svc.segments.filter((x) => x.side).map((x) => (
            <li key={x.revision} className="inline-flex items-center gap-1" data-side={x.side}>
              <span aria-hidden className={`h-2.5 w-2.5 rounded-sm ${fillOf(x)}`} />
              {x.side} revision {x.revision}: {x.running} running, <span className="tabular-nums">{x.percent} %</span> of traffic
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-700" data-testid="scene-story">{svc.story}</p>
      {svc.endpoints.length > 0 && (
        <ul className="flex flex-wrap gap-x-4 text-[11px] text-slate-700" aria-label={`Service Connect aliases of ${svc.name}`} data-testid="scene-endpoints">
          {svc.endpoints.map((e) => (
            <li key={e.alias} className="inline-flex items-center gap-1" data-alias={e.alias} data-endpoints={e.endpoints}>
              <span aria-hidden className={`h-2 w-2 rounded-full ${e.endpoints > 0 ? "bg-emerald-600" : "bg-slate-300"}`} />
              <span className="font-mono">{endpointsLabel(e)}</span>
            </li>
          ))}
        </ul>
      )}
      {svc.deployments.length > 0 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-0.5 text-[11px] text-slate-600" aria-label={`Deployments of ${svc.name}`} data-testid="scene-deployments">
          {svc.deployments.map((d) => (
            <li key={`${d.status}-${d.revision}`} className="inline-flex items-center gap-1">
              <span aria-hidden className={`h-2.5 w-2.5 rounded-sm ${fillOf(d)}`} />
              <span className="font-mono">{d.status}</span> revision {d.revision}: {d.running}/{d.desired} running{d.pending ? `, ${d.pending} pending` : ""}
              {d.rolloutState ? ` · ${d.rolloutState.replace("_", " ").toLowerCase()}` : ""}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Bar({ label, share, detail }: { label: string; share: number; detail: string }) {
  return (
    <div className="flex items-center gap-1.5 text-[10px] text-slate-600" title={detail}>
      <span className="w-7 shrink-0">{label}</span>
      <span className="h-1.5 flex-1 overflow-hidden rounded bg-slate-200">
        <span className={`block h-full rounded ${share > 0.9 ? "bg-red-600" : "bg-emerald-600"} transition-[width] duration-700`} style={{ width: `${share * 100}%` }} />
      </span>
      <span className="w-8 shrink-0 text-right">{Math.round(share * 100)}%</span>
    </div>
  );
}

function Instance({ ci }: { ci: SceneInstance }) {
  return (
    <li className="min-w-36 flex-1 rounded-md border border-slate-200 bg-white p-2" data-testid="scene-instance" data-tasks={ci.tasks.length}>
      <p className="flex items-baseline justify-between gap-2 text-xs">
        <span className="truncate font-mono text-slate-800">{ci.label}</span>
        {ci.status !== "ACTIVE" && <span className="text-[10px] font-semibold text-amber-800">{ci.status}</span>}
      </p>
      <div className="mt-1 space-y-0.5">
        <Bar label="CPU" share={ci.cpuUsed} detail={`${ci.cpu.used} of ${ci.cpu.registered} CPU units in use`} />
        <Bar label="Mem" share={ci.memoryUsed} detail={`${ci.memory.used} of ${ci.memory.registered} MiB in use`} />
      </div>
      <div className="mt-1.5 flex min-h-5 flex-wrap gap-1">
        {ci.tasks.length ? ci.tasks.map((t) => <Token key={t.id} task={t} compact />) : <span className="text-[10px] text-slate-500">empty</span>}
      </div>
    </li>
  );
}

function More({ n, what }: { n: number; what: string }) {
  return <p className="text-[11px] text-slate-500" data-testid="scene-more">+{n} more {what}{n === 1 ? "" : "s"}</p>;
}

/** "What just happened": the changes between consecutive looks, newest first, kept for a while. */
function useChanges(input: SceneInput | undefined, max = 6) {
  const prev = useRef<SceneInput | undefined>(undefined);
  const [log, setLog] = useState<{ id: number; text: string }[]>([]);
  const seq = useRef(0);
  useEffect(() => {
    if (!input) return;
    const fresh = sceneChanges(prev.current, input);
    prev.current = input;
    if (fresh.length) setLog((l) => [...fresh.reverse().map((text) => ({ id: ++seq.current, text })), ...l].slice(0, max));
  }, [input, max]);
  return log;
}

/** `focus` names a service to follow: its tasks alone fill the lanes. */
export function ClusterScene({ input, focus, title = "What the scheduler is doing" }: { input: SceneInput; focus?: string; title?: string }) {
  const scene = useMemo(() => buildScene(input, focus), [input, focus]);
  const changes = useChanges(input);
  if (scene.empty) {
    return <p className="text-sm text-slate-600" data-testid="sandbox-scene-empty">No services, tasks or instances in this cluster yet.</p>;
  }
  return (
    <div className="space-y-4" data-testid="sandbox-scene">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        <p className="text-[11px] text-slate-500">Each task moves left to right. Point at a state to see what ECS does there.</p>
      </div>
      <Lanes scene={scene} />
      {scene.legend.length > 1 && (
        <p className="flex flex-wrap items-center gap-2 text-[11px] text-slate-600" data-testid="scene-legend">
          Colours:{scene.legend.map((e) => (
            <span key={`${e.revision}/${e.side}`} className="inline-flex items-center gap-1" data-side={e.side}>
              <span className={`h-2.5 w-2.5 rounded-sm ${fillOf(e)}`} aria-hidden />revision {e.revision}{e.side ? ` (${e.side})` : ""}
            </span>
          ))}
        </p>
      )}
      {scene.services.length > 0 && (
        <div className="space-y-3">
          {scene.services.map((s) => <DeploymentSlots key={s.name} svc={s} />)}
          {scene.more.services > 0 && <More n={scene.more.services} what="service" />}
        </div>
      )}
      {(scene.instances.length > 0 || scene.fargate.length > 0) && (
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Where the tasks run</h4>
          <ul className="mt-1 flex flex-wrap gap-2" aria-label="Container instances">
            {scene.instances.map((ci) => <Instance key={ci.arn} ci={ci} />)}
            {fargatePools(scene.fargate).map(({ spot, tasks }, i, pools) => (
              <li key={spot ? "spot" : "fargate"} className="min-w-36 flex-1 rounded-md border border-dashed border-slate-300 p-2" data-testid="scene-fargate" data-spot={spot}>
                <p className="text-xs text-slate-700">
                  {spot ? "Fargate Spot" : "Fargate"}{" "}
                  <span className="text-slate-500">{spot ? "(spare capacity, cheaper; AWS can take it back with two minutes' warning)" : "(capacity AWS runs for each task)"}</span>
                </p>
                <div className="mt-1.5 flex flex-wrap gap-1">{tasks.map((t) => <Token key={t.id} task={t} compact />)}</div>
                {i === pools.length - 1 && scene.more.fargate > 0 && <More n={scene.more.fargate} what="task" />}
              </li>
            ))}
            {scene.more.instances > 0 && <li className="self-center"><More n={scene.more.instances} what="less busy instance" /></li>}
          </ul>
        </div>
      )}
      <div>
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">What just happened</h4>
        <ol role="log" aria-live="polite" className="mt-1 space-y-0.5 text-xs text-slate-700" data-testid="scene-changes">
          {changes.length ? changes.map((c) => <li key={c.id}>{c.text}</li>) : <li className="text-slate-500">Watching for changes…</li>}
        </ol>
      </div>
    </div>
  );
}

/** Fargate tasks in two pools, on-demand first, then Spot (each only when it has tasks). */
function fargatePools(tasks: SceneTask[]): { spot: boolean; tasks: SceneTask[] }[] {
  const spot = tasks.filter((t) => t.capacityProvider === "FARGATE_SPOT");
  const onDemand = tasks.filter((t) => t.capacityProvider !== "FARGATE_SPOT");
  return [{ spot: false, tasks: onDemand }, { spot: true, tasks: spot }].filter((p) => p.tasks.length > 0);
}
