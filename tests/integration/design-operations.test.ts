import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { AppContext } from "@/lib/server/context";
import { ConflictError, NotFoundError, TooLargeError, ValidationError } from "@/lib/server/errors";
import { createDesign } from "@/lib/server/designs/create-design";
import { deleteDesign } from "@/lib/server/designs/delete-design";
import { duplicateDesign } from "@/lib/server/designs/duplicate-design";
import { getDesign } from "@/lib/server/designs/get-design";
import { getRevision } from "@/lib/server/designs/get-revision";
import { listDesigns } from "@/lib/server/designs/list-designs";
import { listRevisions } from "@/lib/server/designs/list-revisions";
import { renameDesign } from "@/lib/server/designs/rename-design";
import { restoreRevision } from "@/lib/server/designs/restore-revision";
import { saveDesign } from "@/lib/server/designs/save-design";
import { sampleDesign, testCtx } from "./helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let tdb: TestDatabase;
let db: Db;
let ctx: AppContext;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
  ctx = testCtx(db);
});
afterAll(() => tdb.drop());

const MISSING = "00000000-0000-4000-8000-000000000000";

describe("design operations", () => {
  it("creates an empty design and reads it back", async () => {
    const { id, version } = await createDesign({ ctx, input: { name: "Empty" } });
    expect(version).toBe(1);
    const got = await getDesign({ ctx, input: { id } });
    expect(got).toMatchObject({ id, name: "Empty", description: "", version: 1 });
    expect(got.document).toEqual({ schemaVersion: 1, clusters: [], taskDefinitions: [], services: [], layout: {} });
    expect(got.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("refuses a malformed document, naming the field", async () => {
    const bad = { ...sampleDesign(), services: [{ id: "s", serviceName: 42 }] };
    const err = await createDesign({ ctx, input: { name: "Bad", document: bad } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toContain("services[0].serviceName");
  });

  it("refuses a document over 1 MiB", async () => {
    const huge = sampleDesign({ layout: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`node-${i}`, { x: i, y: i }])) });
    await expect(createDesign({ ctx, input: { name: "Huge", document: huge } })).rejects.toBeInstanceOf(TooLargeError);
  });

  it("upgrades an older stored schemaVersion on read", async () => {
    const legacy = await db.design.create({ data: { name: "Legacy", document: { clusters: [], taskDefinitions: [], services: [] } } });
    const got = await getDesign({ ctx, input: { id: legacy.id } });
    expect(got.document.schemaVersion).toBe(1);
    expect(got.document.layout).toEqual({});
  });

  it("lists designs newest first with counts and findings", async () => {
    const a = await createDesign({ ctx, input: { name: "A", document: sampleDesign() } });
    const b = await createDesign({ ctx, input: { name: "B", description: "second" } });
    const list = await listDesigns({ ctx });
    const ids = list.map((d) => d.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    const sa = list.find((d) => d.id === a.id)!;
    expect(sa.counts).toEqual({ clusters: 1, taskDefinitions: 1, services: 1 });
    expect(typeof sa.errors).toBe("number");
    expect(typeof sa.warnings).toBe("number");
    expect(list.find((d) => d.id === b.id)).toMatchObject({ description: "second", errors: 0, warnings: 0 });
  });

  it("saves new versions and keeps the replaced document as a revision", async () => {
    const { id } = await createDesign({ ctx, input: { name: "Versions", document: sampleDesign() } });
    const v2doc = sampleDesign({ services: [] });
    expect(await saveDesign({ ctx, input: { id, expectedVersion: 1, document: v2doc } })).toEqual({ version: 2 });
    expect(await saveDesign({ ctx, input: { id, expectedVersion: 2, document: sampleDesign({ layout: {} }), name: "Renamed on save" } }))
      .toEqual({ version: 3 });
    const got = await getDesign({ ctx, input: { id } });
    expect(got).toMatchObject({ version: 3, name: "Renamed on save" });
    const revs = await listRevisions({ ctx, input: { id } });
    expect(revs.map((r) => [r.version, r.name])).toEqual([[2, "Versions"], [1, "Versions"]]);
    // A revision is stamped with the time it was replaced (the save), from the context's clock.
    expect(new Date(revs[0].createdAt).getTime()).toBeGreaterThan(new Date(revs[1].createdAt).getTime());
    expect(new Date(revs[0].createdAt).getTime()).toBe(new Date(got.updatedAt).getTime());
    expect((await getRevision({ ctx, input: { id, version: 1 } })).document).toEqual(sampleDesign());
    expect((await getRevision({ ctx, input: { id, version: 2 } })).document).toEqual(v2doc);
  });

  it("refuses a save from a stale version and leaves the stored document unchanged", async () => {
    const { id } = await createDesign({ ctx, input: { name: "Contested", document: sampleDesign() } });
    await saveDesign({ ctx, input: { id, expectedVersion: 1, document: sampleDesign({ services: [] }) } });
    const before = await getDesign({ ctx, input: { id } });

    const err = await saveDesign({ ctx, input: { id, expectedVersion: 1, document: emptyish() } }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).currentVersion).toBe(2);

    const after = await getDesign({ ctx, input: { id } });
    expect(after.document).toEqual(before.document);
    expect(after.version).toBe(2);
    expect(await listRevisions({ ctx, input: { id } })).toHaveLength(1);
  });

  it("lets exactly one of two concurrent saves from the same version win", async () => {
    const { id } = await createDesign({ ctx, input: { name: "Race", document: sampleDesign() } });
    const results = await Promise.allSettled([
      saveDesign({ ctx, input: { id, expectedVersion: 1, document: sampleDesign({ services: [] }) } }),
      saveDesign({ ctx, input: { id, expectedVersion: 1, document: emptyish() } }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    expect((await getDesign({ ctx, input: { id } })).version).toBe(2);
    expect(await listRevisions({ ctx, input: { id } })).toHaveLength(1);
  });

  it("restores a revision as a new version, keeping the current one as a revision", async () => {
    const { id } = await createDesign({ ctx, input: { name: "Restore", document: sampleDesign() } });
    await saveDesign({ ctx, input: { id, expectedVersion: 1, document: emptyish() } });
    await expect(restoreRevision({ ctx, input: { id, version: 1, expectedVersion: 1 } })).rejects.toBeInstanceOf(ConflictError);
    expect(await restoreRevision({ ctx, input: { id, version: 1, expectedVersion: 2 } })).toEqual({ version: 3 });
    expect((await getDesign({ ctx, input: { id } })).document).toEqual(sampleDesign());
    expect((await listRevisions({ ctx, input: { id } })).map((r) => r.version)).toEqual([2, 1]);
    expect((await getRevision({ ctx, input: { id, version: 2 } })).document).toEqual(emptyish());
    await expect(restoreRevision({ ctx, input: { id, version: 9, expectedVersion: 3 } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("renames without bumping the version", async () => {
    const { id } = await createDesign({ ctx, input: { name: "Old", document: sampleDesign() } });
    expect(await renameDesign({ ctx, input: { id, name: "New", description: "desc" } })).toEqual({ id, name: "New", description: "desc" });
    expect(await getDesign({ ctx, input: { id } })).toMatchObject({ name: "New", description: "desc", version: 1 });
    await expect(renameDesign({ ctx, input: { id: MISSING, name: "x" } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("duplicates the current document into a fresh design", async () => {
    const { id } = await createDesign({ ctx, input: { name: "Original", description: "d", document: sampleDesign() } });
    await saveDesign({ ctx, input: { id, expectedVersion: 1, document: emptyish() } });
    const copy = await duplicateDesign({ ctx, input: { id } });
    expect(copy.id).not.toBe(id);
    const got = await getDesign({ ctx, input: { id: copy.id } });
    expect(got).toMatchObject({ name: "Copy of Original", description: "d", version: 1, document: emptyish() });
    expect(await listRevisions({ ctx, input: { id: copy.id } })).toEqual([]);
    const named = await duplicateDesign({ ctx, input: { id, name: "Mine" } });
    expect((await getDesign({ ctx, input: { id: named.id } })).name).toBe("Mine");
    const long = await createDesign({ ctx, input: { name: "y".repeat(200) } });
    const longCopy = await duplicateDesign({ ctx, input: { id: long.id } });
    expect((await getDesign({ ctx, input: { id: longCopy.id } })).name).toHaveLength(200);
  });

  it("deletes a design with its revisions", async () => {
    const { id } = await createDesign({ ctx, input: { name: "Doomed", document: sampleDesign() } });
    await saveDesign({ ctx, input: { id, expectedVersion: 1, document: emptyish() } });
    expect(await deleteDesign({ ctx, input: { id } })).toEqual({ id });
    await expect(getDesign({ ctx, input: { id } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.designRevision.count({ where: { designId: id } })).toBe(0);
    await expect(deleteDesign({ ctx, input: { id } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reports missing designs and revisions as NotFound", async () => {
    await expect(getDesign({ ctx, input: { id: MISSING } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRevisions({ ctx, input: { id: MISSING } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRevision({ ctx, input: { id: MISSING, version: 1 } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveDesign({ ctx, input: { id: MISSING, expectedVersion: 1, document: emptyish() } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(duplicateDesign({ ctx, input: { id: MISSING } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

function emptyish() {
  return sampleDesign({ clusters: [], taskDefinitions: [], services: [], layout: {} });
}
