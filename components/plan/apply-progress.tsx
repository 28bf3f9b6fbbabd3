"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ApplyStepRecord, ApplyView, StepStatus } from "@/lib/actions/environment-types";
import { getJson } from "@/lib/query/get-json";
import { Alert } from "@/components/ui/alert";
import { findingLines } from "@/lib/domain/plan/render";
import { ActionBadge } from "./action-badge";
import { overriddenText } from "./overridden";

const ICON: Record<StepStatus, { text: string; className: string }> = {
  pending: { text: "not run", className: "text-slate-500" },
  running: { text: "running…", className: "text-brand-700" },
  done: { text: "done", className: "text-emerald-800" },
  failed: { text: "failed", className: "text-red-800" },
};

function StepRow({ step }: { step: ApplyStepRecord }) {
  return (
    <li className="px-4 py-2.5" data-testid="apply-step" data-status={step.status} aria-label={`${step.name} ${step.status}`}>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <ActionBadge action={step.action} />
        <span className="min-w-0 flex-1 font-mono font-semibold text-slate-900">{step.name}</span>
        <span className={`font-medium ${ICON[step.status].className}`}>{ICON[step.status].text}</span>
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {step.calls.map((c, i) => (
          <span key={i} className={`mr-3 ${ICON[c.status].className}`}>{c.operation}: {ICON[c.status].text}</span>
        ))}
      </p>
      {step.message && <p className="mt-1 text-xs text-brand-700">{step.message}</p>}
      {step.error && (
        <div className="mt-2"><Alert tone="error" title={`ECS answered ${step.error.name}`}>{step.error.message}</Alert></div>
      )}
    </li>
  );
}

/** Polls the apply every second while it runs; the apply itself runs on the server regardless. */
export function ApplyProgress({ applyId, onFinished }: { applyId: string; onFinished?: (a: ApplyView) => void }) {
  const q = useQuery({
    queryKey: ["apply", applyId],
    queryFn: () => getJson<ApplyView>(`/api/applies/${applyId}`, "Reading the apply"),
    refetchInterval: (query) => (query.state.data?.status === "running" || !query.state.data ? 1000 : false),
    staleTime: 0,
  });
  const a = q.data;
  const finished = a && a.status !== "running";
  useEffect(() => { if (a && finished) onFinished?.(a); }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps

  if (q.error && !a) return <Alert tone="error">Could not read the apply: {(q.error as Error).message}</Alert>;
  if (!a) return <p className="text-sm text-slate-600">Starting…</p>;
  const done = a.steps.filter((s) => s.status === "done");
  return (
    <section aria-label="Apply progress" data-testid="apply-progress" data-status={a.status} className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h3 className="text-lg font-semibold text-slate-900">Apply to {a.environmentName}</h3>
        <span data-testid="apply-status" className={`rounded px-2 py-0.5 text-sm font-semibold ${a.status === "succeeded" ? "bg-emerald-50 text-emerald-800" : a.status === "failed" ? "bg-red-50 text-red-800" : "bg-brand-50 text-brand-800"}`}>
          {a.status === "running" ? "Running" : a.status === "succeeded" ? "Succeeded" : "Failed"}
        </span>
        <span className="text-sm text-slate-600">{done.length} of {a.steps.length} steps done</span>
      </div>
      {a.allowedErrors && (
        <div data-testid="apply-allowed-errors" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950">
          <p className="font-semibold">This design was {overriddenText(a.allowedErrors.length)}:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {findingLines(a.allowedErrors).map((line, i) => <li key={i}>{line}</li>)}
          </ul>
        </div>
      )}
      <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
        {a.steps.map((s) => <StepRow key={s.key} step={s} />)}
      </ol>
      {a.steady && (
        <div data-testid="steady-progress" className="rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-sm">
          <p className="font-medium text-slate-900">
            Deployments: {a.steady.status === "waiting" ? "waiting for a steady state…" : a.steady.status === "steady" ? "steady" : a.steady.message}
          </p>
          <ul className="mt-1 space-y-0.5 text-slate-700">
            {a.steady.services.map((s) => (
              <li key={`${s.service.cluster}/${s.service.service}`} className="font-mono text-xs">
                {s.service.cluster}/{s.service.service}: {s.running}/{s.desired} running, {s.pending} pending, {s.deployments} deployment{s.deployments === 1 ? "" : "s"}{s.rolloutState ? ` (${s.rolloutState})` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      {a.status === "failed" && (
        <Alert tone="error" title="The apply stopped">
          {a.error}
          <p className="mt-1">Done before it stopped: {done.length ? done.map((s) => s.name).join(", ") : "nothing"}. Plan again to see what is left.</p>
        </Alert>
      )}
      {a.status === "succeeded" && <Alert tone="success">Applied {a.steps.length} step{a.steps.length === 1 ? "" : "s"}. Plan again to confirm the account matches the design.</Alert>}
    </section>
  );
}
