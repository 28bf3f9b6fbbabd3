import Link from "next/link";
import type { EnvironmentApply } from "@/lib/actions/environment-types";
import { APPLY_STATUS } from "@/components/plan/apply-status";
import { DataTable } from "@/components/ui/data-table";
import { when } from "./when";

const COLUMNS = [{ label: "Started" }, { label: "Design" }, { label: "Version" }, { label: "Status" }, { label: "Started by" }, { label: "Details", hidden: true }];

/** The latest applies to one environment: which design and version, how it ended, who started it. */
export function EnvironmentApplies({ applies }: { applies: EnvironmentApply[] }) {
  if (applies.length === 0) return <p className="text-sm text-slate-600">Nothing applied here yet.</p>;
  return (
    <DataTable caption="Recent applies to this environment" columns={COLUMNS} dense testId="environment-applies">
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
    </DataTable>
  );
}
