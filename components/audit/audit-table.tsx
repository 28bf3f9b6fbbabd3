import Link from "next/link";
import type { AuditView } from "@/lib/actions/audit-types";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";

const COLUMNS = [{ label: "When" }, { label: "Who" }, { label: "What" }, { label: "Outcome" }, { label: "Change" }];

const TONE: Record<string, string> = {
  ok: "bg-emerald-50 text-emerald-800", denied: "bg-red-50 text-red-800", failed: "bg-amber-50 text-amber-900",
};

function who(r: AuditView): string {
  if (r.actor.kind === "person") return `${r.actor.email ?? r.actor.id} (${r.actor.role})`;
  if (r.actor.kind === "system") return `server: ${r.actor.email ?? "system"}${r.actor.actingFor ? ` for ${r.actor.actingFor.email}` : ""}`;
  return "nobody signed in";
}

// Targets that have a page of their own link to it (a deleted one answers 404 there).
const PAGE: Record<string, string> = { apply: "/applies/", environment: "/environments/", design: "/designs/" };

function Target({ target }: { target: NonNullable<AuditView["target"]> }) {
  const label = `${target.type} ${target.id.slice(0, 8)}`;
  const base = PAGE[target.type];
  return <div className="text-slate-500">{base ? <Link className="hover:text-brand-700 hover:underline" href={`${base}${target.id}`}>{label}</Link> : label}</div>;
}

const change = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

/** Audit rows, newest first: when, who, what, the outcome and what changed. */
export function AuditTable({ rows, caption = "Audit trail" }: { rows: AuditView[]; caption?: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">Nothing on record{caption === "Audit trail" ? " matches" : " yet"}.</p>;
  return (
    <DataTable caption={caption} columns={COLUMNS} dense testId="audit-table">
      {rows.map((r) => (
        <tr key={r.id} data-testid="audit-row" className="align-top">
          <td className="whitespace-nowrap px-3 py-2 text-slate-700"><RelativeTime iso={r.at} /></td>
          <td className="px-3 py-2 text-slate-900">{who(r)}{r.from.ip && <div className="text-xs text-slate-500">from {r.from.ip}</div>}</td>
          <td className="px-3 py-2 font-mono text-xs text-slate-900">{r.action}{r.target && <Target target={r.target} />}</td>
          <td className="px-3 py-2">
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[r.outcome] ?? ""}`}>{r.outcome}</span>
            {r.reason && <div className="mt-1 max-w-xs text-xs text-slate-600">{r.reason}</div>}
          </td>
          <td className="max-w-md px-3 py-2 font-mono text-xs text-slate-600">
            {r.before !== null && <div className="truncate" title={change(r.before)}>before {change(r.before)}</div>}
            {r.after !== null && <div className="truncate" title={change(r.after)}>after {change(r.after)}</div>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
