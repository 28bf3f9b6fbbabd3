"use client";

import { useEffect } from "react";
import { saveDesignAction } from "@/lib/actions/designs";
import { AUTOSAVE_DELAY_MS, autosave, type AutosaveEvent } from "@/lib/domain/designer";
import type { Design } from "@/lib/domain/design";
import type { EditorStore } from "./store/editor-store";

/**
 * Saves the design a moment after the last edit, one request at a time, always against the
 * version we last saved. The decisions are lib/domain/designer/autosave.ts; this runs its
 * timer and its request.
 */
export function useAutosave(store: EditorStore, delay = AUTOSAVE_DELAY_MS) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    let lastSeen: Design = store.getState().history.present;
    const dirty = () => {
      const s = store.getState();
      return s.history.present !== s.savedDesign;
    };

    const step = (event: AutosaveEvent) => {
      const { save } = store.getState();
      const next = autosave({ status: save.status, message: save.message, inFlight }, event);
      inFlight = next.state.inFlight;
      store.setSave(next.state.status, next.state.message);
      for (const effect of next.effects) {
        if (effect === "cancel" && timer) clearTimeout(timer);
        if (effect === "schedule") schedule();
        if (effect === "save") void send();
      }
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        step({ type: "due", dirty: dirty() });
      }, delay);
    };
    const send = async () => {
      const s = store.getState();
      const design = s.history.present;
      let event: AutosaveEvent;
      try {
        const r = await saveDesignAction({ id: s.designId, expectedVersion: s.version, document: design });
        if (r.ok) {
          store.markSaved(design, r.data.version);
          event = { type: "saved", dirty: dirty() };
        } else event = { type: "rejected", code: r.code, message: r.message };
      } catch {
        event = { type: "unreachable" };
      }
      step(event);
    };

    const unsubscribe = store.subscribe(() => {
      const s = store.getState();
      if (s.history.present === lastSeen) return;
      lastSeen = s.history.present;
      step({ type: "edited", dirty: dirty() });
    });

    // Leaving with unsaved edits loses them; the browser asks first.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty()) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [store, delay]);
}
