import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation, migrate, toJson, type Db } from "@/lib/db";
import { claimInterrupted } from "@/lib/server/applies/apply-lease";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

// The environments/applies migration is written by hand: prove it builds what the client expects.

let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
});
afterAll(() => tdb.drop());

describe("environments and applies tables", () => {
  it("round-trip an Environment with the schema's defaults, a unique name and VarChar limits", async () => {
    const env = await db.environment.create({ data: { name: "prod", kind: "aws", region: "eu-west-1" } });
    expect(env).toMatchObject({ readOnly: false, profile: null, roleArn: null, externalIdSecret: null, endpoint: null });
    expect(env.createdAt).toBeInstanceOf(Date);
    await expect(db.environment.create({ data: { name: "prod", kind: "aws", region: "eu-west-1" } })).rejects.toMatchObject({ code: "P2002" });
    await expect(db.environment.create({ data: { name: "x".repeat(101), kind: "aws", region: "eu-west-1" } })).rejects.toThrow();
    const updated = await db.environment.update({
      where: { id: env.id },
      data: { profile: "ops", roleArn: "arn:aws:iam::123456789012:role/x", externalIdSecret: "v1:a:b:c", endpoint: "http://x", readOnly: true },
    });
    expect(updated).toMatchObject({ profile: "ops", readOnly: true, externalIdSecret: "v1:a:b:c" });
    await db.environment.delete({ where: { id: env.id } });
    expect(await db.environment.count()).toBe(0);
  });

  it("round-trips an Apply with JSON plan and steps, and lists by design newest first", async () => {
    const designId = "00000000-0000-4000-8000-0000000000d1";
    const environmentId = "00000000-0000-4000-8000-0000000000e1";
    const a = await db.apply.create({
      data: { designId, designVersion: 3, environmentId, plan: toJson({ steps: [] }), status: "running", steps: toJson({ steps: [{ key: "k" }] }) },
    });
    expect(a.startedAt).toBeInstanceOf(Date);
    expect(a.finishedAt).toBeNull();
    expect(a.error).toBeNull();
    const b = await db.apply.create({
      data: { designId, designVersion: 4, environmentId, plan: toJson({}), status: "failed", steps: toJson({ steps: [] }), error: "x", startedAt: new Date(a.startedAt.getTime() + 1000), finishedAt: new Date() },
    });
    const list = await db.apply.findMany({ where: { designId }, orderBy: { startedAt: "desc" } });
    expect(list.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(list[1].steps).toEqual({ steps: [{ key: "k" }] });
    await db.apply.deleteMany({ where: { designId } });
  });

  it("lets only one apply of a design to an environment be running, and stamps the heartbeat with the database's clock", async () => {
    const designId = "00000000-0000-4000-8000-0000000000d2";
    const environmentId = "00000000-0000-4000-8000-0000000000e2";
    const data = { designId, designVersion: 1, environmentId, plan: toJson({}), steps: toJson({ steps: [] }) };
    const [{ now }] = await db.$queryRawUnsafe<{ now: Date }[]>(`SELECT now() AS now`);
    const running = await db.apply.create({ data: { ...data, status: "running", owner: "a" } });
    expect(running).toMatchObject({ waitForSteady: false, owner: "a" });
    expect(running.heartbeatAt!.getTime()).toBeGreaterThanOrEqual(now.getTime() - 1000);
    const second = db.apply.create({ data: { ...data, status: "running", owner: "b" } });
    await expect(second).rejects.toMatchObject({ code: "P2002" });
    const other = await db.apply.create({ data: { ...data, environmentId: "00000000-0000-4000-8000-0000000000e3", status: "running" } });
    const interrupted = await db.apply.create({ data: { ...data, status: "interrupted" } });
    await db.apply.create({ data: { ...data, status: "failed" } });
    // Taking an interrupted one over while another runs hits the same index, as Prisma's unique violation.
    const err = await claimInterrupted(db, { id: interrupted.id, owner: "b" }).catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    await db.apply.update({ where: { id: running.id }, data: { status: "succeeded" } });
    expect(await claimInterrupted(db, { id: interrupted.id, owner: "b" })).toBe(true);
    expect(await db.apply.findUniqueOrThrow({ where: { id: interrupted.id } })).toMatchObject({ status: "running", owner: "b" });
    await db.apply.deleteMany({ where: { designId } });
    await db.apply.delete({ where: { id: other.id } }).catch(() => undefined);
  });
});

describe("the apply-leases migration", () => {
  it("turns applies left running by a server without heartbeats into interrupted ones", async () => {
    const t = await createTestDatabase();
    const before = await mkdtemp(path.join(tmpdir(), "stevedore-migrations-"));
    try {
      const all = path.join(process.cwd(), "prisma", "migrations");
      for (const name of await readdir(all)) {
        if (name < "20261203091000") await cp(path.join(all, name), path.join(before, name), { recursive: true });
      }
      const old = await t.client({ migrationsDir: before });
      const insert = (status: string, env: string) => old.$executeRawUnsafe(
        `INSERT INTO "applies" ("id", "design_id", "design_version", "environment_id", "plan", "status", "steps")
         VALUES (gen_random_uuid(), '00000000-0000-4000-8000-0000000000d1', 1, $2::uuid, '{}', $1, '{"steps":[]}')`, status, env);
      // The bug this migration ends: two instances each started one of the same design.
      await insert("running", "00000000-0000-4000-8000-0000000000e1");
      await insert("running", "00000000-0000-4000-8000-0000000000e1");
      await insert("succeeded", "00000000-0000-4000-8000-0000000000e1");
      const { executor, close } = await t.executor();
      try {
        await migrate(executor);
      } finally {
        await close();
      }
      const rows = await old.$queryRawUnsafe<{ status: string; heartbeat_at: Date | null; error: string | null }[]>(`SELECT "status", "heartbeat_at", "error" FROM "applies" ORDER BY "status"`);
      expect(rows.map((r) => r.status)).toEqual(["interrupted", "interrupted", "succeeded"]);
      expect(rows[0]).toMatchObject({ heartbeat_at: null, error: expect.stringMatching(/^Interrupted/) });
    } finally {
      await rm(before, { recursive: true, force: true });
      await t.drop();
    }
  });
});
