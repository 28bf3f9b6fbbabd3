"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, useTransition } from "react";
import { resumeApplyAction } from "@/lib/actions/applies";
import type { ApplyStepRecord, ApplyView, StepStatus } from "@/lib/actions/environment-types";
import { getJson } from "@/lib/query/get-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionBadge } from "./action-badge";
import { APPLY_STATUS } from "./apply-status";
import { findingLines } from "@/lib/domain/plan/render";
import { overriddenText } from "./overridden";
import { IfRole } from "@/components/auth/person-context";

const ICON: Record<StepStatus, { text: string; className: string }> = {
  pending: { text: "not run", className: "text-slate-500" },
  running: { text: "running…", className: "text-brand-700" },
  done: { text: "done", className: "text-emerald-800" },
  failed: { text: "failed", className: "text-red-800" },
  interrupted: { text: "cut off", className: "text-amber-900" },
};

/** An interrupted apply's calls that were under way read as cut off, not as still running. */
const cutOff = (steps: ApplyStepRecord[]): ApplyStepRecord[] => steps.map((s) => s.status !== "running" ? s : {
  ...s, status: "interrupted", calls: s.calls.map((c) => (c.status === "running" ? { ...c, status: "interrupted" } : c)),
});

const time = (iso: string) => `${new Date(iso).toLocaleTimeString("en-GB", { timeZone: "UTC" })} UTC`;

function StepList({ steps, label }: { steps: ApplyStepRecord[]; label: string }) {
  return (
    <ol aria-label={label} className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
      {steps.map((s) => <StepRow key={s.key} step={s} />)}
    </ol>
  );
}

/** Steps whose calls go to Elastic Load Balancing rather than ECS. */
const ELBV2_KINDS = new Set<ApplyStepRecord["kind"]>(["target-group", "load-balancer", "listener"]);

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
        <div className="mt-2"><Alert tone="error" title={`${ELBV2_KINDS.has(step.kind) ? "ELBv2" : "ECS"} answered ${step.error.name}`}>{step.error.message}</Alert></div>
      )}
    </li>
  );
}

/**
 * Polls the apply every second while it runs; the apply itself runs on the server regardless.
 * An interrupted apply (its server stopped) offers Resume, which finishes it on this server.
 */
export function ApplyProgress({ applyId, onFinished, onResumed }: { applyId: string; onFinished?: (a: ApplyView) => void; onResumed?: () => void }) {
  const q = useQuery({
    queryKey: ["apply", applyId],
    queryFn: () => getJson<ApplyView>(`/api/applies/${applyId}`, "Reading the apply"),
    refetchInterval: (query) => (query.state.data?.status === "running" || !query.state.data ? 1000 : false),
    staleTime: 0,
  });
  const [resumeError, setResumeError] = useState<string>();
  const [resuming, startResume] = useTransition();
  const a = q.data;
  const finished = a && a.status !== "running";
  useEffect(() => { if (a && finished) onFinished?.(a); }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps
  const resume = () => startResume(async () => {
    setResumeError(undefined);
    const r = await resumeApplyAction({ id: applyId }).catch(() => undefined);
    if (!r?.ok) return setResumeError(r?.message ?? "The request failed. Try again.");
    onResumed?.();
    await q.refetch();
  });

  if (q.error && !a) return <Alert tone="error">Could not read the apply: {(q.error as Error).message}</Alert>;
  if (!a) return <p className="text-sm text-slate-600">Starting…</p>;
  const all = [...a.steps, ...(a.resumes ?? []).flatMap((r) => r.steps)];
  const done = all.filter((s) => s.status === "done");
  const current = a.resumes?.at(-1)?.steps ?? a.steps;
  return (
    <section aria-label="Apply progress" data-testid="apply-progress" data-status={a.status} className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h3 className="text-lg font-semibold text-slate-900">Apply to {a.environmentName}</h3>
        <span data-testid="apply-status" className={`rounded px-2 py-0.5 text-sm font-semibold ${APPLY_STATUS[a.status].className}`}>
          {APPLY_STATUS[a.status].label}
        </span>
        <span className="text-sm text-slate-600">{current.filter((s) => s.status === "done").length} of {current.length} steps done</span>
      </div>
      {a.allowedErrors && (
        <div data-testid="apply-allowed-errors" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950">
          <p className="font-semibold">This design was {overriddenText(a.allowedErrors.length)}:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {findingLines(a.allowedErrors).map((line, i) => <li key={i}>{line}</li>)}
          </ul>
        </div>
      )}
      <StepList steps={a.resumes?.length || a.status !== "interrupted" ? a.steps : cutOff(a.steps)} label="Steps" />
      {(a.resumes ?? []).map((r, i) => (
        <div key={r.resumedAt} className="space-y-2" data-testid="apply-resume">
          <p className="text-sm text-slate-700">
            Resumed at {time(r.resumedAt)}{r.interruptedAt ? ` (its server was last heard from at ${time(r.interruptedAt)})` : ""}:{" "}
            {r.steps.length ? `the new plan found ${r.steps.length} step${r.steps.length === 1 ? "" : "s"} left` : "the new plan found nothing left"}.
          </p>
          {r.steps.length > 0 && <StepList steps={a.status === "interrupted" && r === a.resumes?.at(-1) ? cutOff(r.steps) : r.steps} label={`Steps of resume ${i + 1}`} />}
        </div>
      ))}
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
      {a.status === "interrupted" && (
        <Alert tone="error" title="The apply was cut off">
          {a.error}
          <p className="mt-1">Done before it stopped: {done.length ? done.map((s) => s.name).join(", ") : "nothing"}. Resume plans again and finishes what is left; a call that was under way is not made twice.</p>
          <IfRole role="editor">
            <div className="mt-2"><Button variant="danger" onClick={resume} disabled={resuming}>{resuming ? "Resuming…" : "Resume"}</Button></div>
          </IfRole>
        </Alert>
      )}
      {resumeError && <Alert tone="error">{resumeError}</Alert>}
      {a.status === "succeeded" && <Alert tone="success">Applied {done.length} step{done.length === 1 ? "" : "s"}. Plan again to confirm the account matches the design.</Alert>}
    </section>
  );
}
