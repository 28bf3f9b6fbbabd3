"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import {
  continueServiceDeploymentAction, forceNewDeploymentAction, rollBackServiceDeploymentAction, setDesiredCountAction,
} from "@/lib/actions/monitor";
import type { ActionResult } from "@/lib/actions/result";
import type { DeploymentView } from "@/lib/domain/monitor";
import { useServiceDeployments } from "@/lib/query/monitor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";

// The service's deployments as ECS's service deployments API tells them, and what an on-call
// engineer does about them. Buttons show for everyone but only work for a deployer of the
// environment (the server decides; `canDeploy` only saves a refused click).

type Ref = { envId: string; cluster: string; service: string };

const STATUS_TONE: Record<string, string> = {
  SUCCESSFUL: "bg-emerald-100 text-emerald-900", IN_PROGRESS: "bg-sky-100 text-sky-900", PENDING: "bg-slate-100 text-slate-800",
  ROLLBACK_SUCCESSFUL: "bg-amber-100 text-amber-900", ROLLBACK_IN_PROGRESS: "bg-amber-100 text-amber-900", ROLLBACK_REQUESTED: "bg-amber-100 text-amber-900",
  ROLLBACK_FAILED: "bg-red-100 text-red-900", STOPPED: "bg-slate-200 text-slate-800", STOP_REQUESTED: "bg-slate-200 text-slate-800",
};

const time = (iso?: string) => (iso ? iso.slice(11, 19) : "");
const day = (iso?: string) => (iso ? iso.slice(0, 19).replace("T", " ") : "");
const left = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

/** Runs one action, shows its refusal, and refreshes what it changed. */
function useServiceAction() {
  const client = useQueryClient();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  function run<T>(call: () => Promise<ActionResult<T>>, after?: () => void) {
    setError(undefined);
    start(async () => {
      let r: ActionResult<T>;
      try {
        r = await call();
      } catch (err) {
        r = { ok: false, code: "INTERNAL", message: err instanceof Error ? err.message : "The request failed. Try again." };
      }
      if (!r.ok) {
        setError(r.issues?.length ? r.issues.map((i) => i.message).join(" · ") : r.message);
        return;
      }
      after?.();
      await client.invalidateQueries({ queryKey: ["monitor-deployments"] });
      await client.invalidateQueries({ queryKey: ["monitor"] });
    });
  }
  return { run, error, pending };
}

export function DeploymentTimeline({ envId, cluster, service, desiredCount }: Ref & { desiredCount?: number }) {
  const q = useServiceDeployments(envId, cluster, service);
  const v = q.data;
  const ref = { envId, cluster, service };
  return (
    <div className="space-y-4">
      {q.isPending && <p className="text-sm text-slate-600">Reading the service&apos;s deployments…</p>}
      {q.error && <Alert tone="error" title="Could not read the deployments">{q.error.message}</Alert>}
      {v?.error && <Alert tone="error" title="ECS did not answer the service deployments API">{v.error}{v.deployments.length > 0 && " Showing what the flight recorder saw last."}</Alert>}
      {v && <ServiceActions r={ref} desiredCount={desiredCount} canDeploy={v.canDeploy} reason={v.cannotDeployBecause} />}
      {v && v.deployments.length === 0 && !v.error && <p className="text-sm text-slate-600">No service deployments yet (ECS keeps 90 days of them).</p>}
      <ol className="space-y-3">
        {v?.deployments.map((d) => <DeploymentCard key={d.arn} d={d} r={ref} canDeploy={v.canDeploy} reason={v.cannotDeployBecause} />)}
      </ol>
    </div>
  );
}

function ServiceActions({ r, desiredCount, canDeploy, reason }: { r: Ref; desiredCount?: number; canDeploy: boolean; reason?: string }) {
  const { run, error, pending } = useServiceAction();
  const [count, setCount] = useState<string>("");
  const [confirm, setConfirm] = useState(false);
  const disabled = !canDeploy || pending;
  return (
    <div className="space-y-2" data-testid="service-actions">
      <div className="flex flex-wrap items-end gap-3">
        <Button onClick={() => setConfirm(true)} disabled={disabled} title={reason}>Force new deployment</Button>
        <form className="flex items-end gap-2" onSubmit={(e) => {
          e.preventDefault();
          run(() => setDesiredCountAction({ ...r, desiredCount: Number(count) }), () => setCount(""));
        }}>
          <label className="text-sm text-slate-700">
            <span className="block text-xs font-medium text-slate-600">Desired count</span>
            <input type="number" min={0} max={5000} step={1} required value={count} placeholder={desiredCount?.toString()} disabled={disabled}
              onChange={(e) => setCount(e.target.value)} className="h-9 w-24 rounded-md border border-slate-300 px-2 tabular-nums disabled:opacity-60" />
          </label>
          <Button type="submit" disabled={disabled || count === ""} title={reason}>Set desired count</Button>
        </form>
      </div>
      {!canDeploy && reason && <p className="text-xs text-slate-600" data-testid="cannot-deploy">You can watch this service but not change it: {reason}</p>}
      {error && <Alert tone="error">{error}</Alert>}
      <Dialog open={confirm} onClose={() => setConfirm(false)} title="Force a new deployment?"
        description={<>Every task of <strong>{r.service}</strong> is replaced with the same revision, following the service&apos;s deployment strategy.</>}>
        <DialogActions>
          <Button onClick={() => setConfirm(false)}>Cancel</Button>
          <Button variant="primary" disabled={pending} onClick={() => run(() => forceNewDeploymentAction(r), () => setConfirm(false))}>Force new deployment</Button>
        </DialogActions>
      </Dialog>
    </div>
  );
}

function DeploymentCard({ d, r, canDeploy, reason }: { d: DeploymentView; r: Ref; canDeploy: boolean; reason?: string }) {
  const { run, error, pending } = useServiceAction();
  const disabled = !canDeploy || pending;
  return (
    <li className={`space-y-3 rounded-md border p-3 ${d.active ? "border-sky-300 bg-sky-50/40" : "border-slate-200"}`} data-testid="service-deployment" data-status={d.status} data-strategy={d.strategy}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded bg-indigo-100 px-1.5 py-0.5 text-xs font-semibold text-indigo-900" data-testid="strategy">{d.strategy.replace("_", "/")}</span>
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_TONE[d.status] ?? "bg-slate-100 text-slate-800"}`}>{d.status}</span>
        <span className="font-mono text-xs text-slate-600">{d.id}</span>
        <span className="text-xs text-slate-600">started {day(d.startedAt ?? d.createdAt)}{d.finishedAt && `, finished ${day(d.finishedAt)}`}</span>
        {d.active && (
          <Button size="sm" variant="danger-ghost" className="ml-auto" disabled={disabled} title={reason}
            onClick={() => run(() => rollBackServiceDeploymentAction({ ...r, serviceDeploymentArn: d.arn }))}>Roll back deployment</Button>
        )}
      </div>
      {d.statusReason && <p className="text-sm text-slate-700">{d.statusReason}</p>}
      {d.stages.length > 0 && <Stepper d={d} />}
      {d.traffic.target !== undefined && <TrafficBar d={d} />}
      {d.hooks.map((h) => (
        <div key={h.hookId} className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-2.5 text-sm" data-testid="awaiting-hook">
          <p className="text-amber-950">
            <strong>{h.targetType === "PAUSE" ? "Paused" : "Hook waiting"}</strong> {h.stage ? `in ${h.stage}` : ""} (hook <span className="font-mono text-xs">{h.hookId}</span>)
            {h.secondsLeft !== undefined && <>: {left(h.secondsLeft)} left, then {h.timeoutAction ?? "ROLLBACK"}</>}
          </p>
          <div className="ml-auto flex gap-2">
            <Button size="sm" variant="primary" disabled={disabled} title={reason}
              onClick={() => run(() => continueServiceDeploymentAction({ ...r, serviceDeploymentArn: d.arn, hookId: h.hookId, action: "CONTINUE" }))}>Continue</Button>
            <Button size="sm" variant="danger" disabled={disabled} title={reason}
              onClick={() => run(() => continueServiceDeploymentAction({ ...r, serviceDeploymentArn: d.arn, hookId: h.hookId, action: "ROLLBACK" }))}>Roll back</Button>
          </div>
        </div>
      ))}
      {(d.circuitBreaker || d.rollback || d.alarms) && (
        <ul className="space-y-0.5 text-xs text-slate-700">
          {d.circuitBreaker && <li>Circuit breaker {d.circuitBreaker.status.toLowerCase()}: {d.circuitBreaker.failureCount} failed task{d.circuitBreaker.failureCount === 1 ? "" : "s"}{d.circuitBreaker.threshold !== undefined && ` of ${d.circuitBreaker.threshold} allowed`}.</li>}
          {d.alarms && <li>Alarms {d.alarms.status.toLowerCase()}{d.alarms.triggeredAlarmNames.length > 0 && `: ${d.alarms.triggeredAlarmNames.join(", ")} in ALARM`}.</li>}
          {d.rollback && <li className="text-amber-900">Rolled back{d.rollback.startedAt && ` at ${time(d.rollback.startedAt)}`}{d.rollback.reason && `: ${d.rollback.reason}`}{d.rollback.serviceRevisionArn && ` (to revision ${d.rollback.serviceRevisionArn.split("/").pop()})`}.</li>}
        </ul>
      )}
      {d.changes && (
        <details open={d.active} className="text-sm">
          <summary className="cursor-pointer text-slate-700">What changed ({d.changes.length === 0 ? "nothing: same revision" : `${d.changes.length} change${d.changes.length === 1 ? "" : "s"}`})</summary>
          {d.changes.length > 0 && (
            <table className="mt-2 w-full text-left text-xs" data-testid="revision-diff">
              <thead className="text-slate-600"><tr><th className="pr-3">Area</th><th className="pr-3">What</th><th className="pr-3">Blue (source)</th><th>Green (target)</th></tr></thead>
              <tbody>
                {d.changes.map((c, i) => (
                  <tr key={i} className="border-t border-slate-100 align-top">
                    <td className="py-1 pr-3 text-slate-600">{c.area}</td><td className="py-1 pr-3">{c.what}</td>
                    <td className="py-1 pr-3 font-mono text-blue-800">{c.from ?? "—"}</td><td className="py-1 font-mono text-emerald-800">{c.to ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </li>
  );
}

function Stepper({ d }: { d: DeploymentView }) {
  return (
    <ol className="flex flex-wrap gap-1 text-xs" aria-label="Lifecycle stages" data-testid="stages">
      {d.stages.map((s) => (
        <li key={s.stage} data-state={s.state} aria-current={s.state === "current" ? "step" : undefined}
          className={`rounded-full px-2 py-0.5 ${s.state === "done" ? "bg-emerald-100 text-emerald-900" : s.state === "current" ? "bg-sky-600 font-semibold text-white" : "bg-slate-100 text-slate-500"}`}>
          {s.label}
        </li>
      ))}
    </ol>
  );
}

function TrafficBar({ d }: { d: DeploymentView }) {
  const green = Math.max(0, Math.min(100, d.traffic.target ?? 0));
  const blue = 100 - green;
  return (
    <div className="space-y-1" data-testid="traffic">
      <div className="flex h-5 overflow-hidden rounded text-[11px] font-semibold text-white" role="img" aria-label={`Production traffic: ${blue}% blue, ${green}% green`}>
        {blue > 0 && <div className="flex items-center justify-center bg-blue-600" style={{ width: `${blue}%` }}>{blue}% blue</div>}
        {green > 0 && <div className="flex items-center justify-center bg-emerald-600" style={{ width: `${green}%` }}>{green}% green</div>}
      </div>
      <p className="text-xs text-slate-600">
        {d.sources[0] && <>Blue {d.sources[0].running}/{d.sources[0].requested} tasks · </>}
        {d.target && <>green {d.target.running}/{d.target.requested} tasks</>}
        {d.traffic.test !== undefined && <> · test traffic {d.traffic.test}% green</>}
        {d.traffic.over.length > 1 && <> · traffic over time: {d.traffic.over.map((p) => `${time(p.at)} ${p.target}%`).join(" → ")}</>}
      </p>
    </div>
  );
}
