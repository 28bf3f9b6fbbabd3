import type { Metadata } from "next";
import { pageContext } from "@/lib/server/auth/page-context";
import { AuditQuerySchema, queryAudit } from "@/lib/server/audit";
import { AuditTable } from "@/components/audit/audit-table";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm";

export default async function AuditPage({ searchParams }: Props) {
  const ctx = await pageContext("/audit");
  const query = await searchParams;
  const parsed = AuditQuerySchema.safeParse(query);
  const rows = parsed.success ? await queryAudit({ ctx, input: parsed.data }) : [];
  const exportHref = `/api/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)), format: "ndjson" } as Record<string, string>)}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Audit trail</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Who did what, when and from where: every change, every refused attempt and every sign-in. Rows are never changed or deleted, except by retention.
        </p>
      </div>
      <form method="get" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the audit trail">
        <label className="text-sm font-medium text-slate-800">Person<input name="person" defaultValue={query.person} placeholder="email" className={field} /></label>
        <label className="text-sm font-medium text-slate-800">Action<input name="action" defaultValue={query.action} placeholder="saveDesignAction" className={field} /></label>
        <label className="text-sm font-medium text-slate-800">Environment id<input name="environmentId" defaultValue={query.environmentId} className={field} /></label>
        <label className="text-sm font-medium text-slate-800">Outcome
          <select name="outcome" defaultValue={query.outcome ?? ""} className={field}>
            <option value="">any</option><option value="ok">ok</option><option value="denied">denied</option><option value="failed">failed</option>
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">From<input name="from" type="datetime-local" defaultValue={query.from} className={field} /></label>
        <label className="text-sm font-medium text-slate-800">To<input name="to" type="datetime-local" defaultValue={query.to} className={field} /></label>
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={buttonClass("primary")}>Filter</button>
          <a href={exportHref} className={buttonClass("secondary")} download>Export NDJSON</a>
        </div>
      </form>
      {!parsed.success && <Alert tone="error">{parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}</Alert>}
      <AuditTable rows={rows} />
    </div>
  );
}
