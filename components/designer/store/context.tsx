"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import type { Design } from "@/lib/domain/design";
import { useStoreSelector } from "./create-store";
import { createEditorStore, type EditorState, type EditorStore } from "./editor-store";

const EditorContext = createContext<EditorStore | null>(null);

/** Creates this editor's store once (per mount), so nothing lives at module level. */
export function EditorProvider(props: { designId: string; name: string; version: number; design: Design; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(props));
  return <EditorContext.Provider value={store}>{props.children}</EditorContext.Provider>;
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditorStore must be used inside <EditorProvider>");
  return store;
}

/** Narrow subscription: pass a selector returning a stable value (a slice, a primitive). */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStoreSelector(useEditorStore(), selector);
}
