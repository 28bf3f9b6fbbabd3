"use client";

import Link from "next/link";
import type { ServiceView } from "@/lib/domain/monitor";
import { Alert } from "@/components/ui/alert";
import { ClusterSchedules } from "./cluster-schedules";
import { ContainerInstances } from "./container-instances";
import { Freshness } from "./freshness";
import { HealthBadge, RolloutState } from "./health-badge";
import { historyPath, servicePath } from "./links";
import { useClusterView, useClusters } from "@/lib/query/monitor";

export function EnvironmentOverview({ envId }: { envId: string }) {
  const clusters = useClusters(envId);
  if (clusters.isPending) return <p className="text-sm text-slate-600">Looking for clusters…</p>;
  if (clusters.error) return <Alert tone="error" title="Could not list the clusters">{clusters.error.message}</Alert>;
  const list = clusters.data;
  return (
    <div className="space-y-8">
      {list.error && <Alert tone="error" title="The environment is unreachable">{list.error}</Alert>}
      {list.clusters.length === 0 && !list.error && <p className="text-slate-700">This environment has no clusters yet.</p>}
      {list.clusters.map((c) => <ClusterSection key={c} envId={envId} cluster={c} />)}
    </div>
  );
}

function ClusterSection({ envId, cluster }: { envId: string; cluster: string }) {
  const q = useClusterView(envId, cluster);
  const v = q.data;
  return (
    <section aria-labelledby={`cluster-${cluster}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`cluster-${cluster}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`cluster-${cluster}`} className="text-lg font-semibold text-slate-900">Cluster {cluster}</h2>
        <Link href={historyPath(envId, cluster)} className="text-sm font-medium text-brand-700 hover:underline">Search history</Link>
      </div>
      <Freshness lastRefreshedAt={v?.lastRefreshedAt} stale={v?.stale} unreachable={v?.unreachable} error={v?.error} fetchError={q.error?.message} />
      {q.isPending && <p className="text-sm text-slate-600">Asking ECS…</p>}
      {v && v.services.length === 0 && <p className="text-sm text-slate-700">No services in this cluster.</p>}
      {v && v.services.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
              <tr><th className="py-2 pr-3">Service</th><th className="pr-3">Health</th><th className="pr-3 text-right">Desired</th><th className="pr-3 text-right">Running</th><th className="pr-3 text-right">Pending</th><th className="pr-3">Deployments</th><th>Latest event</th></tr>
            </thead>
            <tbody>{v.services.map((s) => <ServiceRow key={s.serviceArn} envId={envId} cluster={cluster} s={s} />)}</tbody>
          </table>
        </div>
      )}
      <ContainerInstances envId={envId} cluster={cluster} />
      <ClusterSchedules envId={envId} cluster={cluster} />
    </section>
  );
}

function ServiceRow({ envId, cluster, s }: { envId: string; cluster: string; s: ServiceView }) {
  const latest = s.events[0];
  return (
    <tr className="border-b border-slate-100 align-top last:border-0" data-testid={`service-row-${s.serviceName}`}>
      <td className="whitespace-nowrap py-2 pr-3"><Link href={servicePath(envId, cluster, s.serviceName)} className="font-medium text-brand-700 hover:underline">{s.serviceName}</Link></td>
      <td className="py-2 pr-3"><HealthBadge health={s.health} /><p className="mt-1 max-w-[16rem] text-xs text-slate-600">{s.health.reasons[0]}</p></td>
      <td className="py-2 pr-3 text-right tabular-nums">{s.desiredCount}</td>
      <td className="py-2 pr-3 text-right tabular-nums" data-testid="running">{s.runningCount}</td>
      <td className="py-2 pr-3 text-right tabular-nums">{s.pendingCount}</td>
      <td className="py-2 pr-3">
        <ul className="space-y-0.5">
          {s.deployments.map((d) => (
            <li key={d.id} className="text-xs"><span className="text-slate-600">{d.status.toLowerCase()}</span> <RolloutState state={d.rolloutState} failed={d.failedTasks} /> <span className="text-slate-500">{d.runningCount}/{d.desiredCount}</span></li>
          ))}
        </ul>
      </td>
      <td className="py-2 text-xs text-slate-700">{latest ? <><time className="mr-1 text-slate-500" dateTime={latest.createdAt}>{latest.createdAt.slice(11, 19)}</time>{latest.message}</> : "—"}</td>
    </tr>
  );
}
