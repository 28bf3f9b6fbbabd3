"use client";

import { useSyncExternalStore } from "react";
import type { BuiltImage } from "@/lib/domain/lab/image";
import { type SavedBench, type SavedRegistryLab, restoreBench, restoreImages, restoreRegistryLab } from "@/lib/domain/lab/saved";

/**
 * The image lab, kept in this browser (the lab runs offline and needs no account): the Build
 * workbench (Dockerfile, context, build cache, the builds lessons replay), the images it built
 * (the Registry & hosts tab pushes them; the newest build of a name replaces the older one) and
 * the registry and hosts. Keys are versioned; what is read back is checked (lib/domain/lab/saved)
 * and a value that does not fit is ignored, so the lab starts fresh rather than breaking.
 */
const IMAGES = "stevedore.lab.images.v1";
export const BENCH_KEY = "stevedore.lab.bench.v1";
const REGISTRY = "stevedore.lab.registry.v1";
/** A lesson's own workbench, one per lesson. */
export const lessonBenchKey = (lessonId: string) => `stevedore.lab.lesson.v1.${lessonId}`;

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
/** Bumped by every reset: the lab's components remount (key) and read the storage again. */
let epoch = 0;

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => { if (e.key === null || e.key.startsWith("stevedore.lab.")) listener(); };
  window.addEventListener("storage", onStorage);
  return () => { listeners.delete(listener); window.removeEventListener("storage", onStorage); };
}

function readText(key: string): string | null {
  try { return window.localStorage.getItem(key); } catch { return null; }
}

function write(key: string, value: unknown) {
  // A full or disabled storage only means the lab is not kept: the page goes on working.
  try { window.localStorage.setItem(key, JSON.stringify(value)); } catch { /* not kept */ }
}

let images: { text: string | null; images: BuiltImage[] } = { text: null, images: [] };
function readImages(): BuiltImage[] {
  const text = readText(IMAGES);
  if (text !== images.text) images = { text, images: restoreImages(text) ?? [] };
  return images.images;
}

const EMPTY: BuiltImage[] = [];

export function useBuiltImages(): BuiltImage[] {
  return useSyncExternalStore(subscribe, readImages, () => EMPTY);
}

export function saveBuiltImage(image: BuiltImage) {
  write(IMAGES, [image, ...readImages().filter((i) => i.name !== image.name)].slice(0, 20));
  notify();
}

export const loadBench = (key: string): SavedBench | undefined => restoreBench(readText(key));
export const saveBench = (key: string, bench: SavedBench) => write(key, bench);
export const loadRegistryLab = (): SavedRegistryLab | undefined => restoreRegistryLab(readText(REGISTRY));
export const saveRegistryLab = (lab: SavedRegistryLab) => write(REGISTRY, lab);

/** Forget what these keys kept; the lab's components start again from their defaults. */
export function forget(keys: string[]) {
  for (const key of keys) {
    try { window.localStorage.removeItem(key); } catch { /* nothing kept */ }
  }
  epoch += 1;
  notify();
}

/** The Reset lab control: the Build tab's workbench and images, and the registry and hosts. */
export const resetLab = () => forget([BENCH_KEY, IMAGES, REGISTRY]);

const noSubscription = () => () => {};

/**
 * Where the lab may read the browser's storage: 0 while the server renders and the page hydrates
 * (the server has no storage, so the first render is the defaults), then 1 + the resets so far.
 * Used as a `key`, it remounts the lab once with what was saved, and again after each reset.
 */
export function useLabGeneration(): number {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const resets = useSyncExternalStore(subscribe, () => epoch, () => 0);
  return hydrated ? 1 + resets : 0;
}
