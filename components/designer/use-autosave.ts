"use client";

import { useEffect } from "react";
import { saveDesignAction } from "@/lib/actions/designs";
import type { Design } from "@/lib/domain/design";
import type { EditorStore } from "./store/editor-store";

export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the design a moment after the last edit, one request at a time, always against the
 * version we last saved. On CONFLICT it stops: nothing is overwritten until the user reloads
 * or saves a copy.
 */
export function useAutosave(store: EditorStore, delay = AUTOSAVE_DELAY_MS) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    let lastSeen: Design = store.getState().history.present;

    const run = async () => {
      timer = undefined;
      const s = store.getState();
      if (s.save.status === "conflict" || inFlight) return;
      const design = s.history.present;
      if (design === s.savedDesign) { store.setSave("saved"); return; }
      inFlight = true;
      store.setSave("saving");
      try {
        const r = await saveDesignAction({ id: s.designId, expectedVersion: s.version, document: design });
        if (r.ok) store.markSaved(design, r.data.version);
        else store.setSave(r.code === "CONFLICT" ? "conflict" : "error", r.message);
      } catch {
        store.setSave("error", "The server could not be reached; your changes are kept here.");
      } finally {
        inFlight = false;
      }
      const after = store.getState();
      if (after.save.status === "unsaved" || (after.save.status === "saved" && after.history.present !== after.savedDesign)) schedule();
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, delay);
    };

    const unsubscribe = store.subscribe(() => {
      const s = store.getState();
      if (s.history.present === lastSeen) return;
      lastSeen = s.history.present;
      if (s.save.status === "conflict") return;
      if (s.history.present === s.savedDesign && !inFlight) {
        if (timer) clearTimeout(timer);
        store.setSave("saved");
        return;
      }
      if (!inFlight) store.setSave("unsaved");
      schedule();
    });

    // Leaving with unsaved edits loses them; the browser asks first.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const s = store.getState();
      if (s.history.present !== s.savedDesign) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [store, delay]);
}
