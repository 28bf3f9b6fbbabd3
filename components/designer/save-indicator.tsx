"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { createDesignAction } from "@/lib/actions/designs";
import { MAX_DESIGN_NAME_LENGTH } from "@/lib/domain/design/limits";
import { useEditor, useEditorStore } from "./store/context";

const LABEL = { saved: "Saved", saving: "Saving…", unsaved: "Unsaved changes", conflict: "Conflict", error: "Not saved" } as const;
const TONE = {
  saved: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  saving: "bg-slate-100 text-slate-700 ring-slate-200",
  unsaved: "bg-amber-50 text-amber-900 ring-amber-200",
  conflict: "bg-red-50 text-red-800 ring-red-200",
  error: "bg-red-50 text-red-800 ring-red-200",
} as const;

export function SaveIndicator() {
  const save = useEditor((s) => s.save);
  return (
    <span role="status" aria-live="polite" data-testid="save-status" data-status={save.status} title={save.message}
      className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[save.status]}`}>
      {LABEL[save.status]}
    </span>
  );
}

/** Shown when someone else saved first: the user picks, nothing is overwritten silently. */
export function ConflictBanner() {
  const save = useEditor((s) => s.save);
  const store = useEditorStore();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (save.status !== "conflict") return null;
  const saveCopy = async () => {
    setBusy(true);
    const s = store.getState();
    const r = await createDesignAction({ name: `${s.name} (copy)`.slice(0, MAX_DESIGN_NAME_LENGTH), document: s.history.present });
    setBusy(false);
    if (!r.ok) { setError(r.message); return; }
    store.markSaved(s.history.present, r.data.version);
    router.push(`/designs/${r.data.id}/canvas`);
  };
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
      <span className="font-medium">This design was changed elsewhere since you opened it. Your edits are kept here but not saved.</span>
      <button type="button" className="rounded bg-white px-2.5 py-1 font-medium ring-1 ring-red-300 hover:bg-red-100" onClick={() => window.location.reload()}>
        Reload (discard my edits)
      </button>
      <button type="button" disabled={busy} className="rounded bg-red-700 px-2.5 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60" onClick={saveCopy}>
        {busy ? "Saving copy…" : "Save my edits as a copy"}
      </button>
      {error && <span>{error}</span>}
    </div>
  );
}
