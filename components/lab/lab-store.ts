"use client";

import { useSyncExternalStore } from "react";
import type { BuiltImage } from "@/lib/domain/lab/image";

/**
 * The images the learner has built in the lab, kept in this browser (the lab runs offline and
 * needs no account): the Build tab saves each finished build here, the Registry & hosts tab
 * pushes them. The newest build of a name replaces the older one.
 */
const KEY = "stevedore.lab.images.v1";
const listeners = new Set<() => void>();
let cache: { raw: string | null; images: BuiltImage[] } = { raw: null, images: [] };

function read(): BuiltImage[] {
  const raw = typeof window === "undefined" ? null : window.localStorage.getItem(KEY);
  if (raw === cache.raw) return cache.images;
  let images: BuiltImage[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) images = parsed.filter((i): i is BuiltImage => typeof i?.name === "string" && Array.isArray(i?.layers) && typeof i?.digest === "string");
  } catch { images = []; }
  cache = { raw, images };
  return images;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => { if (e.key === KEY) listener(); };
  window.addEventListener("storage", onStorage);
  return () => { listeners.delete(listener); window.removeEventListener("storage", onStorage); };
}

const EMPTY: BuiltImage[] = [];

export function useBuiltImages(): BuiltImage[] {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}

export function saveBuiltImage(image: BuiltImage) {
  const next = [image, ...read().filter((i) => i.name !== image.name)].slice(0, 20);
  window.localStorage.setItem(KEY, JSON.stringify(next));
  listeners.forEach((l) => l());
}
