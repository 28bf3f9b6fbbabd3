"use client";

import { useState } from "react";
import type { LabFile } from "@/lib/domain/lab/build-types";
import { formatBytes } from "@/lib/domain/lab/build-log";
import { Button } from "@/components/ui/button";

/** The build context: the files `docker build .` sends, which the learner edits (text and size). */
export function ContextFiles({ files, ignored, onChange }: { files: LabFile[]; ignored: string[]; onChange(files: LabFile[]): void }) {
  const [open, setOpen] = useState<string | null>(null);
  const [newPath, setNewPath] = useState("");
  const [error, setError] = useState<string | null>(null);
  const update = (path: string, patch: Partial<LabFile>) => onChange(files.map((f) => (f.path === path ? { ...f, ...patch } : f)));

  function add() {
    const path = newPath.trim().replace(/^\.?\//, "");
    if (!path) return setError("Give the file a path, such as src/util.js or .dockerignore.");
    if (path === "Dockerfile") return setError("The Dockerfile is the editor above: it is in the context already.");
    if (files.some((f) => f.path === path)) return setError(`${path} is in the context already.`);
    setError(null);
    onChange([...files, { path, size: 100, content: "" }]);
    setNewPath("");
    setOpen(path);
  }

  return (
    <section aria-labelledby="context-heading" className="space-y-2">
      <h3 id="context-heading" className="text-sm font-medium text-slate-800">Build context <span className="font-normal text-slate-600">(the folder <code className="font-mono">docker build .</code> sends)</span></h3>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm" data-testid="context-files">
        {files.map((f) => (
          <li key={f.path} className="px-3 py-2">
            <div className="flex flex-wrap items-center gap-2">
              <button type="button" aria-expanded={open === f.path} onClick={() => setOpen(open === f.path ? null : f.path)} className="min-w-0 flex-1 truncate text-left font-mono text-slate-900 hover:underline">
                {f.path}
              </button>
              {ignored.includes(f.path) && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">ignored</span>}
              <span className="tabular-nums text-slate-600">{formatBytes(f.size)}</span>
              <Button size="sm" variant="danger-ghost" aria-label={`Delete ${f.path}`} onClick={() => onChange(files.filter((x) => x.path !== f.path))}>Delete</Button>
            </div>
            {open === f.path && (
              <div className="mt-2 grid gap-2 sm:grid-cols-[1fr_10rem]">
                <label className="block text-xs text-slate-700">
                  Content of {f.path}
                  <textarea value={f.content} onChange={(e) => update(f.path, { content: e.target.value })} rows={Math.min(8, f.content.split("\n").length + 1)} spellCheck={false} className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900" />
                </label>
                <label className="block text-xs text-slate-700">
                  Size in bytes
                  <input type="number" min={0} max={2_000_000_000} value={f.size} onChange={(e) => update(f.path, { size: Math.max(0, Math.round(Number(e.target.value) || 0)) })} className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 tabular-nums text-slate-900" />
                </label>
              </div>
            )}
          </li>
        ))}
        {files.length === 0 && <li className="px-3 py-3 text-slate-600">No files yet: the context holds only the Dockerfile.</li>}
      </ul>
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-xs text-slate-700">
          New file path
          <input value={newPath} onChange={(e) => setNewPath(e.target.value)} onKeyDown={(e) => { if (e.key === "Enter") add(); }} placeholder="src/util.js" className="mt-1 block w-56 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm text-slate-900" />
        </label>
        <Button size="sm" onClick={add}>Add file</Button>
        {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      </div>
    </section>
  );
}
