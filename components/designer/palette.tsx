"use client";

import type { DragEvent } from "react";
import type { NodeKind } from "@/lib/domain/designer";
import { PALETTE_MIME, useAddNode } from "./flow-context";

const ITEMS: { kind: NodeKind; label: string; hint: string }[] = [
  { kind: "cluster", label: "Cluster", hint: "Groups services and their capacity" },
  { kind: "service", label: "Service", hint: "Keeps tasks running (drop into a cluster)" },
  { kind: "taskDefinition", label: "Task definition", hint: "Fargate 0.25 vCPU / 512 MiB, awsvpc" },
  { kind: "container", label: "Container", hint: "nginx:1.27 on port 80 (into a task definition)" },
  { kind: "loadBalancer", label: "Load balancer", hint: "An ALB (or NLB) whose listeners forward to target groups" },
  { kind: "targetGroup", label: "Target group", hint: "Where a listener forwards; services register with it" },
  { kind: "scheduledTask", label: "Scheduled task", hint: "Runs a task definition on a rate or cron schedule (EventBridge Scheduler)" },
  { kind: "capacityProvider", label: "Capacity provider", hint: "EC2 capacity (Auto Scaling group or Managed Instances) for clusters and strategies" },
];

/** Drag onto the canvas, or focus and press Enter to add at the centre (containers go into the selected task definition). */
export function Palette() {
  const add = useAddNode();
  const onDragStart = (e: DragEvent, kind: NodeKind) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = "copy";
  };
  return (
    <nav aria-label="Palette" className="flex w-48 shrink-0 flex-col gap-2 border-r border-slate-200 bg-white p-3">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Add</h2>
      <ul className="space-y-1.5">
        {ITEMS.map((item) => (
          <li key={item.kind}>
            <button
              type="button" draggable
              onDragStart={(e) => onDragStart(e, item.kind)}
              onClick={() => add(item.kind, "keyboard")}
              aria-label={`Add ${item.label}`}
              data-testid={`palette-${item.kind}`}
              className={`kind-${item.kind} w-full cursor-grab rounded-md border border-l-4 border-slate-300 [border-left-color:var(--kind)] bg-white px-2.5 py-2 text-left shadow-sm hover:border-brand-600 hover:bg-brand-50 active:cursor-grabbing`}
            >
              <span className="block text-sm font-medium text-slate-900">{item.label}</span>
              <span className="block text-[11px] leading-snug text-slate-500">{item.hint}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="mt-auto text-[11px] leading-snug text-slate-500">
        Drag from a node&apos;s right handle to another node to connect. Delete removes, Ctrl+D duplicates, Ctrl+Z undoes.
      </p>
    </nav>
  );
}
