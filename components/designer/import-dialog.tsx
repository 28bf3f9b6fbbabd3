"use client";

import { useId, useState } from "react";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/design/limits";
import { importText } from "@/lib/domain/ecs-json";
import { mergeDesign, parseClipboard, paste } from "@/lib/domain/designer";
import { useReactFlow } from "@xyflow/react";
import { useEditor, useEditorStore } from "./store/context";

type Issue = { path: string; message: string };

/**
 * Import into the open design: a design file, a task definition or service JSON, a compose file,
 * or a selection copied from another canvas. Everything merges in as new resources (names that
 * collide become `name-2`), in one undo step.
 */
export function ImportDialog() {
  const store = useEditorStore();
  const open = useEditor((s) => !!s.importOpen);
  const { fitView } = useReactFlow();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string>();
  const [issues, setIssues] = useState<Issue[]>([]);
  const textId = useId();
  const close = () => { store.setImportOpen(false); setIssues([]); setText(""); setFileName(undefined); };

  const run = () => {
    const present = store.getState().history.present;
    const clip = parseClipboard(text);
    let out: { design: typeof present; ids: string[] };
    let what: string;
    if (clip) {
      out = paste(present, clip, { offset: 40 });
      what = "copied selection";
    } else {
      const r = importText(text, { fileName });
      if (!r.ok) { setIssues(r.issues); return; }
      out = mergeDesign(present, r.design);
      what = r.format === "task-definition" ? "task definition" : r.format === "compose" ? "compose file" : r.format;
    }
    if (out.ids.length === 0) { setIssues([{ path: "(document)", message: "Nothing to import: the document has no resources." }]); return; }
    store.edit(() => out.design, { select: out.ids });
    store.notify(`Imported ${out.ids.length} resource${out.ids.length === 1 ? "" : "s"} from the ${what}.`, "info");
    close();
    requestAnimationFrame(() => void fitView({ padding: 0.2, duration: 300, maxZoom: 1 }));
  };

  return (
    <Dialog open={open} onClose={close} title="Import into this design" wide
      description="Paste or choose a task definition JSON, a service JSON, a Docker Compose file, a Stevedore design file, or a selection copied from another canvas. Resources are added; a name already taken gets a -2 suffix.">
      <div className="space-y-3">
        <label className="block text-sm font-medium text-slate-800">
          File
          <input type="file" accept=".json,.yaml,.yml,application/json,text/yaml" className="mt-1 block text-sm"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              if (f.size > MAX_DOCUMENT_BYTES) { setIssues([{ path: "(document)", message: "The file is larger than 1 MiB." }]); return; }
              setFileName(f.name);
              setText(await f.text());
              setIssues([]);
            }} />
        </label>
        <div>
          <label htmlFor={textId} className="block text-sm font-medium text-slate-800">Or paste</label>
          <textarea id={textId} value={text} spellCheck={false} onChange={(e) => { setText(e.target.value); setFileName(undefined); setIssues([]); }}
            className="mt-1 block h-56 w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs text-slate-900" />
        </div>
        {issues.length > 0 && (
          <ul role="alert" className="space-y-0.5 rounded bg-red-50 p-2 text-xs text-red-800" data-testid="import-issues">
            {issues.slice(0, 6).map((i, n) => <li key={n}><span className="font-mono">{i.path}</span>: {i.message}</li>)}
          </ul>
        )}
      </div>
      <DialogActions>
        <button type="button" onClick={close} className="rounded px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">Cancel</button>
        <button type="button" onClick={run} disabled={!text.trim()} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-40">Import</button>
      </DialogActions>
    </Dialog>
  );
}
