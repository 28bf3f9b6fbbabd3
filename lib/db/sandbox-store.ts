import { changedSince } from "@/lib/sandbox/core/state";
import { Mutex, StoreConflictError, stateFingerprint, type SandboxDeps, type SandboxStore } from "@/lib/sandbox/store";
import type { SandboxState } from "@/lib/sandbox/core/types";
import { getDb, type Db } from "./client";

// The sandbox's state in PostgreSQL (or the embedded PGlite): one row of `sandbox_states` per
// sandbox, so the simulated world survives a restart of the app.
//
// Cost: the blob of a big sandbox is several MiB, so
// - `load()` asks only for the row's version and reuses the state it read or wrote last when
//   the version is unchanged (the usual case: one process serves the sandbox);
// - `save()` writes only when the state differs from the stored one by more than the worlds'
//   `now` (which every request moves): read-only requests that changed nothing cost no write.
//   The engine usually knows whether that is so (`changedSince`); the fingerprint (a full
//   serialisation) is computed only when it does not, so a write serialises the state once.
// Concurrency: within a process the caller's mutex serialises requests; between processes
// every write is conditional on the version read (optimistic locking), and a lost race throws
// StoreConflictError, on which lib/sandbox/http.ts reloads and reruns the request once.
// Rows are never deleted (`reset` stores an empty sandbox), so a row's version only grows and
// an unchanged version means unchanged content.

type Snapshot = { version: number; state: SandboxState; fingerprint?: string };

export const DEFAULT_SANDBOX_ID = "default";

export class PostgresSandboxStore implements SandboxStore {
  /** What the row held when this store last read or wrote it (version 0: no row). */
  private last: Snapshot | undefined;
  private readonly db: () => Promise<Db>;

  constructor(db: Db | (() => Promise<Db>), readonly id: string = DEFAULT_SANDBOX_ID) {
    this.db = typeof db === "function" ? db : async () => db;
  }

  /**
   * The stored state. The object may be the one this store read or saved before: the engine
   * is pure (it copies on write, never changing what it was given), so callers must not mutate it either.
   */
  async load(): Promise<SandboxState | undefined> {
    const db = await this.db();
    const row = await db.sandboxState.findUnique({ where: { id: this.id }, select: { version: true } });
    if (!row) {
      this.last = undefined;
      return undefined;
    }
    if (this.last?.version === row.version) return this.last.state;
    // Raw SQL reads the JSON as text and parses it once (Prisma would parse it into its own
    // value first); a blob written in between comes with its own version.
    const rows = await db.$queryRaw<{ state: string; version: number }[]>`
      SELECT "state"::text AS "state", "version" FROM "sandbox_states" WHERE "id" = ${this.id}`;
    if (rows.length === 0) {
      this.last = undefined;
      return undefined;
    }
    const state = JSON.parse(rows[0].state) as SandboxState;
    this.last = { version: rows[0].version, state };
    return state;
  }

  async save(state: SandboxState): Promise<void> {
    const last = this.last;
    let changed = last ? changedSince(last.state, state) : true;
    let fingerprint: string | undefined;
    if (changed === undefined && last) {
      fingerprint = stateFingerprint(state);
      last.fingerprint ??= stateFingerprint(last.state);
      changed = last.fingerprint !== fingerprint;
    }
    if (!changed) return;
    const db = await this.db();
    // Serialised once, here; the cast to json happens in the database.
    const blob = JSON.stringify(state);
    const expected = this.last?.version ?? 0;
    const written =
      expected === 0
        ? await db.$executeRaw`
            INSERT INTO "sandbox_states" ("id", "state", "version", "updated_at")
            VALUES (${this.id}, ${blob}::json, 1, now() AT TIME ZONE 'UTC')
            ON CONFLICT ("id") DO NOTHING`
        : await db.$executeRaw`
            UPDATE "sandbox_states"
            SET "state" = ${blob}::json, "version" = "version" + 1, "updated_at" = now() AT TIME ZONE 'UTC'
            WHERE "id" = ${this.id} AND "version" = ${expected}`;
    if (written !== 1) {
      this.last = undefined;
      throw new StoreConflictError(`The sandbox "${this.id}" was changed by another process.`);
    }
    this.last = { version: expected + 1, state, fingerprint };
  }
}

const KEY = "__stevedoreDbSandbox";

/**
 * The process-wide sandbox on the app's database (getDb()), kept on globalThis like the
 * in-memory default so that Next's dev reloads keep one mutex and one cache.
 */
export function databaseSandbox(): SandboxDeps {
  const g = globalThis as unknown as Record<string, SandboxDeps | undefined>;
  return (g[KEY] ??= { store: new PostgresSandboxStore(getDb), mutex: new Mutex(), now: () => Date.now() });
}
