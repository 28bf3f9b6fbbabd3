"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyApprovedAction, approveApplyAction, rejectApplyAction } from "@/lib/actions/approvals";
import type { ApplyRequestView } from "@/lib/actions/approval-types";
import type { ActionResult } from "@/lib/actions/result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { relativeTime } from "@/components/ui/relative-time";
import { TextField } from "@/components/ui/text-field";
import { PlanView } from "@/components/plan/plan-view";
import { ConfirmPasswordDialog } from "./confirm-password-dialog";

const STATUS: Record<ApplyRequestView["status"], string> = {
  pending: "bg-amber-50 text-amber-900", applied: "bg-green-50 text-green-900", rejected: "bg-red-50 text-red-900", void: "bg-slate-100 text-slate-700",
};

type Props = { request: ApplyRequestView; meId?: string; onApplied?: (applyId: string) => void };

/** One apply request: what it would do, who asked, who approved, and the buttons the person looking may use. */
export function ApplyRequestCard({ request: r, meId, onApplied }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  const run = (work: () => Promise<ActionResult<unknown>>, then?: (data: unknown) => void) => startTransition(async () => {
    setError(undefined);
    const res = await work().catch(() => undefined);
    if (res && !res.ok && res.code === "FRESH_SIGN_IN_REQUIRED") return setConfirming(true);
    if (!res?.ok) { setError(res?.message ?? "The request failed. Try again."); return router.refresh(); }
    then?.(res.data);
    router.refresh();
  });
  const apply = () => run(() => applyApprovedAction({ requestId: r.id }), (d) => {
    const id = (d as { id: string }).id;
    if (onApplied) onApplied(id); else router.push(`/designs/${r.designId}/plan?env=${r.environmentId}&apply=${id}`);
  });

  return (
    <li className="space-y-3 px-4 py-3" data-testid="apply-request" aria-label={`Apply request for ${r.designName} to ${r.environmentName}`}>
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-semibold text-slate-900">
            <Link href={`/designs/${r.designId}/plan?env=${r.environmentId}`} className="hover:underline">{r.designName}</Link> v{r.designVersion} → {r.environmentName}
            <span className={`ml-2 rounded px-1.5 py-0.5 text-xs font-medium ${STATUS[r.status]}`} data-testid="request-status">{r.status}</span>
          </p>
          <p className="text-sm text-slate-600">
            asked by {r.requestedBy === meId ? "you" : r.requestedByEmail} {relativeTime(r.requestedAt)} · <span data-testid="approval-count">{r.valid} of {r.needed} approval{r.needed === 1 ? "" : "s"}</span>
            {r.expired > 0 && ` · ${r.expired} expired`} · plan <code className="text-xs" title={r.planHash}>{r.planHash.slice(0, 12)}</code>
          </p>
          {r.reason && <p className="text-sm text-slate-700">{r.reason}</p>}
        </div>
        {r.canApprove && (
          <>
            <Button size="sm" variant="primary" disabled={pending} onClick={() => run(() => approveApplyAction({ requestId: r.id }))}>Approve</Button>
            <Button size="sm" variant="danger-ghost" disabled={pending} onClick={() => setRejecting((v) => !v)}>Reject…</Button>
          </>
        )}
        {r.canApply && <Button size="sm" variant="danger" disabled={pending} onClick={apply}>{pending ? "Starting…" : "Apply approved plan"}</Button>}
        {r.applyId && <Link className="text-sm text-brand-700 hover:underline" href={`/designs/${r.designId}/plan?env=${r.environmentId}&apply=${r.applyId}`}>See the apply</Link>}
      </div>
      {r.approvals.length > 0 && (
        <ul className="text-sm text-slate-700" aria-label="Decisions">
          {r.approvals.map((a) => (
            <li key={a.approverId}>
              {a.decision === "approve" ? "✓ approved" : "✗ rejected"} by {a.approverId === meId ? "you" : a.approverEmail} {relativeTime(a.decidedAt)}
              {a.decision === "approve" && (a.expired ? " · expired" : ` · counts until ${new Date(a.expiresAt).toLocaleTimeString()}`)}
              {a.reason && `: ${a.reason}`}
            </li>
          ))}
        </ul>
      )}
      {rejecting && (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); run(() => rejectApplyAction({ requestId: r.id, reason }), () => setRejecting(false)); }}>
          <div className="min-w-[20rem] flex-1"><TextField label="Why reject it?" value={reason} onChange={(e) => setReason(e.target.value)} required /></div>
          <Button type="submit" size="sm" variant="danger" disabled={pending || reason.trim().length < 3}>Reject</Button>
        </form>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">What it does</summary>
        <div className="mt-2"><PlanView plan={r.plan} /></div>
      </details>
      <ConfirmPasswordDialog open={confirming} onClose={() => setConfirming(false)} onConfirmed={() => { setConfirming(false); apply(); }} />
    </li>
  );
}
