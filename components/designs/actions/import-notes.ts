/**
 * Import notes travel from the import dialog to the new design's page through
 * sessionStorage: the notes belong to the moment of import, not to the saved design.
 */
const key = (id: string) => `stevedore:import-notes:${id}`;

export function noteText(note: unknown): string {
  if (typeof note === "string") return note;
  if (note && typeof note === "object") {
    const n = note as Record<string, unknown>;
    const where = typeof n.path === "string" ? n.path : Array.isArray(n.path) ? n.path.join(".") : undefined;
    const msg = typeof n.message === "string" ? n.message : JSON.stringify(note);
    return where ? `${where}: ${msg}` : msg;
  }
  return String(note);
}

export function stashImportNotes(id: string, notes: unknown): void {
  const list = Array.isArray(notes) ? notes.map(noteText) : [];
  try {
    sessionStorage.setItem(key(id), JSON.stringify(list));
  } catch {
    // storage disabled: the notes are a courtesy, the design is imported either way
  }
}

export function takeImportNotes(id: string): string[] | undefined {
  try {
    const raw = sessionStorage.getItem(key(id));
    if (raw === null) return undefined;
    sessionStorage.removeItem(key(id));
    return JSON.parse(raw) as string[];
  } catch {
    return undefined;
  }
}
