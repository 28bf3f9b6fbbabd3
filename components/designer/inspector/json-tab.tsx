"use client";

import { useId, useState } from "react";
import { applyRawJson, rawJsonOf } from "@/lib/domain/designer";
import { useEditor, useEditorStore } from "../store/context";

/**
 * The selected task definition or service as ECS JSON (RegisterTaskDefinition / CreateService
 * input). Apply imports the text like a file upload would; a refused edit says which field.
 */
export function JsonTab({ nodeId, kind }: { nodeId: string; kind: "taskDefinition" | "service" }) {
  const store = useEditorStore();
  const design = useEditor((s) => s.history.present);
  const current = rawJsonOf(design, nodeId) ?? "";
  // Follows the design (undo, form edits) until the user starts typing here.
  const [draft, setDraft] = useState("");
  const [dirty, setDirty] = useState(false);
  const text = dirty ? draft : current;
  const [error, setError] = useState<string>();
  const [applied, setApplied] = useState(false);
  const id = useId();

  const apply = () => {
    const out = applyRawJson(store.getState().history.present, nodeId, text);
    if (!out.ok) { setError(out.reason); setApplied(false); return; }
    setError(undefined);
    setDirty(false);
    setApplied(true);
    store.edit(() => out, { select: [out.id] });
  };
  const label = kind === "taskDefinition" ? "Task definition JSON" : "Service JSON";
  return (
    <div className="space-y-2" data-testid="json-tab">
      <p className="text-[11px] leading-snug text-slate-500">
        {kind === "taskDefinition" ? "RegisterTaskDefinition input" : "CreateService input"}, as the AWS CLI takes it with --cli-input-json. Apply checks it like an import and replaces this resource (one undo step).
      </p>
      <label htmlFor={id} className="sr-only">{label}</label>
      <textarea
        id={id} aria-label={label} value={text} spellCheck={false} aria-invalid={error ? true : undefined}
        onChange={(e) => { setDraft(e.target.value); setDirty(true); setApplied(false); }}
        className="block h-96 w-full resize-y rounded border border-slate-300 bg-white p-2 font-mono text-[11px] leading-snug text-slate-900"
      />
      {error && <p role="alert" className="rounded bg-red-50 px-2 py-1 text-xs text-red-800" data-testid="json-error">{error}</p>}
      {applied && !error && <p role="status" className="text-xs text-emerald-700">Applied.</p>}
      <div className="flex gap-2">
        <button type="button" onClick={apply} disabled={!dirty}
          className="rounded bg-brand-700 px-3 py-1 text-xs font-semibold text-white hover:bg-brand-800 disabled:opacity-40">Apply</button>
        <button type="button" disabled={!dirty} onClick={() => { setDirty(false); setError(undefined); }}
          className="rounded px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-40">Revert</button>
      </div>
    </div>
  );
}
