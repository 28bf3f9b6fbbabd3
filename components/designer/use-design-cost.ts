"use client";

import { designCost, type DesignCost } from "@/lib/domain/cost";
import type { Design } from "@/lib/domain/design";
import { useEditor } from "./store/context";

// One computation per edited design, however many nodes ask for it.
const cache = new WeakMap<Design, DesignCost>();

/** The cost of the design being edited (us-east-1 prices; the assumptions say so). */
export function useDesignCost(): DesignCost {
  const design = useEditor((s) => s.history.present);
  let c = cache.get(design);
  if (!c) {
    c = designCost(design);
    cache.set(design, c);
  }
  return c;
}
