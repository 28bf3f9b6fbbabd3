"use client";

import { useNodesInitialized, useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { mergeDesign, sampleShopDesign } from "@/lib/domain/designer";
import { useEditor, useEditorStore } from "./store/context";

/** Shown on an empty canvas: how to start, a sample to explore, or an import. */
export function EmptyCanvas() {
  const store = useEditorStore();
  const empty = useEditor((s) => s.nodes.length === 0);
  const { fitView } = useReactFlow();
  // Fit once React Flow has measured the sample's nodes: fitting earlier leaves out the nodes it
  // has not measured yet (the load balancer left of the cluster).
  const measured = useNodesInitialized();
  const fitPending = useRef(false);
  useEffect(() => {
    if (!fitPending.current || !measured) return;
    fitPending.current = false;
    void fitView({ padding: 0.2, duration: 300, maxZoom: 1 });
  }, [measured, fitView]);
  if (!empty) return null;
  const loadSample = () => {
    store.edit((d) => mergeDesign(d, sampleShopDesign()).design, { select: [] });
    fitPending.current = true;
  };
  return (
    <div className="pointer-events-none absolute inset-0 z-[5] flex items-center justify-center p-6">
      <section aria-labelledby="empty-canvas-title" data-testid="empty-canvas"
        className="pointer-events-auto max-w-md rounded-xl border border-slate-200 bg-white/95 p-5 text-sm text-slate-700 shadow-lg">
        <h2 id="empty-canvas-title" className="text-base font-semibold text-slate-900">Start your design</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          <li>Drag a <strong>Task definition</strong> from the palette: it comes with a container. Add more containers into it.</li>
          <li>Add a <strong>Cluster</strong>, then a <strong>Service</strong> inside it.</li>
          <li>Connect: drag from the service&apos;s right handle to the task definition, and to a <strong>Load balancer</strong>.</li>
          <li>Fix what the <strong>Problems</strong> panel reports; the inspector edits every field.</li>
        </ol>
        <div className="mt-4 flex gap-2">
          <button type="button" onClick={loadSample} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
            Load sample design
          </button>
          <button type="button" onClick={() => store.setImportOpen(true)} className="rounded px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-brand-50">
            Import…
          </button>
        </div>
        <p className="mt-2 text-xs text-slate-500">The sample: two Fargate services in one cluster, the storefront behind a load balancer.</p>
      </section>
    </div>
  );
}
