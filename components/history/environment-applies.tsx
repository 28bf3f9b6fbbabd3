import Link from "next/link";
import type { EnvironmentApply } from "@/lib/actions/environment-types";
import { APPLY_STATUS } from "@/components/plan/apply-status";
import { when } from "./when";

/** The latest applies to one environment: which design and version, how it ended, who started it. */
export function EnvironmentApplies({ applies }: { applies: EnvironmentApply[] }) {
  if (applies.length === 0) return <p className="text-sm text-slate-600">Nothing applied here yet.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="environment-applies">
        <caption className="sr-only">Recent applies to this environment</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Started</th>
            <th scope="col" className="px-3 py-2">Design</th>
            <th scope="col" className="px-3 py-2">Version</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Started by</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">Details</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {applies.map((a) => (
            <tr key={a.id} data-testid="environment-apply">
              <td className="whitespace-nowrap px-3 py-2 text-slate-700"><time dateTime={a.startedAt}>{when(a.startedAt)}</time></td>
              <td className="px-3 py-2">
                {a.designName === null ? <span className="text-slate-500">(deleted design)</span>
                  : <Link className="text-brand-700 hover:underline" href={`/designs/${a.designId}`}>{a.designName}</Link>}
              </td>
              <td className="px-3 py-2 tabular-nums text-slate-900">{a.designVersion}</td>
              <td className="px-3 py-2"><span className={`rounded px-2 py-0.5 font-medium ${APPLY_STATUS[a.status].className}`}>{a.status}</span></td>
              <td className="px-3 py-2 text-slate-900">{a.startedBy?.email ?? <span className="text-slate-500">not recorded</span>}</td>
              <td className="px-3 py-2"><Link className="text-brand-700 hover:underline" href={`/applies/${a.id}`} aria-label={`Apply of ${a.designName ?? "a deleted design"} at ${when(a.startedAt)}`}>Details</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
