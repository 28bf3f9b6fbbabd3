import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Pool } from "pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { migrate } from "./migrate";
import { pgExecutor, pgliteExecutor } from "./sql-executor";

export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type DbTransaction = Prisma.TransactionClient;
export type DatabaseKind = "postgres" | "pglite";

export type CreateDbOptions =
  | { url: string; migrate?: boolean; migrationsDir?: string }
  | { pglite: PGlite; migrate?: boolean; migrationsDir?: string };

/**
 * An idle pooled connection that the server drops (a restart, a failover, an administrator)
 * emits "error" on its pool; unhandled, that would kill the whole process. The pool replaces
 * the connection on next use, so logging is all there is to do.
 */
function logPoolError(err: Error) {
  console.error(`[db] connection lost: ${err.message}`);
}

/** A client for one database, migrated first unless told otherwise. Tests and the benchmark use this directly. */
export async function createDb(opts: CreateDbOptions): Promise<Db> {
  const shouldMigrate = opts.migrate ?? true;
  if ("url" in opts) {
    if (shouldMigrate) {
      // A short-lived pool of one: the advisory lock is per session and must be released on it.
      const pool = new Pool({ connectionString: opts.url, max: 1 });
      pool.on("error", logPoolError);
      try {
        await migrate(pgExecutor(pool), { dir: opts.migrationsDir });
      } finally {
        await pool.end();
      }
    }
    return new PrismaClient({
      adapter: new PrismaPg({ connectionString: opts.url }, { onPoolError: logPoolError, onConnectionError: logPoolError }),
    });
  }
  if (shouldMigrate) await migrate(pgliteExecutor(opts.pglite), { dir: opts.migrationsDir });
  return new PrismaClient({ adapter: new PrismaPGlite(opts.pglite) });
}

export function databaseKind(): DatabaseKind {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

/** `memory://` keeps the embedded database in memory (tests); anything else is a directory. */
export function pgliteDataDir(): string {
  return process.env.STEVEDORE_DATA_DIR || path.join(process.cwd(), ".data", "pglite");
}

type Handle = { db: Promise<Db>; pglite?: PGlite };

// Next dev re-evaluates modules on every edit; a second PGlite on the same directory would
// corrupt it and a second pg pool would leak connections, so the handle lives on globalThis.
const globalRef = globalThis as typeof globalThis & { __stevedoreDb?: Handle };

export function getDb(): Promise<Db> {
  if (!globalRef.__stevedoreDb) {
    const handle: Handle = { db: Promise.resolve(null as unknown as Db) };
    handle.db = open(handle).catch((err) => {
      // Let the next request try again rather than caching a failed start forever.
      globalRef.__stevedoreDb = undefined;
      throw err;
    });
    globalRef.__stevedoreDb = handle;
  }
  return globalRef.__stevedoreDb.db;
}

async function open(handle: Handle): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) return createDb({ url });
  const dataDir = pgliteDataDir();
  // PGlite creates its data directory but not the parents of it.
  if (!dataDir.startsWith("memory://")) await mkdir(path.dirname(dataDir), { recursive: true });
  handle.pglite = await PGlite.create(dataDir);
  return createDb({ pglite: handle.pglite });
}

/** Disconnects the process-wide client (scripts, tests), so the next getDb() opens afresh. */
export async function closeDb(): Promise<void> {
  const handle = globalRef.__stevedoreDb;
  globalRef.__stevedoreDb = undefined;
  if (!handle) return;
  const db = await handle.db.catch(() => undefined);
  await db?.$disconnect();
  await handle.pglite?.close();
}
