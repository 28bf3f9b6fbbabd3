import type { SandboxState } from "./types";

// Where a sandbox's state lives: one JSON blob. The in-memory store is the default; a
// PostgreSQL store (through lib/db) can implement the same two calls.
export interface SandboxStore {
  load(): Promise<SandboxState | undefined>;
  save(state: SandboxState): Promise<void>;
}

/** Keeps the blob as a JSON string, so nothing outside can mutate it and it stays serialisable. */
export class MemoryStore implements SandboxStore {
  private blob: string | undefined;
  async load() {
    return this.blob === undefined ? undefined : (JSON.parse(this.blob) as SandboxState);
  }
  async save(state: SandboxState) {
    this.blob = JSON.stringify(state);
  }
}

/** Runs one request at a time, so two calls never interleave their load → change → save. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export type SandboxDeps = { store: SandboxStore; mutex: Mutex; now: () => number };

const KEY = "__stevedoreSandbox";

/** The process-wide sandbox, kept on globalThis so that Next's dev reloads do not lose it. */
export function defaultSandbox(): SandboxDeps {
  const g = globalThis as unknown as Record<string, SandboxDeps | undefined>;
  return (g[KEY] ??= { store: new MemoryStore(), mutex: new Mutex(), now: () => Date.now() });
}
