import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, readMigrations, MigrationError, type SqlExecutor } from "@/lib/db";
import { createTestDatabase, usingPostgres, type TestDatabase } from "./helpers/test-database";

const REPO_MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

let tdb: TestDatabase;
let ex: { executor: SqlExecutor; close(): Promise<void> };
let dir: string;

beforeEach(async () => {
  tdb = await createTestDatabase();
  ex = await tdb.executor();
  // A private copy, so tests can edit and add migrations without touching the repository.
  dir = await mkdtemp(path.join(tmpdir(), "stevedore-migrations-"));
  await cp(REPO_MIGRATIONS, dir, { recursive: true });
});

afterEach(async () => {
  await ex.close();
  await tdb.drop();
  await rm(dir, { recursive: true, force: true });
});

const rows = (e: SqlExecutor) =>
  e.withSession((s) => s.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  ));

const tableExists = (e: SqlExecutor, table: string) =>
  e.withSession(async (s) => (await s.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [table]))[0].t !== null);

describe("migration runner", () => {
  it("applies every migration and records it as Prisma does", async () => {
    const files = await readMigrations(dir);
    expect(files.length).toBeGreaterThan(0);
    const result = await migrate(ex.executor, { dir });
    expect(result.applied).toEqual(files.map((f) => f.name));
    expect(await tableExists(ex.executor, "designs")).toBe(true);
    expect(await tableExists(ex.executor, "design_revisions")).toBe(true);

    const recorded = await rows(ex.executor);
    expect(recorded.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const r of recorded) {
      // Prisma's checksum: SHA-256 hex of the file's bytes, computed here independently.
      const bytes = await readFile(path.join(dir, r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("has the same columns as Prisma's own _prisma_migrations table", async () => {
    await migrate(ex.executor, { dir });
    const cols = await ex.executor.withSession((s) => s.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    ));
    expect(cols.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ["id", "character varying", "NO"],
      ["checksum", "character varying", "NO"],
      ["finished_at", "timestamp with time zone", "YES"],
      ["migration_name", "character varying", "NO"],
      ["logs", "text", "YES"],
      ["rolled_back_at", "timestamp with time zone", "YES"],
      ["started_at", "timestamp with time zone", "NO"],
      ["applied_steps_count", "integer", "NO"],
    ]);
  });

  it("is idempotent: a second run applies nothing", async () => {
    await migrate(ex.executor, { dir });
    const second = await migrate(ex.executor, { dir });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBeGreaterThan(0);
    expect((await rows(ex.executor)).length).toBe(second.alreadyApplied.length);
  });

  it("applies only migrations added since the last run", async () => {
    await migrate(ex.executor, { dir });
    await mkdir(path.join(dir, "29990101000000_add_notes"));
    await writeFile(path.join(dir, "29990101000000_add_notes", "migration.sql"), `ALTER TABLE "designs" ADD COLUMN "notes" TEXT;\n`);
    const result = await migrate(ex.executor, { dir });
    expect(result.applied).toEqual(["29990101000000_add_notes"]);
  });

  it("refuses to run when an applied migration was changed", async () => {
    await migrate(ex.executor, { dir });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited afterwards\n`);
    await expect(migrate(ex.executor, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(ex.executor, { dir })).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    await migrate(ex.executor, { dir });
    await mkdir(path.join(dir, "29990101000000_broken"));
    await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT no_such_function();\n`);
    await expect(migrate(ex.executor, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    expect(await tableExists(ex.executor, "half_done")).toBe(false);
    expect((await rows(ex.executor)).map((r) => r.migration_name)).not.toContain("29990101000000_broken");
  });

  it("refuses to start over a migration Prisma recorded as failed", async () => {
    await migrate(ex.executor, { dir });
    await ex.executor.withSession((s) => s.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('x', 'y', 'z_failed', now())`,
    ));
    await expect(migrate(ex.executor, { dir })).rejects.toThrow(/z_failed failed earlier/);
  });

  it.runIf(usingPostgres)("lets two processes start at once without applying anything twice", async () => {
    const other = await tdb.executor();
    try {
      const [a, b] = await Promise.all([migrate(ex.executor, { dir }), migrate(other.executor, { dir })]);
      const files = await readMigrations(dir);
      expect([...a.applied, ...b.applied].sort()).toEqual(files.map((f) => f.name).sort());
      expect((await rows(ex.executor)).length).toBe(files.length);
    } finally {
      await other.close();
    }
  });
});
