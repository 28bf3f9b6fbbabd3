"use client";

import type { ScheduleView } from "@/lib/domain/monitor";
import { useClusterSchedules } from "@/lib/query/monitor";

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : undefined);

/** The EventBridge Scheduler schedules that run tasks in this cluster; nothing when there are none. */
export function ClusterSchedules({ envId, cluster }: { envId: string; cluster: string }) {
  const q = useClusterSchedules(envId, cluster);
  const v = q.data;
  if (!v || (v.schedules.length === 0 && !v.error)) return null;
  return (
    <div className="space-y-2" data-testid="cluster-schedules">
      <h3 className="text-sm font-semibold text-slate-900">Scheduled tasks ({v.schedules.length})</h3>
      {v.error && <p className="text-sm text-red-700" role="alert">Could not read the schedules: {v.error}</p>}
      {v.schedules.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
              <tr><th className="py-2 pr-3">Schedule</th><th className="pr-3">Expression</th><th className="pr-3">Runs</th><th className="pr-3">Next run</th><th>Tasks it started</th></tr>
            </thead>
            <tbody>{v.schedules.map((s) => <ScheduleRow key={`${s.group}/${s.name}`} s={s} />)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ScheduleRow({ s }: { s: ScheduleView }) {
  return (
    <tr className="border-b border-slate-100 align-top last:border-0" data-testid={`schedule-${s.name}`}>
      <td className="py-2 pr-3">
        <span className="font-medium text-slate-900">{s.name}</span>
        {s.group !== "default" && <span className="ml-1 text-xs text-slate-600">in {s.group}</span>}
        {s.state !== "ENABLED" && <span className="ml-1 text-xs font-semibold text-amber-800">{s.state}</span>}
      </td>
      <td className="py-2 pr-3 font-mono text-xs">{s.expression}{s.timezone !== "UTC" && <span className="ml-1 font-sans text-slate-600">({s.timezone})</span>}</td>
      <td className="py-2 pr-3 text-slate-700">{s.taskCount} × {s.taskDefinition ?? "—"}</td>
      <td className="py-2 pr-3 tabular-nums" data-testid="next-run">{when(s.nextRunAt) ?? <span className="text-slate-600">none</span>}</td>
      <td className="py-2">
        {s.tasks.length === 0 ? <span className="text-slate-600">none yet</span> : (
          <ul className="space-y-0.5">
            {s.tasks.slice(0, 5).map((t) => (
              <li key={t.taskId} className="text-xs" data-testid="schedule-task">
                <span className="font-mono">{t.taskId.slice(0, 12)}</span> <span className="font-semibold text-slate-800">{t.lastStatus}</span>
                {t.exitCode !== undefined && <span className="text-slate-700"> · exit {t.exitCode}</span>}
                {t.createdAt && <span className="text-slate-600"> · {when(t.createdAt)}</span>}
              </li>
            ))}
            {s.tasks.length > 5 && <li className="text-xs text-slate-600">and {s.tasks.length - 5} more</li>}
          </ul>
        )}
      </td>
    </tr>
  );
}
