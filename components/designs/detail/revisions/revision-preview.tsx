"use client";

import { useEffect, useState } from "react";
import type { Design } from "@/lib/domain/design";
import { diffDesigns, isEmptyDiff, RESOURCE_KIND_LABEL as KIND_LABEL, type ResourceRef } from "@/lib/domain/designer/revision-diff";
import { Alert } from "@/components/ui/alert";

type Loaded = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; document: Design };

/** An earlier version's resources and what changed since it (current version vs that one), before restoring. */
export function RevisionPreview({ designId, version, current, currentVersion }: { designId: string; version: number; current: Design; currentVersion: number }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  useEffect(() => {
    let live = true;
    fetch(`/api/designs/${designId}/revisions/${version}`)
      .then(async (res) => {
        if (!res.ok) throw new Error(`Could not load version ${version} (${res.status}).`);
        const body = (await res.json()) as { document: Design };
        if (live) setLoaded({ status: "ready", document: body.document });
      })
      .catch((err: unknown) => live && setLoaded({ status: "error", message: err instanceof Error ? err.message : String(err) }));
    return () => { live = false; };
  }, [designId, version]);

  if (loaded.status === "loading") return <p className="text-sm text-slate-600">Loading version {version}…</p>;
  if (loaded.status === "error") return <Alert tone="error">{loaded.message}</Alert>;

  const doc = loaded.document;
  const diff = diffDesigns(doc, current);
  const resources: ResourceRef[] = [
    ...doc.clusters.map((c) => ({ kind: "cluster" as const, id: c.id, name: c.clusterName })),
    ...doc.taskDefinitions.map((t) => ({ kind: "taskDefinition" as const, id: t.id, name: `${t.family} (${t.containerDefinitions.map((c) => c.name).join(", ") || "no containers"})` })),
    ...doc.services.map((s) => ({ kind: "service" as const, id: s.id, name: s.cluster ? `${s.serviceName} in ${s.cluster}` : s.serviceName })),
    ...(doc.targetGroups ?? []).map((g) => ({ kind: "targetGroup" as const, id: g.id, name: g.name })),
  ];

  return (
    <div className="grid gap-4 text-sm md:grid-cols-2" data-testid="revision-preview">
      <div>
        <h3 className="font-semibold text-slate-900">Resources in version {version}</h3>
        {resources.length === 0 ? (
          <p className="mt-1 text-slate-600">None: the design was empty.</p>
        ) : (
          <ul className="mt-1 space-y-0.5" aria-label={`Resources in version ${version}`}>
            {resources.map((r) => (
              <li key={`${r.kind}:${r.id}`} data-testid="revision-resource">
                <span className="text-slate-500">{KIND_LABEL[r.kind]}</span> <span className="text-slate-900">{r.name}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="revision-diff">
        <h3 className="font-semibold text-slate-900">Changes from version {version} to the current version {currentVersion}</h3>
        {isEmptyDiff(diff) ? (
          <p className="mt-1 text-slate-600">
            Same resources as the current version{diff.layoutChanged ? `; only the canvas layout differs (${diff.layoutChanged} position${diff.layoutChanged === 1 ? "" : "s"})` : ""}.
          </p>
        ) : (
          <ul className="mt-1 space-y-1">
            {diff.added.map((r) => (
              <li key={`a:${r.kind}:${r.id}`} data-testid="diff-added" className="text-emerald-800">
                + Added {KIND_LABEL[r.kind].toLowerCase()} <strong>{r.name}</strong>
              </li>
            ))}
            {diff.removed.map((r) => (
              <li key={`r:${r.kind}:${r.id}`} data-testid="diff-removed" className="text-red-800">
                − Removed {KIND_LABEL[r.kind].toLowerCase()} <strong>{r.name}</strong>
              </li>
            ))}
            {diff.changed.map((r) => (
              <li key={`c:${r.kind}:${r.id}`} data-testid="diff-changed" className="text-amber-900">
                ~ Changed {KIND_LABEL[r.kind].toLowerCase()} <strong>{r.name}</strong>:{" "}
                {r.paths.map((p, i) => (
                  <span key={p}>{i > 0 && ", "}<code className="rounded bg-slate-100 px-1 text-[12px] text-slate-800">{p}</code></span>
                ))}
              </li>
            ))}
            {diff.layoutChanged > 0 && <li className="text-slate-600">Canvas layout: {diff.layoutChanged} position{diff.layoutChanged === 1 ? "" : "s"} differ.</li>}
          </ul>
        )}
        <p className="mt-2 text-xs text-slate-500">Restoring version {version} undoes these changes (saved as a new version).</p>
      </div>
    </div>
  );
}
