"use client";

import { useCallback } from "react";
import type { ResizeParams } from "@xyflow/react";
import { setLayout } from "@/lib/domain/designer";
import { useEditorStore } from "../store/context";

/** Stores a group's size once the user lets go (one undo step), never on every resize tick. */
export function useResizeCommit(id: string) {
  const store = useEditorStore();
  return useCallback((_: unknown, p: ResizeParams) => {
    store.edit((d) => setLayout(d, { [id]: { x: Math.round(p.x), y: Math.round(p.y), width: Math.round(p.width), height: Math.round(p.height) } }));
  }, [store, id]);
}
