"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { refreshPricesAction } from "@/lib/actions/environments";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Refreshed = { region: string; priceDate: string; products: number; refreshedAt: string };
type Done = Extract<Awaited<ReturnType<typeof refreshPricesAction>>, { ok: true }>["data"];

/**
 * Reads a Region's prices from this environment's Price List API (GetProducts) and keeps them:
 * every design's cost then uses them, with their date. Lists the Regions refreshed so far.
 */
export function RefreshPrices({ environmentId, environmentRegion, regions, refreshed, canRefresh }: {
  environmentId: string; environmentRegion: string; regions: string[]; refreshed: Refreshed[]; canRefresh: boolean;
}) {
  const router = useRouter();
  const [region, setRegion] = useState(environmentRegion);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<Done>();
  const [pending, startTransition] = useTransition();
  const choices = [...new Set([environmentRegion, ...regions, ...refreshed.map((r) => r.region)])].sort();

  const refresh = () => startTransition(async () => {
    setError(undefined);
    setDone(undefined);
    const r = await refreshPricesAction({ environmentId, region }).catch(() => undefined);
    if (!r?.ok) return setError(r?.message ?? "The request failed. Try again.");
    setDone(r.data);
    router.refresh();
  });

  return (
    <div data-testid="refresh-prices" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
      {refreshed.length === 0
        ? <p className="text-slate-600">No Region refreshed yet: costs use the prices Stevedore ships (README, “Cost”).</p>
        : (
          <table className="w-full text-left">
            <caption className="sr-only">Regions refreshed from the Price List</caption>
            <thead className="text-xs text-slate-600"><tr><th className="py-1 font-medium">Region</th><th className="py-1 font-medium">Prices of</th><th className="py-1 font-medium">Products read</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {refreshed.map((r) => (
                <tr key={r.region}><td className="py-1 font-mono text-slate-900">{r.region}</td><td className="py-1 text-slate-800">{r.priceDate}</td><td className="py-1 tabular-nums text-slate-800">{r.products}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      {canRefresh ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium text-slate-800">
            Region
            <select className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900" value={region} onChange={(e) => setRegion(e.target.value)}>
              {choices.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <Button variant="primary" size="sm" onClick={refresh} disabled={pending}>{pending ? "Reading the Price List…" : "Refresh prices"}</Button>
        </div>
      ) : <p className="text-slate-600">Refreshing prices needs the editor role.</p>}
      {error && <Alert tone="error" title="The prices were not refreshed">{error}</Alert>}
      {done && (
        <Alert tone="success" title={`Prices of ${done.region} refreshed (${done.priceDate})`}>
          {done.products} products read from the Price List{done.kept.length ? `; kept from the shipped table: ${done.kept.join(", ")}` : ""}{done.missing.length ? `; not in the Price List, so not priced: ${done.missing.join(", ")}` : ""}.
        </Alert>
      )}
    </div>
  );
}
