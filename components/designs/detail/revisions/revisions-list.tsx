"use client";

import { useRouter } from "next/navigation";
import { Fragment, useState, useTransition } from "react";
import type { Design } from "@/lib/domain/design";
import { restoreRevisionAction } from "@/lib/actions/designs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { runAction } from "../../actions/issues";
import type { RevisionItem } from "../../types";
import { RevisionPreview } from "./revision-preview";

type Props = { designId: string; currentVersion: number; revisions: RevisionItem[]; current: Design };

export function RevisionsList({ designId, currentVersion, revisions, current }: Props) {
  const [previewing, setPreviewing] = useState<number>();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [restoring, setRestoring] = useState<number>();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();

  function restore(version: number) {
    setMessage(undefined);
    setRestoring(version);
    startTransition(async () => {
      const result = await runAction(() => restoreRevisionAction({ id: designId, version, expectedVersion: currentVersion }));
      setRestoring(undefined);
      if (!result.ok) {
        const text = result.code === "CONFLICT"
          ? "This design was changed since you opened it. Reload the page to see the latest version, then restore again."
          : result.message;
        return setMessage({ tone: "error", text });
      }
      setMessage({ tone: "success", text: `Restored version ${version} as a new version.` });
      router.refresh();
    });
  }

  if (revisions.length === 0) {
    return <p className="text-sm text-slate-600">No earlier versions yet. Every save keeps the version it replaces here.</p>;
  }

  return (
    <div className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
        {revisions.map((r) => (
          <Fragment key={r.version}>
          <li data-testid="revision" className="flex items-center gap-4 px-4 py-2.5 text-sm">
            <span className="w-24 font-semibold tabular-nums text-slate-900">Version {r.version}</span>
            <span className="min-w-0 flex-1 truncate text-slate-700">{r.name}</span>
            <time dateTime={r.createdAt} className="hidden text-slate-600 sm:block">
              {new Date(r.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC
            </time>
            <Button
              size="sm" variant="ghost" aria-expanded={previewing === r.version} aria-controls={`revision-preview-${r.version}`}
              aria-label={`Preview version ${r.version}`} onClick={() => setPreviewing((v) => (v === r.version ? undefined : r.version))}
            >
              {previewing === r.version ? "Hide" : "Preview"}
            </Button>
            <Button size="sm" onClick={() => restore(r.version)} disabled={pending} aria-label={`Restore version ${r.version}`}>
              {restoring === r.version ? "Restoring…" : "Restore"}
            </Button>
          </li>
          {previewing === r.version && (
            <li id={`revision-preview-${r.version}`} className="bg-slate-50 px-4 py-3">
              <RevisionPreview designId={designId} version={r.version} current={current} currentVersion={currentVersion} />
            </li>
          )}
          </Fragment>
        ))}
      </ol>
    </div>
  );
}
