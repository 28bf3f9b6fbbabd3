import type { Design } from "../design";

/** Undo history of whole designs: cheap, because edits share every untouched object. */
export type History = {
  past: Design[];
  present: Design;
  future: Design[];
  /** Consecutive edits with the same key (typing in one field) merge into one undo step. */
  lastKey?: string;
};

export const HISTORY_LIMIT = 200;

export function createHistory(present: Design): History {
  return { past: [], present, future: [] };
}

export function pushHistory(h: History, next: Design, key?: string): History {
  if (next === h.present) return h;
  if (key !== undefined && key === h.lastKey) return { ...h, present: next, future: [] };
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key };
}

export function undo(h: History): History {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}

/** Replaces the present without an undo step (e.g. the server's copy after a reload). */
export function resetHistory(h: History, present: Design): History {
  return { past: [], present, future: [] };
}
