"use client";

import { useState } from "react";
import type { ReadinessItem } from "@/lib/domain/monitor";
import { useExecReadiness } from "@/lib/query/monitor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// ECS Exec readiness of one task, as the tasks table opens it: each item ✓/✗ (or ? when IAM
// could not be read) with its fix, and the exact execute-command line to copy. No terminal of
// our own: the AWS CLI's Session Manager plugin is the one that opens the shell.

const MARK: Record<string, { sign: string; tone: string; label: string }> = {
  true: { sign: "✓", tone: "text-emerald-700", label: "holds" },
  false: { sign: "✗", tone: "text-red-700", label: "does not hold" },
  unknown: { sign: "?", tone: "text-amber-800", label: "could not be checked" },
  "n/a": { sign: "–", tone: "text-slate-500", label: "does not apply" },
};

export function ExecReadinessPanel({ envId, cluster, taskId, containers }: { envId: string; cluster: string; taskId: string; containers: string[] }) {
  const [container, setContainer] = useState(containers[0] ?? "");
  const q = useExecReadiness(envId, cluster, taskId, container || undefined);
  const [copied, setCopied] = useState(false);
  const r = q.data;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="exec-readiness" aria-label={`ECS Exec readiness of ${taskId.slice(0, 12)}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">ECS Exec</span>
        {containers.length > 1 && (
          <label className="text-xs text-slate-700">container{" "}
            <select className="h-7 rounded border border-slate-300 bg-white px-1 text-xs" value={container} onChange={(e) => setContainer(e.target.value)}>
              {containers.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        )}
        {r && <span className={`text-xs font-semibold ${r.ready ? "text-emerald-700" : "text-red-700"}`} data-testid="exec-ready">{r.ready ? "ready" : "not ready"}</span>}
        <a className="ml-auto text-xs text-brand-700 hover:underline" href={r?.docs ?? "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html"} target="_blank" rel="noreferrer">AWS: using ECS Exec</a>
      </div>
      {q.isPending && <p className="text-slate-600">Checking the task and its role…</p>}
      {q.error && <Alert tone="error" title="Could not check ECS Exec">{q.error.message}</Alert>}
      {r && (
        <>
          <ul className="space-y-1">{r.items.map((i) => <Item key={i.id} item={i} />)}</ul>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 overflow-x-auto whitespace-nowrap rounded bg-slate-950 px-2 py-1.5 font-mono text-xs text-slate-100" data-testid="exec-command">{r.command}</code>
            <Button size="sm" onClick={() => { void navigator.clipboard?.writeText(r.command).then(() => setCopied(true)); }}>{copied ? "Copied" : "Copy"}</Button>
          </div>
        </>
      )}
    </div>
  );
}

function Item({ item }: { item: ReadinessItem }) {
  const m = MARK[String(item.ok)];
  return (
    <li className="flex gap-2" data-testid="exec-item" data-item={item.id} data-ok={String(item.ok)}>
      <span className={`w-4 shrink-0 text-center font-bold ${m.tone}`} aria-label={m.label}>{m.sign}</span>
      <span>
        <span className="text-slate-900">{item.label}</span><span className="text-slate-600"> · {item.detail}</span>
        {item.fix && item.ok !== true && <span className="block text-xs text-slate-700">Fix: {item.fix}</span>}
      </span>
    </li>
  );
}
