"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { importDesignAction } from "@/lib/actions/designs";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/design/limits";
import type { ActionIssue } from "@/lib/actions/result";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { TextAreaField, TextField } from "@/components/ui/text-field";
import { runAction } from "./issues";
import { stashImportNotes } from "./import-notes";

// The server refuses more than MAX_DOCUMENT_BYTES; saying so before the upload is kinder.

export function ImportDesignButton({ variant = "secondary" }: { variant?: ButtonVariant }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string>();
  const [failure, setFailure] = useState<{ message: string; issues?: ActionIssue[] }>();
  const [pending, startTransition] = useTransition();

  function close() {
    setOpen(false);
    setName("");
    setText("");
    setFileName(undefined);
    setFailure(undefined);
  }

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFailure(undefined);
    if (!file) return;
    if (file.size > MAX_DOCUMENT_BYTES) {
      setFailure({ message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; imports are limited to 1 MB.` });
      return;
    }
    setFileName(file.name);
    setText(await file.text());
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setFailure({ message: "Choose a file or paste a task definition, service, design JSON or Docker Compose file." });
    startTransition(async () => {
      const result = await runAction(() => importDesignAction({ name: name.trim() || undefined, text, fileName }));
      if (!result.ok) return setFailure({ message: result.message, issues: result.issues });
      stashImportNotes(result.data.id, result.data.notes);
      close();
      router.push(`/designs/${result.data.id}`);
    });
  }

  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        <UploadIcon />
        Import
      </Button>
      <Dialog
        open={open}
        onClose={close}
        wide
        title="Import a design"
        description="An ECS task definition or service JSON (as the AWS console or CLI prints it), a Stevedore design JSON, a Docker Compose file, a Terraform file or a CloudFormation template (several Terraform files: import them into a design's canvas)."
      >
        <form onSubmit={submit} noValidate className="space-y-4">
          <div>
            <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">File</label>
            <input
              id="import-file"
              type="file"
              accept=".json,.yaml,.yml,.tf,.template,application/json,application/yaml,text/yaml"
              onChange={chooseFile}
              className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
            />
            <p className="mt-1 text-sm text-slate-600">.json, .yaml or .yml — or paste the text below.</p>
          </div>
          <TextAreaField
            label="Text"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(undefined);
            }}
            rows={10}
            spellCheck={false}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm focus:outline-2 focus:outline-brand-600"
            placeholder={'{\n  "family": "web",\n  "containerDefinitions": [ … ]\n}'}
          />
          <TextField label="Design name" value={name} onChange={(e) => setName(e.target.value)} hint="Optional. Defaults to the family, service or file name." />
          {failure && <ImportFailure {...failure} />}
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending}>{pending ? "Importing…" : "Import"}</Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}

function ImportFailure({ message, issues }: { message: string; issues?: ActionIssue[] }) {
  return (
    <Alert tone="error" title="Could not import">
      <p>{message}</p>
      {issues && issues.length > 0 && (
        <ul className="mt-2 max-h-40 list-disc space-y-0.5 overflow-auto pl-5" aria-label="Import problems">
          {issues.map((i, n) => (
            <li key={n}>
              <code className="font-mono text-xs font-semibold">{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

function UploadIcon() {
  return (
    <svg viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor" aria-hidden="true">
      <path d="M9.25 13.25a.75.75 0 0 0 1.5 0V4.64l2.95 3.1a.75.75 0 1 0 1.1-1.03l-4.25-4.5a.75.75 0 0 0-1.1 0L5.2 6.7a.75.75 0 1 0 1.1 1.03l2.95-3.1v8.61Z" />
      <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
    </svg>
  );
}
