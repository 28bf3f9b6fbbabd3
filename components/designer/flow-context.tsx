"use client";

import { createContext, useCallback, useContext, useRef, type ReactNode, type RefObject } from "react";
import { useReactFlow } from "@xyflow/react";
import { addNodeAt, type NodeKind } from "@/lib/domain/designer";
import { useEditorStore } from "./store/context";

/** The drag data type of a palette item: the canvas accepts drops of this type only. */
export const PALETTE_MIME = "application/x-stevedore-node";

const WrapperContext = createContext<RefObject<HTMLDivElement | null> | null>(null);

/** Shares the canvas element with the palette, which adds at the centre of what is visible. */
export function FlowWrapperProvider({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement | null>(null);
  return <WrapperContext.Provider value={ref}>{children}</WrapperContext.Provider>;
}

export function useFlowWrapperRef() {
  const ref = useContext(WrapperContext);
  if (!ref) throw new Error("useFlowWrapperRef outside FlowWrapperProvider");
  return ref;
}

/** Adds a node by drop (at a screen point) or by keyboard (at the viewport centre), then selects it. */
export function useAddNode() {
  const store = useEditorStore();
  const { screenToFlowPosition } = useReactFlow();
  const wrapper = useFlowWrapperRef();
  return useCallback((kind: NodeKind, via: "drop" | "keyboard", screen?: { x: number; y: number }) => {
    let at = screen;
    if (!at) {
      const r = wrapper.current?.getBoundingClientRect();
      at = r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: 0, y: 0 };
    }
    const point = screenToFlowPosition(at);
    const s = store.getState();
    const result = addNodeAt(s.history.present, s.nodes, s.selection, kind, point, via);
    if (!result.ok) { store.notify(result.reason); return; }
    store.edit(() => result, { select: [result.id] });
  }, [store, screenToFlowPosition, wrapper]);
}
