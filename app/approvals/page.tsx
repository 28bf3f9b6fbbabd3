import type { Metadata } from "next";
import { pageContext } from "@/lib/server/auth/page-context";
import { listApplyRequests } from "@/lib/server/approvals";
import { ApplyRequestCard } from "@/components/approvals/apply-request-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const ctx = await pageContext("/approvals");
  const requests = await listApplyRequests({ ctx, input: { status: "pending" } });
  const meId = ctx.actor.kind === "person" ? ctx.actor.person.id : undefined;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Approvals</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Applies to protected environments waiting for approval. An approval is for the exact plan shown (its hash); if the design or the account changes before the apply, the approval is void.
        </p>
      </div>
      {requests.length === 0 ? <p className="text-sm text-slate-600">Nothing is waiting for approval.</p> : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Pending apply requests">
          {requests.map((r) => <ApplyRequestCard key={r.id} request={r} meId={meId} />)}
        </ul>
      )}
    </div>
  );
}
