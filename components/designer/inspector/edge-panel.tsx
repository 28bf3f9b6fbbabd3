"use client";

import { parseContainerEdge, setContainerEdgeKind, type ContainerCondition } from "@/lib/domain/designer";
import { EcsEnums } from "@/lib/domain/design";
import { useEditor, useEditorStore } from "../store/context";
import { SelectInput } from "./fields";

const CHOICES = [
  ...EcsEnums.CONTAINER_CONDITIONS.map((c) => ({ value: `dependsOn:${c}`, label: `Depends on (${c})` })),
  { value: "link", label: "Link (bridge network name)" },
];

/** The selected container→container edge: switch between dependsOn (with its condition) and link. */
export function EdgePanel({ edgeId }: { edgeId: string }) {
  const store = useEditorStore();
  const design = useEditor((s) => s.history.present);
  const e = parseContainerEdge(design, edgeId);
  if (!e) return <p className="text-sm text-slate-600">Delete removes this connection.</p>;
  const value = e.relation === "link" ? "link" : `dependsOn:${e.condition ?? "START"}`;
  return (
    <div className="space-y-3" data-testid="edge-panel">
      <h2 className="text-sm font-semibold text-slate-900">Container connection</h2>
      <p className="text-xs text-slate-600">{e.source.split("/")[1]} → {e.target.split("/")[1]}</p>
      <SelectInput
        label="Connection kind" value={value} options={CHOICES}
        help="dependsOn orders start-up (the condition says what to wait for); a link lets the container reach the other by name on a bridge network."
        onChange={(v) => {
          if (!v) return;
          const opts = v === "link" ? { relation: "link" as const } : { relation: "dependsOn" as const, condition: v.split(":")[1] as ContainerCondition };
          const out = setContainerEdgeKind(store.getState().history.present, edgeId, opts);
          if (!out.ok) { store.notify(out.reason); return; }
          store.edit(() => out.design);
          store.select([], out.id);
        }}
      />
    </div>
  );
}
