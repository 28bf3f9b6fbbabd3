import type { EngineResult } from "./core/engine";
import { initialState } from "./core/state";
import type { SandboxState } from "./core/types";
import { StoreConflictError, type SandboxDeps } from "./store";

// The one way the edge runs the pure engine on the stored state (http.ts for every call,
// live-tail.ts for each second of a live tail session).

export type Stored = { result: EngineResult } | { failure: string };

/**
 * load → run → save, one request at a time per process (the mutex). A store shared between
 * processes answers a lost race with StoreConflictError: the request runs once more on the
 * fresh state (the engine is pure, so rerunning it is safe); a second loss is a failure, which
 * the adapter answers as a 5xx that the SDK retries.
 */
export async function withState(deps: SandboxDeps, run: (state: SandboxState) => EngineResult): Promise<Stored> {
  return deps.mutex.run(async () => {
    for (let attempt = 1; ; attempt++) {
      let state: SandboxState;
      try {
        state = (await deps.store.load()) ?? initialState(deps.now());
      } catch (e) {
        console.error("sandbox: loading the state failed", e);
        return { failure: "The sandbox state could not be loaded." };
      }
      let result: EngineResult;
      try {
        result = run(state);
      } catch (e) {
        return { failure: e instanceof Error ? e.message : "Internal error" };
      }
      if (result.state !== state) {
        try {
          await deps.store.save(result.state);
        } catch (e) {
          if (e instanceof StoreConflictError && attempt < 2) continue;
          if (!(e instanceof StoreConflictError)) console.error("sandbox: saving the state failed", e);
          return { failure: e instanceof StoreConflictError ? "The sandbox is busy; try again." : "The sandbox state could not be saved." };
        }
      }
      return { result };
    }
  });
}

