import type { ReactNode } from "react";

export type Column = { label: string; hidden?: boolean };

/**
 * A card-framed table: a caption for screen readers, a header row of `columns` (a hidden label
 * is read aloud but not shown) and the rows the caller renders. `dense` for tables of many rows.
 */
export function DataTable({ caption, columns, dense = false, testId, children }: { caption: string; columns: Column[]; dense?: boolean; testId?: string; children: ReactNode }) {
  const cell = dense ? "px-3 py-2" : "px-4 py-3";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={cell}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}
