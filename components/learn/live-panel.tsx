"use client";

import { useQuery } from "@tanstack/react-query";
import type { LiveTask, LiveView } from "@/lib/domain/learn/live-view";
import { getJson } from "@/lib/query/get-json";
import { ClusterScene } from "@/components/monitor/cluster-scene";

const statusTone: Record<string, string> = {
  RUNNING: "bg-emerald-50 text-emerald-700 ring-emerald-600/30",
  STOPPED: "bg-slate-100 text-slate-700 ring-slate-400/40",
  DEACTIVATING: "bg-amber-50 text-amber-800 ring-amber-500/30",
  STOPPING: "bg-amber-50 text-amber-800 ring-amber-500/30",
  DEPROVISIONING: "bg-amber-50 text-amber-800 ring-amber-500/30",
};

function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex rounded px-1.5 py-0.5 font-mono text-xs font-medium ring-1 ${statusTone[status] ?? "bg-sky-50 text-sky-800 ring-sky-500/30"}`}>
      {status}
    </span>
  );
}

/** The sandbox's tasks for the lesson, refreshed every 2 s, so lifecycle changes show as they happen. */
export function LivePanel({ lessonId }: { lessonId: string }) {
  const { data, error } = useQuery({
    queryKey: ["learn-live", lessonId],
    queryFn: () => getJson<LiveView>(`/learn/${lessonId}/live`, "Reading the sandbox"),
    refetchInterval: 2000,
    staleTime: 0,
  });
  const showInstance = data?.tasks.some((t) => t.instance);
  const showCapacity = data?.tasks.some((t) => t.capacity);
  return (
    <section aria-labelledby="live-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="live-panel">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="live-heading" className="text-lg font-semibold text-slate-900">In the sandbox</h2>
        <p className="text-xs text-slate-500">Refreshes every 2 seconds</p>
      </div>
      {error && <p role="alert" className="mt-3 text-sm text-red-700">{(error as Error).message}</p>}
      {data && data.services.length === 0 && data.tasks.length === 0 && (
        <p className="mt-3 text-sm text-slate-600">Nothing runs here yet. “Apply to sandbox” creates the lesson’s cluster, task definition and service.</p>
      )}
      {data && (data.services.length > 0 || data.tasks.length > 0) && (
        <div className="mt-4 rounded-lg border border-slate-100 bg-slate-50/60 p-3">
          <ClusterScene input={data.scene} />
        </div>
      )}
      {data?.services.map((s) => s.events[0] && (
        <p key={s.name} className="mt-3 text-xs text-slate-600" data-testid="live-service">
          Latest event of <span className="font-mono">{s.name}</span>: {s.events[0]}
        </p>
      ))}
      {data && data.tasks.length > 0 && (
        <table className="mt-4 w-full text-left text-sm" data-testid="live-tasks">
          <caption className="pb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">Every task, in detail</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1.5 pr-3 font-medium">Task</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">Rev.</th>
              {showInstance && <th scope="col" className="py-1.5 pr-3 font-medium">Instance</th>}
              {showCapacity && <th scope="col" className="py-1.5 pr-3 font-medium">Capacity</th>}
              <th scope="col" className="py-1.5 pr-3 font-medium">Status</th>
              <th scope="col" className="py-1.5 font-medium">Stopped because</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.tasks.map((t: LiveTask) => (
              <tr key={t.id} data-testid="live-task" data-status={t.lastStatus}>
                <td className="py-1.5 pr-3 font-mono text-xs text-slate-800">{t.id}</td>
                <td className="py-1.5 pr-3 text-slate-700">{t.revision}</td>
                {showInstance && <td className="py-1.5 pr-3 font-mono text-xs text-slate-700">{t.instance ?? "—"}</td>}
                {showCapacity && <td className="py-1.5 pr-3 text-xs text-slate-700" data-testid="live-task-capacity">{t.capacity ?? "—"}</td>}
                <td className="py-1.5 pr-3"><StatusBadge status={t.lastStatus} /></td>
                <td className="py-1.5 text-xs text-slate-600">{t.stoppedReason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
