"use client";

import { useEffect, useRef, useState } from "react";
import { exportService, exportTaskDefinition } from "@/lib/domain/ecs-json";
import { resolveNode } from "@/lib/domain/designer";
import { deploysNothing } from "@/lib/domain/export";
import { downloadCdk, downloadCloudFormation, downloadDesign, downloadTerraform, downloadText, fileSafe } from "./download";
import { useEditor, useEditorStore } from "./store/context";

/** Downloads: the selected task definition (or the selected container's), the selected service, the whole design file, or the design as Terraform, CloudFormation or a CDK app. */
export function ExportMenu() {
  const store = useEditorStore();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const design = useEditor((s) => s.history.present);
  const selection = useEditor((s) => s.selection);
  const name = useEditor((s) => s.name);
  const designId = useEditor((s) => s.designId);
  // An empty design exports to files that deploy nothing: every infrastructure item says so.
  const nothing = deploysNothing(design) ? "no resources yet: deploys nothing" : undefined;
  const picked = selection.map((id) => resolveNode(design, id));
  const td = picked.map((r) => (r?.kind === "taskDefinition" || r?.kind === "container" ? r.taskDefinition : undefined)).find(Boolean);
  const svc = picked.map((r) => (r?.kind === "service" ? r.service : undefined)).find(Boolean);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    const esc = (e: KeyboardEvent) => { if (e.key === "Escape") setOpen(false); };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", esc);
    return () => { document.removeEventListener("mousedown", close); document.removeEventListener("keydown", esc); };
  }, [open]);

  const items = [
    { label: "Task definition JSON", hint: td ? td.family : "select a task definition", disabled: !td,
      run: () => downloadText(`${fileSafe(td!.family)}.task-definition.json`, JSON.stringify(exportTaskDefinition(td!), null, 2)) },
    { label: "Service JSON", hint: svc ? svc.serviceName : "select a service", disabled: !svc,
      run: () => downloadText(`${fileSafe(svc!.serviceName)}.service.json`, JSON.stringify(exportService(svc!, design), null, 2)) },
    { label: "Design file", hint: "everything, with layout", disabled: false,
      run: () => downloadDesign(name, store.getState().history.present) },
    { label: "Terraform (main.tf)", hint: nothing ?? "hashicorp/aws resources, variables for account values", disabled: false,
      run: () => downloadTerraform(store.getState().history.present, designId) },
    { label: "Terraform, image and count left to CI", hint: nothing ?? "main.tf with lifecycle ignore_changes on task_definition, desired_count", disabled: false,
      run: () => downloadTerraform(store.getState().history.present, designId, true) },
    { label: "CloudFormation (YAML)", hint: nothing ?? "a template with Parameters", disabled: false,
      run: () => downloadCloudFormation(name, store.getState().history.present, "yaml", designId) },
    { label: "CloudFormation (JSON)", hint: nothing ?? "the same template as JSON", disabled: false,
      run: () => downloadCloudFormation(name, store.getState().history.present, "json", designId) },
    { label: "CDK app (zip)", hint: nothing ?? "TypeScript, aws-cdk-lib; synthesises the same template", disabled: false,
      run: () => downloadCdk(name, store.getState().history.present, designId) },
  ];
  return (
    <div className="relative" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}
        className="rounded px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100">Export ▾</button>
      {open && (
        <div role="menu" aria-label="Export" className="absolute right-0 z-30 mt-1 w-60 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {items.map((it) => (
            <button key={it.label} type="button" role="menuitem" disabled={it.disabled}
              onClick={() => { it.run(); setOpen(false); }}
              className="block w-full rounded px-2 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50">
              {it.label}
              <span className="block text-[11px] text-slate-500">{it.hint}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
