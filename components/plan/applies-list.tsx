import Link from "next/link";
import type { ApplySummary } from "@/lib/actions/environment-types";
import { APPLY_STATUS } from "./apply-status";
import { overriddenText } from "./overridden";

const when = (iso: string) => `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;

/** Applies of one design, newest first: when, which revision, where, and how it ended. */
export function AppliesList({ designId, applies }: { designId: string; applies: ApplySummary[] }) {
  if (applies.length === 0) {
    return <p className="text-sm text-slate-600">Not applied yet. <Link className="text-brand-700 hover:underline" href={`/designs/${designId}/plan`}>Plan it</Link> against the sandbox or an AWS account, then apply.</p>;
  }
  return (
    <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
      {applies.map((a) => (
        <li key={a.id} data-testid="apply-record" className="flex flex-wrap items-center gap-4 px-4 py-2.5 text-sm">
          <time dateTime={a.startedAt} className="w-48 text-slate-700">{when(a.startedAt)}</time>
          <span className="w-24 tabular-nums text-slate-900">Version {a.designVersion}</span>
          <span className="min-w-0 flex-1 truncate text-slate-700">{a.environmentName}</span>
          {a.allowedErrors && <span data-testid="apply-overridden" className="rounded bg-amber-50 px-2 py-0.5 text-amber-900">{overriddenText(a.allowedErrors.length)}</span>}
          <span className={`rounded px-2 py-0.5 font-medium ${APPLY_STATUS[a.status].className}`}>{a.status}</span>
          {a.startedBy && <span className="text-slate-600">by {a.startedBy.email}</span>}
          <Link className="text-brand-700 hover:underline" href={`/applies/${a.id}`} aria-label={`Details of the apply of ${when(a.startedAt)}`}>Details</Link>
        </li>
      ))}
    </ol>
  );
}
