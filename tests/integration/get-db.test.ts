import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, databaseKind, getDb } from "@/lib/db";

const saved = { DATABASE_URL: process.env.DATABASE_URL, STEVEDORE_DATA_DIR: process.env.STEVEDORE_DATA_DIR };
let tmp: string | undefined;

afterEach(async () => {
  await closeDb();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("getDb without DATABASE_URL", () => {
  // initdb of an on-disk PGlite takes many seconds on a slow disk.
  it("opens embedded PGlite in STEVEDORE_DATA_DIR, creating missing parents, migrated and memoised", { timeout: 120_000 }, async () => {
    delete process.env.DATABASE_URL;
    tmp = await mkdtemp(path.join(tmpdir(), "stevedore-pglite-"));
    process.env.STEVEDORE_DATA_DIR = path.join(tmp, "nested", "deeper", "pglite");
    expect(databaseKind()).toBe("pglite");

    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    expect(existsSync(process.env.STEVEDORE_DATA_DIR)).toBe(true);
    expect(await a.design.count()).toBe(0);

    // Data survives a restart of the process-wide client.
    await a.design.create({ data: { name: "Persisted", document: {} } });
    await closeDb();
    const reopened = await getDb();
    expect(reopened).not.toBe(a);
    expect(await reopened.design.count()).toBe(1);
  });
});
