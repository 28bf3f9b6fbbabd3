import { useSyncExternalStore } from "react";

// A tiny external store (zustand's shape, without the dependency): one per editor, created by
// a factory and handed down by context, so two editors never share state and tests can make
// their own.

export type Store<S> = {
  getState(): S;
  setState(next: S | ((s: S) => S)): void;
  subscribe(listener: () => void): () => void;
};

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(next) {
      const value = typeof next === "function" ? (next as (s: S) => S)(state) : next;
      if (Object.is(value, state)) return;
      state = value;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Subscribes to one slice; components re-render only when that slice changes (by Object.is). */
export function useStoreSelector<S, T>(store: Store<S>, selector: (s: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()), () => selector(store.getState()));
}
