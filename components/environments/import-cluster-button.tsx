"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { importClusterAction, listLiveClustersAction } from "@/lib/actions/environments";
import type { EnvironmentView } from "@/lib/actions/environment-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";

/** Pick a live cluster of the environment and turn what it runs into a new design. */
export function ImportClusterButton({ env }: { env: EnvironmentView }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [clusters, setClusters] = useState<string[]>();
  const [cluster, setCluster] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const show = () => {
    setOpen(true);
    setError(undefined);
    setClusters(undefined);
    startTransition(async () => {
      const r = await listLiveClustersAction({ environmentId: env.id }).catch(() => undefined);
      if (!r?.ok) return setError(r?.message ?? "The request failed. Try again.");
      setClusters(r.data);
      setCluster(r.data[0] ?? "");
    });
  };
  const importNow = () => startTransition(async () => {
    setError(undefined);
    const r = await importClusterAction({ environmentId: env.id, cluster }).catch(() => undefined);
    if (!r?.ok) return setError(r?.message ?? "The request failed. Try again.");
    router.push(`/designs/${r.data.id}`);
  });

  return (
    <>
      <Button size="sm" onClick={show} aria-label={`Import a cluster from ${env.name}`}>Import cluster</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Import a cluster from “${env.name}”`}
        description="Its services, their task definitions, containers and load balancers become a new design. Nothing in the account changes.">
        {clusters === undefined && !error && <p className="text-sm text-slate-600">Listing clusters…</p>}
        {clusters?.length === 0 && <p className="text-sm text-slate-600">This environment has no clusters.</p>}
        {clusters && clusters.length > 0 && (
          <label className="block text-sm font-medium text-slate-800">
            Cluster
            <select className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900" value={cluster} onChange={(e) => setCluster(e.target.value)}>
              {clusters.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        )}
        {error && <div className="mt-3"><Alert tone="error">{error}</Alert></div>}
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="primary" onClick={importNow} disabled={pending || !cluster}>{pending && clusters ? "Importing…" : "Import as new design"}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
