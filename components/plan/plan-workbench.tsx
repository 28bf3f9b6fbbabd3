"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { planDesignAction, startApplyAction } from "@/lib/actions/applies";
import { requestApplyAction } from "@/lib/actions/approvals";
import type { ApplyRequestView } from "@/lib/actions/approval-types";
import { ApplyRequestCard } from "@/components/approvals/apply-request-card";
import type { EnvironmentView, PlanResult } from "@/lib/actions/environment-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { validatorErrorCount } from "@/lib/domain/plan/render";
import { ApplyProgress } from "./apply-progress";
import { PlanView } from "./plan-view";

type Props = {
  design: { id: string; name: string; version: number };
  environments: EnvironmentView[];
  environmentId: string;
  applyId?: string;
  /** This design's apply requests (protected environments), newest first. */
  requests: ApplyRequestView[];
  meId?: string;
};

/** Choose an environment, plan, review, apply, watch. */
export function PlanWorkbench({ design, environments, environmentId: initialEnv, applyId: initialApply, requests, meId }: Props) {
  const router = useRouter();
  const [envId, setEnvId] = useState(initialEnv);
  const [result, setResult] = useState<PlanResult>();
  const [error, setError] = useState<string>();
  const [applyId, setApplyId] = useState(initialApply);
  const [applyRunning, setApplyRunning] = useState(Boolean(initialApply));
  const [waitSteady, setWaitSteady] = useState(false);
  // "Apply anyway": only for the plan it was ticked on; every new plan starts unticked.
  const [allowErrors, setAllowErrors] = useState(false);
  const [planning, startPlan] = useTransition();
  const [starting, startApply] = useTransition();
  const env = environments.find((e) => e.id === envId);
  const url = (env: string, apply?: string) => `/designs/${design.id}/plan?env=${env}${apply ? `&apply=${apply}` : ""}`;

  const choose = (id: string) => {
    setEnvId(id);
    setResult(undefined);
    setError(undefined);
    setApplyId(undefined);
    router.replace(url(id), { scroll: false });
  };
  const plan = () => startPlan(async () => {
    setError(undefined);
    const r = await planDesignAction({ designId: design.id, environmentId: envId }).catch(() => undefined);
    if (!r?.ok) { setResult(undefined); return setError(r?.message ?? "The request failed. Try again."); }
    setResult(r.data);
    setAllowErrors(false);
    if (!applyRunning) setApplyId(undefined);
  });
  const requestApproval = () => startApply(async () => {
    if (!result) return;
    setError(undefined);
    const r = await requestApplyAction({ designId: design.id, environmentId: envId, designVersion: result.designVersion, fingerprint: result.fingerprint, waitForSteady: waitSteady, allowErrors: errorCount > 0 && allowErrors }).catch(() => undefined);
    if (!r?.ok) return setError(r?.message ?? "The request failed. Try again.");
    setResult(undefined);
    router.refresh();
  });
  const applyStarted = (id: string) => {
    setApplyId(id);
    setApplyRunning(true);
    setResult(undefined);
    router.replace(url(envId, id), { scroll: false });
  };
  const apply = () => startApply(async () => {
    if (!result) return;
    setError(undefined);
    const r = await startApplyAction({ designId: design.id, environmentId: envId, designVersion: result.designVersion, fingerprint: result.fingerprint, waitForSteady: waitSteady, allowErrors: errorCount > 0 && allowErrors }).catch(() => undefined);
    if (r && !r.ok && r.code === "APPLY_RUNNING") {
      // Another apply (maybe on another server instance) is running: show its progress instead.
      const running = r.issues?.find((i) => i.path === "runningApplyId")?.message;
      if (running) { setApplyId(running); setApplyRunning(true); router.replace(url(envId, running), { scroll: false }); }
    }
    if (!r?.ok) return setError(r?.message ?? "The request failed. Try again.");
    setApplyId(r.data.id);
    setApplyRunning(true);
    setResult(undefined);
    router.replace(url(envId, r.data.id), { scroll: false });
  });

  const readOnly = Boolean(env?.readOnly);
  const isProtected = Boolean(env?.protected);
  const envRequests = requests.filter((r) => r.environmentId === envId).filter((r, i) => r.status === "pending" || i < 3);
  const errorCount = result?.plan.errors?.length ?? 0;
  const canApply = Boolean(result && !result.plan.empty && !readOnly && !applyRunning && (errorCount === 0 || allowErrors));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <label className="text-sm font-medium text-slate-800">
          Environment
          <select className="mt-1 block w-[28rem] max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900" value={envId} onChange={(e) => choose(e.target.value)}>
            {environments.map((e) => <option key={e.id} value={e.id}>{e.name} ({e.kind === "sandbox" ? "sandbox" : "AWS"}, {e.region}){e.readOnly ? " · read-only" : ""}{e.protected ? " · protected" : ""}</option>)}
          </select>
        </label>
        <Button variant="primary" onClick={plan} disabled={planning || applyRunning}>{planning ? "Planning…" : result || applyId ? "Plan again" : "Plan"}</Button>
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-800">
          <input type="checkbox" checked={waitSteady} onChange={(e) => setWaitSteady(e.target.checked)} /> Wait for steady state
        </label>
        {isProtected ? (
          <Button variant="primary" onClick={requestApproval} disabled={!canApply || starting} aria-describedby="protected-note">
            {starting ? "Asking…" : "Request approval"}
          </Button>
        ) : (
          <Button variant="danger" onClick={apply} disabled={!canApply || starting} aria-describedby={readOnly ? "read-only-note" : errorCount && !allowErrors ? "errors-note" : undefined}>
            {starting ? "Starting…" : errorCount && allowErrors ? "Apply anyway" : "Apply"}
          </Button>
        )}
        <Link href="/environments" className="pb-2 text-sm text-brand-700 hover:underline">Manage environments</Link>
        {isProtected && !readOnly && (
          <p id="protected-note" className="w-full text-sm text-slate-700">
            “{env?.name}” is protected: ask for approval of this exact plan; once {env?.requiredApprovals === 1 ? "an approver" : `${env?.requiredApprovals} approvers`} other than you approved it (each approval counts for {env?.approvalExpiryMinutes} minutes), a deployer applies it. If the design or the account changes meanwhile, the approval is void.
          </p>
        )}
        {readOnly && <p id="read-only-note" className="w-full text-sm text-amber-900">“{env?.name}” is read-only: you can plan against it, but applies are refused.</p>}
        {errorCount > 0 && !result?.plan.empty && !readOnly && (
          <div className="w-full rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-950">
            <p id="errors-note">Apply is off: {validatorErrorCount(errorCount)} in this design, listed at the top of the plan. Fix {errorCount === 1 ? "it" : "them"} and plan again, or:</p>
            <label className="mt-1.5 flex items-center gap-2 font-medium">
              <input type="checkbox" checked={allowErrors} onChange={(e) => setAllowErrors(e.target.checked)} />
              Apply anyway, despite {validatorErrorCount(errorCount)} (ECS will likely refuse calls partway; your choice is recorded with the apply)
            </label>
          </div>
        )}
        {!result && !applyId && !readOnly && <p className="w-full text-sm text-slate-600">Plan first: Apply runs exactly the plan you reviewed, and refuses if the design or the account changed since.</p>}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {envRequests.length > 0 && (
        <section aria-label="Apply requests">
          <h2 className="mb-2 text-lg font-semibold text-slate-900">Apply requests to {env?.name}</h2>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
            {envRequests.map((r) => <ApplyRequestCard key={r.id} request={r} meId={meId} onApplied={applyStarted} />)}
          </ul>
        </section>
      )}
      {applyId && (
        <ApplyProgress key={applyId} applyId={applyId} onFinished={() => { setApplyRunning(false); router.refresh(); }} onResumed={() => setApplyRunning(true)} />
      )}
      {result && (
        <section aria-label="Plan">
          <h2 className="mb-2 text-lg font-semibold text-slate-900">Plan of version {result.designVersion} against {env?.name}</h2>
          <PlanView plan={result.plan} />
        </section>
      )}
    </div>
  );
}
