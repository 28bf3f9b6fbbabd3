import type { SandboxState } from "./core/types";

// Where a sandbox's state lives: one JSON blob. The in-memory store is the default here; the
// app's routes use the PostgreSQL store of lib/db (lib/db/sandbox-store.ts), which implements
// the same two calls.
export interface SandboxStore {
  load(): Promise<SandboxState | undefined>;
  /**
   * Stores the state a request produced from the last `load()`. A store shared between
   * processes throws `StoreConflictError` when somebody else saved in between; the request is
   * then run once more on a fresh `load()`.
   */
  save(state: SandboxState): Promise<void>;
}

/** Another process saved the sandbox since this one loaded it; nothing was written. */
export class StoreConflictError extends Error {
  constructor(message = "The sandbox state was changed by another process.") {
    super(message);
    this.name = "StoreConflictError";
  }
}

/**
 * The state as a string that ignores what every request changes anyway: each world's `now`.
 * Two states with the same fingerprint behave the same from here on (nothing fell due between
 * their two `now`s, or it would show elsewhere), so a store may skip saving an unchanged one.
 */
export function stateFingerprint(state: SandboxState): string {
  const worlds: Record<string, unknown> = {};
  for (const [region, world] of Object.entries(state.worlds)) worlds[region] = { ...world, now: 0 };
  return JSON.stringify({ ...state, worlds });
}

/**
 * Keeps the state object itself: the engine never mutates a state it is given (it copies on
 * write, draft.ts), so handing the same object to the next request is safe, and costs no
 * parse or serialisation per request.
 */
export class MemoryStore implements SandboxStore {
  private state: SandboxState | undefined;
  async load() {
    return this.state;
  }
  async save(state: SandboxState) {
    this.state = state;
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
