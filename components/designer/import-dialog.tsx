"use client";

import { useId, useState } from "react";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { readInfrastructureCodeAction } from "@/lib/actions/designs";
import type { Design } from "@/lib/domain/design";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/design/limits";
import { importText } from "@/lib/domain/ecs-json";
import { detectIacFormat, MAX_IAC_FILES, type IacFormat, type IacNote } from "@/lib/domain/export";
import { mergeDesign, parseClipboard, paste } from "@/lib/domain/designer";
import { useReactFlow } from "@xyflow/react";
import { useEditor, useEditorStore } from "./store/context";

type Issue = { path: string; message: string };
type Picked = { name: string; text: string };
/** Terraform or CloudFormation read on the server, waiting for the person to add it after reading its notes. */
type Pending = { format: IacFormat; design: Design; notes: IacNote[] };

const FORMAT_NAME: Record<IacFormat, string> = { terraform: "Terraform", cloudformation: "CloudFormation template" };

/**
 * Import into the open design: a design file, a task definition or service JSON, a compose file,
 * Terraform files (several merge into one), a CloudFormation template, or a selection copied
 * from another canvas. Everything merges in as new resources (names that collide become
 * `name-2`), in one undo step. Terraform and CloudFormation are read on the server first and
 * their import notes shown before anything is added.
 */
export function ImportDialog() {
  const store = useEditorStore();
  const open = useEditor((s) => !!s.importOpen);
  const { fitView } = useReactFlow();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<Picked[]>([]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const textId = useId();
  const close = () => { store.setImportOpen(false); setIssues([]); setText(""); setFiles([]); setPending(undefined); };

  const add = (incoming: Design, what: string) => {
    const present = store.getState().history.present;
    const out = mergeDesign(present, incoming);
    if (out.ids.length === 0) { setIssues([{ path: "(document)", message: "Nothing to import: the document has no resources." }]); return; }
    store.edit(() => out.design, { select: out.ids });
    store.notify(`Imported ${out.ids.length} resource${out.ids.length === 1 ? "" : "s"} from the ${what}.`, "info");
    close();
    requestAnimationFrame(() => void fitView({ padding: 0.2, duration: 300, maxZoom: 1 }));
  };

  const run = async () => {
    if (pending) { add(pending.design, FORMAT_NAME[pending.format]); return; }
    const present = store.getState().history.present;
    const picked = files.length ? files : [{ name: "pasted", text }];
    const iac = detectIacFormat(picked);
    if (iac) {
      setBusy(true);
      const r = await readInfrastructureCodeAction({ files: picked, from: iac }).catch(() => undefined);
      setBusy(false);
      if (!r) { setIssues([{ path: "(request)", message: "The files could not be sent. Try again." }]); return; }
      if (!r.ok) { setIssues(r.issues?.length ? r.issues : [{ path: "(document)", message: r.message }]); return; }
      setPending(r.data);
      setIssues([]);
      return;
    }
    const clip = parseClipboard(text);
    if (clip) {
      const out = paste(present, clip, { offset: 40 });
      if (out.ids.length === 0) { setIssues([{ path: "(document)", message: "Nothing to import: the document has no resources." }]); return; }
      store.edit(() => out.design, { select: out.ids });
      store.notify(`Imported ${out.ids.length} resource${out.ids.length === 1 ? "" : "s"} from the copied selection.`, "info");
      close();
      return;
    }
    const r = importText(picked[0].text, { fileName: files[0]?.name });
    if (!r.ok) { setIssues(r.issues); return; }
    add(r.design, r.format === "task-definition" ? "task definition" : r.format === "compose" ? "compose file" : r.format);
  };

  const counts = pending && [
    [pending.design.clusters.length, "cluster"], [pending.design.taskDefinitions.length, "task definition"], [pending.design.services.length, "service"],
    [(pending.design.targetGroups ?? []).length, "target group"], [(pending.design.loadBalancers ?? []).length, "load balancer"],
  ].filter(([n]) => Number(n) > 0).map(([n, w]) => `${n} ${w}${n === 1 ? "" : "s"}`).join(", ");

  return (
    <Dialog open={open} onClose={close} title="Import into this design" wide
      description="Paste or choose a task definition JSON, a service JSON, a Docker Compose file, Terraform files (.tf, with a .tfvars), a CloudFormation template (YAML or JSON), a Stevedore design file, or a selection copied from another canvas. Resources are added; a name already taken gets a -2 suffix.">
      {pending ? (
        <div className="space-y-3" data-testid="import-review">
          <p className="text-sm text-slate-800 dark:text-slate-100">
            The {FORMAT_NAME[pending.format]} holds {counts || "no resources a design holds"}.
          </p>
          {pending.notes.length > 0 ? (
            <div>
              <h3 className="text-sm font-medium text-slate-800 dark:text-slate-100">Not imported ({pending.notes.length})</h3>
              <ul className="mt-1 max-h-56 space-y-0.5 overflow-auto rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" data-testid="import-notes">
                {pending.notes.map((n, i) => <li key={i}><span className="font-mono">{n.path}</span>: {n.message}</li>)}
              </ul>
            </div>
          ) : <p className="text-sm text-slate-700 dark:text-slate-300">Everything in it was read.</p>}
        </div>
      ) : (
        <div className="space-y-3">
          <label className="block text-sm font-medium text-slate-800 dark:text-slate-100">
            Files
            <input type="file" multiple accept=".json,.yaml,.yml,.tf,.tfvars,.template,application/json,text/yaml" className="mt-1 block text-sm"
              onChange={async (e) => {
                const list = [...(e.target.files ?? [])];
                if (!list.length) return;
                if (list.length > MAX_IAC_FILES) { setIssues([{ path: "(files)", message: `Choose at most ${MAX_IAC_FILES} files.` }]); return; }
                const size = list.reduce((n, f) => n + f.size, 0);
                if (size > MAX_DOCUMENT_BYTES) { setIssues([{ path: "(files)", message: `The files are ${(size / 1048576).toFixed(1)} MiB together; the limit is 1 MiB.` }]); return; }
                const read = await Promise.all(list.map(async (f) => ({ name: f.name, text: await f.text() })));
                setFiles(read);
                setText(read.length === 1 ? read[0].text : read.map((f) => `# ${f.name}\n${f.text}`).join("\n"));
                setIssues([]);
              }} />
          </label>
          <div>
            <label htmlFor={textId} className="block text-sm font-medium text-slate-800 dark:text-slate-100">Or paste</label>
            <textarea id={textId} value={text} spellCheck={false} readOnly={files.length > 1}
              onChange={(e) => { setText(e.target.value); setFiles([]); setIssues([]); }}
              className="mt-1 block h-56 w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100" />
            {files.length > 1 && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{files.length} files: {files.map((f) => f.name).join(", ")}</p>}
          </div>
        </div>
      )}
      {issues.length > 0 && (
        <ul role="alert" className="mt-3 space-y-0.5 rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950 dark:text-red-200" data-testid="import-issues">
          {issues.slice(0, 6).map((i, n) => <li key={n}><span className="font-mono">{i.path}</span>: {i.message}</li>)}
        </ul>
      )}
      <DialogActions>
        <button type="button" onClick={pending ? () => setPending(undefined) : close} className="rounded px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">{pending ? "Back" : "Cancel"}</button>
        <button type="button" onClick={() => void run()} disabled={busy || (!pending && !text.trim())} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-40">
          {busy ? "Reading…" : pending ? "Add to design" : "Import"}
        </button>
      </DialogActions>
    </Dialog>
  );
}
