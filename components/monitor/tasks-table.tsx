"use client";

import { Fragment, useState } from "react";
import type { MonitorTask } from "@/lib/domain/monitor";
import { ExecReadinessPanel } from "./exec-readiness";

const short = (iso?: string) => (iso ? iso.slice(11, 19) : "—");
const rev = (arn?: string) => arn?.slice(arn.lastIndexOf("/") + 1) ?? "—";

const statusTone = (s: string) => (s === "RUNNING" ? "text-emerald-700" : s === "STOPPED" ? "text-slate-500" : "text-sky-700");

/** `exec`: where the tasks are, to offer each running task's ECS Exec readiness. */
export function TasksTable({ tasks, exec }: { tasks: MonitorTask[]; exec?: { envId: string; cluster: string } }) {
  const [open, setOpen] = useState<string>();
  if (tasks.length === 0) return <p className="text-sm text-slate-600">No tasks.</p>;
  const order = (t: MonitorTask) => (t.lastStatus === "STOPPED" ? 1 : 0);
  const sorted = [...tasks].sort((a, b) => order(a) - order(b) || (b.startedAt ?? b.createdAt ?? "").localeCompare(a.startedAt ?? a.createdAt ?? ""));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="tasks-table">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr><th className="py-2 pr-3">Task</th><th className="pr-3">Last / desired</th><th className="pr-3">Health</th><th className="pr-3">Revision</th><th className="pr-3">Started</th><th className="pr-3">Stopped</th><th className="pr-3">Capacity</th><th className="pr-3">AZ</th><th className="pr-3">Containers</th>{exec && <th>ECS Exec</th>}</tr>
        </thead>
        <tbody>
          {sorted.map((t) => (
            <Fragment key={t.taskArn}>
            <tr className="border-b border-slate-100 align-top last:border-0" data-testid="task-row" data-status={t.lastStatus}>
              <td className="py-1.5 pr-3 font-mono text-xs" title={t.taskArn}>{t.taskId.slice(0, 12)}</td>
              <td className="py-1.5 pr-3"><span className={`font-medium ${statusTone(t.lastStatus)}`}>{t.lastStatus}</span><span className="text-slate-500"> / {t.desiredStatus}</span></td>
              <td className="py-1.5 pr-3">{t.healthStatus ?? "—"}</td>
              <td className="py-1.5 pr-3 font-mono text-xs">{rev(t.taskDefinitionArn)}</td>
              <td className="py-1.5 pr-3 tabular-nums">{short(t.startedAt)}</td>
              <td className="py-1.5 pr-3 tabular-nums">{short(t.stoppedAt)}</td>
              <td className="py-1.5 pr-3 text-xs" data-testid="task-capacity">
                {t.capacityProviderName === "FARGATE_SPOT"
                  ? <span className="rounded bg-amber-50 px-1 font-medium text-amber-900" title="Fargate Spot: cheaper, and AWS may take it back with a two-minute warning">FARGATE_SPOT</span>
                  : t.capacityProviderName ?? t.launchType ?? "—"}
              </td>
              <td className="py-1.5 pr-3">{t.availabilityZone ?? "—"}</td>
              <td className="py-1.5 text-xs">
                {t.containers.map((c) => (
                  <div key={c.name}>
                    <span className="font-medium">{c.name}</span> {c.lastStatus ?? ""}
                    {c.exitCode !== undefined && <span className={c.exitCode === 0 || (c.exitCode === 143 && t.stopCode !== "EssentialContainerExited") ? "text-slate-600" : "font-semibold text-red-700"} title={c.exitCode === 143 ? "SIGTERM: asked to stop" : undefined}> exit {c.exitCode}</span>}
                    {c.healthStatus && c.healthStatus !== "UNKNOWN" && <span className="text-slate-600"> · {c.healthStatus.toLowerCase()}</span>}
                  </div>
                ))}
              </td>
              {exec && (
                <td className="py-1.5 pl-3">
                  {t.lastStatus !== "STOPPED" && (
                    <button type="button" className="text-xs font-medium text-brand-700 hover:underline" aria-expanded={open === t.taskArn} data-testid="exec-check"
                      onClick={() => setOpen(open === t.taskArn ? undefined : t.taskArn)}>{open === t.taskArn ? "Hide" : "Check"}</button>
                  )}
                </td>
              )}
            </tr>
            {exec && open === t.taskArn && (
              <tr><td colSpan={10} className="pb-3"><ExecReadinessPanel envId={exec.envId} cluster={exec.cluster} taskId={t.taskId} containers={t.containers.map((c) => c.name)} /></td></tr>
            )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
