"use client";

import Link from "next/link";
import { useState } from "react";
import type { ImageTarget } from "@/lib/actions/design-types";
import { setContainerImageAction } from "@/lib/actions/designs";
import { Button } from "@/components/ui/button";

type Feedback = { ok: boolean; text: string; href?: string };

/**
 * "Use this image": the image's reference goes into one container of a design, where the
 * validator's image rules (mutable tags, digests, the ECR form) apply to it like any other.
 * On the Build tab the repository is the image's bare name (no registry yet); on the Registry &
 * hosts tab it is the ECR repository (`<account>.dkr.ecr.<region>.amazonaws.com/shop/web`). The
 * reference names the image by a tag or by its digest.
 */
export function UseImage({ repository, digest, defaultTag = "1.0.0", targets, canEdit }: {
  repository: string; digest: string; defaultTag?: string; targets: ImageTarget[]; canEdit: boolean;
}) {
  const [designId, setDesignId] = useState(targets[0]?.designId ?? "");
  const design = targets.find((t) => t.designId === designId);
  const [container, setContainer] = useState("");
  const [form, setForm] = useState<"tag" | "digest">("digest");
  const [tag, setTag] = useState(defaultTag);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const options = design?.taskDefinitions.flatMap((t) => t.containers.map((c) => ({ value: `${t.id}\u0000${c.name}`, label: `${t.family} / ${c.name}${c.image ? ` (now ${c.image})` : ""}` }))) ?? [];
  const picked = options.some((o) => o.value === container) ? container : options[0]?.value ?? "";
  const reference = form === "digest" ? `${repository}@${digest}` : `${repository}:${tag}`;

  async function apply() {
    const [taskDefinitionId, containerName] = picked.split("\u0000");
    setBusy(true);
    const r = await setContainerImageAction({ designId, taskDefinitionId: taskDefinitionId ?? "", containerName: containerName ?? "", image: reference });
    setBusy(false);
    setFeedback(r.ok
      ? { ok: true, text: `${containerName} in “${design?.designName}” now runs ${reference} (design version ${r.data.version}).`, href: `/designs/${designId}/canvas` }
      : { ok: false, text: r.message });
  }

  return (
    <section aria-labelledby="use-image-heading" className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <h3 id="use-image-heading" className="text-sm font-semibold text-slate-900">Use this image in a design</h3>
      {targets.length === 0 ? (
        <p className="text-sm text-slate-700">No design has a task definition yet. Create a design with a container on <Link href="/" className="font-medium text-brand-700 hover:underline">your designs page</Link>, then come back.</p>
      ) : !canEdit ? (
        <p className="text-sm text-slate-700">Viewers can build here, but only editors change designs.</p>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="text-xs text-slate-700">Design
              <select value={designId} onChange={(e) => setDesignId(e.target.value)} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900">
                {targets.map((t) => <option key={t.designId} value={t.designId}>{t.designName}</option>)}
              </select>
            </label>
            <label className="text-xs text-slate-700">Container
              <select value={picked} onChange={(e) => setContainer(e.target.value)} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900">
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </label>
          </div>
          <fieldset className="space-y-1 text-sm">
            <legend className="text-xs text-slate-700">Refer to it by</legend>
            <label className="flex items-center gap-2 text-slate-800"><input type="radio" name="ref-form" checked={form === "digest"} onChange={() => setForm("digest")} className="accent-brand-700" /> its digest (immutable: every task runs exactly this build)</label>
            <label className="flex items-center gap-2 text-slate-800"><input type="radio" name="ref-form" checked={form === "tag"} onChange={() => setForm("tag")} className="accent-brand-700" /> a tag
              <input aria-label="Tag" value={tag} onChange={(e) => setTag(e.target.value.trim())} disabled={form !== "tag"} className="w-28 rounded border border-slate-300 bg-white px-2 py-0.5 font-mono text-sm text-slate-900 disabled:opacity-60" />
            </label>
          </fieldset>
          <p className="break-all font-mono text-xs text-slate-700" data-testid="image-reference">{reference}</p>
          <Button variant="primary" size="sm" onClick={apply} disabled={busy || !picked}>{busy ? "Saving…" : "Use this image"}</Button>
        </>
      )}
      <div aria-live="polite">
        {feedback && (
          <p role="status" className={`rounded border px-3 py-2 text-sm ${feedback.ok ? "border-emerald-200 bg-emerald-50 text-slate-800" : "border-red-200 bg-red-50 text-red-900"}`}>
            {feedback.text} {feedback.href && <Link href={feedback.href} className="font-medium text-brand-700 hover:underline">Open the canvas</Link>}
          </p>
        )}
      </div>
    </section>
  );
}
