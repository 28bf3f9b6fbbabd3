import type { Design } from "@/lib/domain/design";
import { validateDesign, type Finding, type PathSegment } from "@/lib/domain/rules";
import {
  createFlowBuilder, createHistory, pushHistory, redo as redoHistory, resetHistory, undo as undoHistory,
  type EditResult, type FlowEdge, type FlowNode, type History, type SaveStatus,
} from "@/lib/domain/designer";
import { createStore, type Store } from "./create-store";

export type EditorState = {
  designId: string;
  name: string;
  /** The server version our last successful save (or load) produced. */
  version: number;
  history: History;
  findings: Finding[];
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** UI-only: never part of the saved design. */
  selection: string[];
  selectedEdge?: string;
  /** The design as the server has it (what "saved" compares against). */
  savedDesign: Design;
  save: { status: SaveStatus; message?: string };
  notice?: { text: string; tone: "info" | "error"; at: number };
  /** UI-only: a field the inspector should bring into view and focus (a finding clicked in Problems). */
  focus?: { nodeId: string; path: PathSegment[]; at: number };
  /** UI-only: the Import dialog is open. */
  importOpen?: boolean;
};

export type EditOptions = { key?: string; select?: string[] };

/** One editor's state and the operations the UI calls; everything design-shaped goes through lib/domain/designer. */
export function createEditorStore(init: { designId: string; name: string; version: number; design: Design }) {
  const build = createFlowBuilder();
  const derive = (design: Design) => {
    const findings = validateDesign(design);
    return { findings, ...build(design, findings) };
  };
  const store: Store<EditorState> = createStore<EditorState>({
    designId: init.designId,
    name: init.name,
    version: init.version,
    history: createHistory(init.design),
    savedDesign: init.design,
    selection: [],
    save: { status: "saved" },
    ...derive(init.design),
  });

  function setPresent(history: History, extra: Partial<EditorState> = {}) {
    store.setState((s) => {
      if (history === s.history && Object.keys(extra).length === 0) return s;
      const derived = history.present === s.history.present ? {} : derive(history.present);
      return { ...s, history, ...derived, ...extra };
    });
  }

  const notify = (text: string, tone: "info" | "error" = "error") =>
    store.setState((s) => ({ ...s, notice: { text, tone, at: Date.now() } }));

  return {
    ...store,
    /** Applies an edit; a failed EditResult becomes a notice and changes nothing. Returns the new node id if any. */
    edit(f: (d: Design) => Design | EditResult, opts: EditOptions = {}): string | undefined {
      const s = store.getState();
      const out = f(s.history.present);
      if ("ok" in out && !out.ok) {
        notify(out.reason);
        return undefined;
      }
      const design = "ok" in out ? out.design : out;
      const id = "ok" in out ? out.id : undefined;
      setPresent(pushHistory(s.history, design, opts.key), opts.select ? { selection: opts.select, selectedEdge: undefined } : {});
      return id;
    },
    undo() { setPresent(undoHistory(store.getState().history)); },
    redo() { setPresent(redoHistory(store.getState().history)); },
    select(ids: string[], edgeId?: string) {
      store.setState((s) => (sameIds(s.selection, ids) && s.selectedEdge === edgeId ? s : { ...s, selection: ids, selectedEdge: edgeId }));
    },
    /** Selects a node and asks its inspector form to focus the field at `path`. */
    focusField(nodeId: string, path: PathSegment[]) {
      store.setState((s) => ({ ...s, selection: [nodeId], selectedEdge: undefined, focus: { nodeId, path, at: Date.now() } }));
    },
    setImportOpen(open: boolean) { store.setState((s) => (!!s.importOpen === open ? s : { ...s, importOpen: open })); },
    notify,
    clearNotice() { store.setState((s) => (s.notice ? { ...s, notice: undefined } : s)); },
    setSave(status: SaveStatus, message?: string) {
      store.setState((s) => (s.save.status === status && s.save.message === message ? s : { ...s, save: { status, message } }));
    },
    markSaved(design: Design, version: number) {
      store.setState((s) => ({ ...s, savedDesign: design, version, save: { status: s.history.present === design ? "saved" : "unsaved" } }));
    },
    /** Replaces everything with the server's copy (after a conflict the user chose to reload). */
    reset(design: Design, version: number, name: string) {
      const history = resetHistory(store.getState().history, design);
      store.setState((s) => ({ ...s, history, version, name, savedDesign: design, selection: [], save: { status: "saved" }, ...derive(design) }));
    },
  };
}

export type EditorStore = ReturnType<typeof createEditorStore>;

function sameIds(a: string[], b: string[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
