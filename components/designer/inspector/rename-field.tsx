"use client";

import { useState } from "react";
import { rename } from "@/lib/domain/designer";
import { useEditorStore } from "../store/context";
import { TextInput } from "./fields";

/**
 * Names are renamed on commit (blur or Enter), not per keystroke: a rename rewrites references
 * and, for containers, the node id, so the selection follows the new id once.
 */
export function RenameField({ nodeId, label, value }: { nodeId: string; label: string; value: string }) {
  const store = useEditorStore();
  const [error, setError] = useState<string>();
  return (
    <TextInput
      label={label} value={value} error={error}
      onChange={() => setError(undefined)}
      onCommit={(v) => {
        if (v.trim() === value) return;
        const r = rename(store.getState().history.present, nodeId, v);
        if (!r.ok) { setError(r.reason); return; }
        store.edit(() => r, { select: [r.id] });
      }}
    />
  );
}
