"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { sceneInputFromMonitor, sceneTrafficOf, taskActivity, withTraffic, type MonitorTask, type TimelineItem } from "@/lib/domain/monitor";
import { ClusterScene } from "./cluster-scene";
import { Alert } from "@/components/ui/alert";
import { DeploymentTimeline } from "./deployment-timeline";
import { ScalingActivities } from "./scaling-activities";
import { Freshness } from "./freshness";
import { HealthBadge, RolloutState } from "./health-badge";
import { historyPath } from "./links";
import { LogView, type LogJump } from "./log-view";
import { RunTaskButton } from "./run-task-dialog";
import { StopReasons } from "./stop-reasons";
import { TasksTable } from "./tasks-table";
import { UtilisationCharts } from "./utilisation-charts";
import { useClusterView, useContainerInstances, useServiceDeployments, useServiceHistory } from "@/lib/query/monitor";

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={title} data-testid={testId}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

const TONE: Record<TimelineItem["tone"], string> = { bad: "border-red-500", good: "border-emerald-500", info: "border-slate-300" };

export function ServiceMonitor({ envId, cluster, service }: { envId: string; cluster: string; service: string }) {
  const live = useClusterView(envId, cluster, service);
  const history = useServiceHistory(envId, cluster, service);
  const instances = useContainerInstances(envId, cluster);
  const v = live.data;
  // The same query the deployment timeline polls (one cache entry): it colours the scene blue and green.
  const deployments = useServiceDeployments(envId, cluster, service);
  const traffic = useMemo(() => sceneTrafficOf(deployments.data?.deployments), [deployments.data]);
  const scene = useMemo(() => (v ? withTraffic(sceneInputFromMonitor(v, instances.data?.instances), service, traffic) : undefined), [v, instances.data, service, traffic]);
  const s = v?.services[0];
  // The chart ends at the snapshot's time, else when the last answer came (no clock read while rendering).
  const now = v?.lastRefreshedAt ? Date.parse(v.lastRefreshedAt) : live.dataUpdatedAt;
  const points = [...(history.data?.samples ?? []), ...(s && v?.lastRefreshedAt ? [{ at: v.lastRefreshedAt, desired: s.desiredCount, running: s.runningCount }] : [])];
  const stopped = mergeStopped(v?.tasks ?? [], (history.data?.stoppedTasks ?? []) as unknown as MonitorTask[]);
  // Every task the page knows, ECS's answer first: what the charts mark and count as started and stopped.
  const activity = useMemo(() => taskActivity([...(v?.tasks ?? []), ...(history.data?.tasks ?? [])]), [v?.tasks, history.data?.tasks]);
  const [jump, setJump] = useState<LogJump>();
  // Deployments to mark: ECS's service deployments (the history), else the service's current ones.
  const marked = deployments.data?.deployments.length
    ? deployments.data.deployments.map((d) => ({ id: d.id, createdAt: d.startedAt ?? d.createdAt, taskDefinition: d.targetTaskDefinition }))
    : (s?.deployments ?? []);
  const taskIds = [...new Set([...(v?.tasks ?? []), ...stopped].map((t) => t.taskId))];

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{service}</h1>
          {s && <HealthBadge health={s.health} />}
          <Link href={historyPath(envId, cluster, service)} className="ml-auto text-sm font-medium text-brand-700 hover:underline">Search history and export</Link>
          {s && <RunTaskButton envId={envId} cluster={cluster} service={service} disabled={deployments.data ? !deployments.data.canDeploy : false} reason={deployments.data?.cannotDeployBecause} />}
        </div>
        {s && (
          <p className="text-slate-700" data-testid="service-counts">
            <span className="font-semibold tabular-nums">{s.runningCount}</span> running of <span className="font-semibold tabular-nums">{s.desiredCount}</span> desired
            {s.pendingCount > 0 && <>, <span className="tabular-nums">{s.pendingCount}</span> pending</>}
            {s.health.level !== "healthy" && <> · {s.health.reasons.join(" · ")}</>}
          </p>
        )}
        <Freshness lastRefreshedAt={v?.lastRefreshedAt} stale={v?.stale} unreachable={v?.unreachable} error={v?.error} fetchError={live.error?.message} />
      </header>
      {v && !s && !v.unreachable && <Alert tone="info" title="No such service">The cluster {cluster} has no service named {service} (it may have been deleted).</Alert>}
      {s && (
        <Section title="Deployment timeline" testId="deployment-timeline">
          <DeploymentTimeline envId={envId} cluster={cluster} service={service} desiredCount={s.desiredCount} />
        </Section>
      )}
      {s && (
        <Section title="Deployments" testId="deployments">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
                <tr><th className="py-2 pr-3">Deployment</th><th className="pr-3">Status</th><th className="pr-3">Rollout</th><th className="pr-3">Task definition</th><th className="pr-3 text-right">Running / desired</th><th className="pr-3 text-right">Pending</th><th>Reason</th></tr>
              </thead>
              <tbody>
                {s.deployments.map((d) => (
                  <tr key={d.id} className="border-b border-slate-100 align-top last:border-0" data-testid="deployment-row" data-rollout={d.rolloutState}>
                    <td className="py-1.5 pr-3 font-mono text-xs">{d.id}</td>
                    <td className="py-1.5 pr-3">{d.status}</td>
                    <td className="py-1.5 pr-3"><RolloutState state={d.rolloutState} failed={d.failedTasks} /></td>
                    <td className="py-1.5 pr-3 font-mono text-xs">{d.taskDefinition?.split("/").pop()}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{d.runningCount} / {d.desiredCount}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{d.pendingCount}</td>
                    <td className="py-1.5 text-xs text-slate-700">{d.rolloutStateReason ?? ""}{s.circuitBreaker?.enable && d.failedTasks > 0 ? ` Circuit breaker counted ${d.failedTasks} failed tasks.` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}
      {s && scene && (
        <Section title="Tasks right now" testId="service-scene">
          <ClusterScene input={scene} focus={service} title="Lifecycle, deployment bounds and placement" />
        </Section>
      )}
      <Section title="Utilisation and tasks" testId="utilisation">
        <UtilisationCharts envId={envId} cluster={cluster} service={service} counts={points} now={now} deployments={marked} tasks={activity} />
      </Section>
      {s && (
        <Section title="Scaling activity" testId="scaling-activity">
          <ScalingActivities envId={envId} cluster={cluster} service={service} />
        </Section>
      )}
      {s && <Section title="Tasks" testId="tasks"><TasksTable tasks={v.tasks} exec={{ envId, cluster }} /></Section>}
      <Section title="Why tasks stopped" testId="why-stopped">
        <StopReasons tasks={stopped} onShowLogs={(t) => setJump({ taskId: t.taskId, at: Date.parse(t.stoppingAt ?? t.stoppedAt ?? "") || Date.parse(t.stoppedAt ?? "") })} />
      </Section>
      <Section title="Container logs" testId="logs">
        <LogView envId={envId} cluster={cluster} service={service} taskIds={taskIds} jump={jump} />
      </Section>
      <Section title="Timeline" testId="timeline">
        {history.error && <Alert tone="error" title="Could not read the history">{history.error.message}</Alert>}
        {history.data && history.data.timeline.length === 0 && <p className="text-sm text-slate-600">Nothing recorded yet.</p>}
        <ol className="space-y-1.5">
          {history.data?.timeline.slice(0, 60).map((i, n) => (
            <li key={`${i.at}-${n}`} className={`border-l-4 pl-3 text-sm ${TONE[i.tone]}`}>
              <time className="mr-2 tabular-nums text-slate-500" dateTime={i.at}>{i.at.slice(0, 19).replace("T", " ")}</time>
              <span className="mr-2 text-xs uppercase text-slate-500">{i.kind}</span>
              <span className="text-slate-800">{i.text}</span>
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}

/** Stopped tasks ECS still shows, plus those only the recorder remembers, newest first. */
function mergeStopped(live: MonitorTask[], recorded: MonitorTask[]): MonitorTask[] {
  const byArn = new Map<string, MonitorTask>();
  for (const t of recorded) if (t.lastStatus === "STOPPED") byArn.set(t.taskArn, { ...t, containers: t.containers ?? [] });
  for (const t of live) if (t.lastStatus === "STOPPED") byArn.set(t.taskArn, t);
  return [...byArn.values()].sort((a, b) => (b.stoppedAt ?? "").localeCompare(a.stoppedAt ?? "")).slice(0, 20);
}
