"use client";

import { useEffect } from "react";
import { copySelection, disconnect, duplicate, parseClipboard, paste, removeNodes, resolveNode, serializeClipboard } from "@/lib/domain/designer";
import type { EditorStore } from "./store/editor-store";

/** Keys typed into a form field belong to the field, not to the canvas. */
function inField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

export function deleteSelection(store: EditorStore) {
  const s = store.getState();
  if (s.selectedEdge) {
    const edge = s.selectedEdge;
    store.edit((d) => disconnect(d, edge), { select: [] });
    return;
  }
  if (s.selection.length === 0) return;
  const ids = s.selection;
  store.edit((d) => removeNodes(d, ids).design, { select: [] });
}

export function duplicateSelection(store: EditorStore) {
  const ids = store.getState().selection;
  if (ids.length === 0) return;
  const out = duplicate(store.getState().history.present, ids);
  store.edit(() => out.design, { select: out.ids });
}

/** Undo/redo, delete, duplicate, and copy/paste through the system clipboard (as designer JSON). */
export function useShortcuts(store: EditorStore) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inField(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === "z") { e.preventDefault(); if (e.shiftKey) store.redo(); else store.undo(); }
      else if (mod && key === "y") { e.preventDefault(); store.redo(); }
      else if (mod && key === "d") { e.preventDefault(); duplicateSelection(store); }
      else if (!mod && (e.key === "Delete" || e.key === "Backspace")) { e.preventDefault(); deleteSelection(store); }
      else if (e.key === "Escape") store.select([]);
    };
    const onCopy = (e: ClipboardEvent) => {
      const s = store.getState();
      if (inField(e.target) || s.selection.length === 0 || !e.clipboardData) return;
      e.clipboardData.setData("text/plain", serializeClipboard(copySelection(s.history.present, s.selection)));
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (inField(e.target) || !e.clipboardData) return;
      const clip = parseClipboard(e.clipboardData.getData("text/plain"));
      if (!clip) return;
      e.preventDefault();
      const s = store.getState();
      const target = s.selection.map((id) => resolveNode(s.history.present, id)).find((r) => r?.kind === "taskDefinition" || r?.kind === "container");
      const into = target?.kind === "taskDefinition" ? target.taskDefinition.id : target?.kind === "container" ? target.taskDefinition.id : undefined;
      if (clip.containers.length > 0 && !into && clip.taskDefinitions.length + clip.clusters.length + clip.services.length + clip.targetGroups.length + clip.loadBalancers.length === 0) {
        store.notify("Select a task definition to paste containers into.");
        return;
      }
      const out = paste(s.history.present, clip, { intoTaskDefinitionId: into });
      store.edit(() => out.design, { select: out.ids });
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("copy", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [store]);
}
