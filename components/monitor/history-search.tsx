"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { historyUrl, useHistory } from "@/lib/query/monitor";

const STOP_REASONS = ["out-of-memory", "image-pull", "resource-init", "container-health", "elb-health", "exited", "failed-to-start", "user", "deployment", "scheduler", "spot", "unknown"];
const COLUMNS: Record<string, string[]> = {
  events: ["createdAt", "serviceName", "message"],
  tasks: ["observedAt", "serviceName", "taskId", "lastStatus", "stopCode", "stopCategory", "explanation"],
  deployments: ["updatedAt", "serviceName", "deploymentId", "status", "rolloutState", "runningCount", "desiredCount", "failedTasks", "rolloutStateReason"],
};

/** datetime-local (no zone) read as UTC, like every time on these pages. */
const toIso = (local: string) => (local ? new Date(`${local}:00Z`).toISOString() : "");

export function HistorySearch({ envId, cluster, initialService }: { envId: string; cluster: string; initialService?: string }) {
  const [form, setForm] = useState({ kind: "events", service: initialService ?? "", from: "", to: "", stopReason: "", text: "" });
  const [params, setParams] = useState<Record<string, string>>({ kind: "events", service: initialService ?? "" });
  const q = useHistory(envId, cluster, params);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ kind: form.kind, service: form.service, from: toIso(form.from), to: toIso(form.to), stopReason: form.kind === "tasks" ? form.stopReason : "", text: form.text });
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
  const cols = COLUMNS[params.kind] ?? COLUMNS.events;
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6" aria-label="Search the history">
        <label className="text-sm font-medium text-slate-800">What<select className={field} value={form.kind} onChange={set("kind")}><option value="events">Service events</option><option value="tasks">Task states</option><option value="deployments">Deployments</option></select></label>
        <label className="text-sm font-medium text-slate-800">Service<input className={field} value={form.service} onChange={set("service")} placeholder="any" /></label>
        <label className="text-sm font-medium text-slate-800">From (UTC)<input type="datetime-local" className={field} value={form.from} onChange={set("from")} /></label>
        <label className="text-sm font-medium text-slate-800">To (UTC)<input type="datetime-local" className={field} value={form.to} onChange={set("to")} /></label>
        <label className="text-sm font-medium text-slate-800">Stop reason<select className={field} value={form.stopReason} onChange={set("stopReason")} disabled={form.kind !== "tasks"}><option value="">any</option>{STOP_REASONS.map((r) => <option key={r} value={r}>{r}</option>)}</select></label>
        <label className="text-sm font-medium text-slate-800">Text<input className={field} value={form.text} onChange={set("text")} placeholder="contains…" /></label>
        <div className="flex flex-wrap gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={buttonClass("primary")}>Search</button>
          <a className={buttonClass()} href={historyUrl(envId, cluster, params, "csv")} download>Export CSV</a>
          <a className={buttonClass()} href={historyUrl(envId, cluster, params, "json")} download>Export JSON</a>
        </div>
      </form>
      {q.error && <Alert tone="error" title="The search failed">{q.error.message}</Alert>}
      {q.data && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <p className="mb-2 text-sm text-slate-600" data-testid="history-count">{q.data.rows.length} {q.data.rows.length === 1 ? "row" : "rows"}{q.data.rows.length >= 500 ? " (the newest 500)" : ""}</p>
          <table className="w-full text-left text-sm" data-testid="history-table">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600"><tr>{cols.map((c) => <th key={c} className="py-2 pr-3">{c}</th>)}</tr></thead>
            <tbody>
              {q.data.rows.map((r, i) => (
                <tr key={i} className="border-b border-slate-100 align-top last:border-0">
                  {cols.map((c) => <td key={c} className="py-1.5 pr-3 text-slate-800">{format(r[c])}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function format(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v)) return `${v.slice(0, 19).replace("T", " ")}`;
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}
