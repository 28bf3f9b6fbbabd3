import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJson, type Db } from "@/lib/db";
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
});
