import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlExecutor, SqlSession } from "./sql-executor";

// The same key `prisma migrate deploy` takes, so our runner and Prisma's never interleave.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Prisma's own definition, so a database migrated here is one `prisma migrate deploy` accepts.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: string[] };

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

/** Prisma stores the SHA-256 hex of the migration file's bytes. */
export function checksumOf(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  // Folder names start with a timestamp, so name order is creation order (as Prisma sorts them).
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const out: MigrationFile[] = [];
  for (const name of names) {
    const bytes = await readFile(path.join(dir, name, "migration.sql")).catch(() => null);
    if (bytes) out.push({ name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) });
  }
  return out;
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Applies pending migrations in order, each in its own transaction; safe to call on every start. */
export async function migrate(executor: SqlExecutor, opts: { dir?: string } = {}): Promise<MigrateResult> {
  const migrations = await readMigrations(opts.dir);
  return executor.withSession(async (s) => {
    const locked = executor.kind === "postgres";
    if (locked) await s.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      return await applyPending(s, migrations);
    } finally {
      if (locked) await s.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  });
}

async function applyPending(s: SqlSession, migrations: MigrationFile[]): Promise<MigrateResult> {
  await s.exec(CREATE_MIGRATIONS_TABLE);
  // Rows Prisma marked rolled back do not count as applied (it re-applies them too).
  const rows = await s.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const byName = new Map(rows.map((r) => [r.migration_name, r]));
  const failed = rows.find((r) => r.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier and is recorded as unfinished. ` +
        `Fix the database, then run \`prisma migrate resolve\` before starting again.`,
    );
  }
  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  for (const m of migrations) {
    const row = byName.get(m.name);
    if (row) {
      if (row.checksum !== m.checksum) {
        throw new MigrationError(
          `Migration ${m.name} was changed after it was applied (checksum ${row.checksum} in the database, ` +
            `${m.checksum} on disk). Never edit an applied migration; add a new one instead.`,
        );
      }
      result.alreadyApplied.push(m.name);
      continue;
    }
    await applyOne(s, m);
    result.applied.push(m.name);
  }
  return result;
}

async function applyOne(s: SqlSession, m: MigrationFile) {
  await s.exec("BEGIN");
  try {
    const started = new Date();
    await s.exec(m.sql);
    await s.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
      [randomUUID(), m.checksum, m.name, started],
    );
    await s.exec("COMMIT");
  } catch (err) {
    await s.exec("ROLLBACK").catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${reason}`, { cause: err });
  }
}
