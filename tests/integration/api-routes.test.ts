import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as getDesignRoute } from "@/app/api/designs/[id]/route";
import { GET as getRevisionsRoute } from "@/app/api/designs/[id]/revisions/route";
import { createAppContext } from "@/lib/server/context";
import { createDesign } from "@/lib/server/designs/create-design";
import { saveDesign } from "@/lib/server/designs/save-design";
import { sampleDesign } from "./helpers/fixtures";
import { createTestDatabase, usingPostgres, type TestDatabase } from "./helpers/test-database";

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  tdb.useForApp();
});
afterAll(() => tdb.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const req = new Request("http://localhost/");

describe("GET route handlers", () => {
  it("health answers once the database is open", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: usingPostgres ? "postgres" : "pglite" });
  });

  it("serves a design and its revisions, and 404s for missing or malformed ids", async () => {
    const ctx = await createAppContext();
    const { id } = await createDesign({ ctx, input: { name: "Served", document: sampleDesign() } });
    await saveDesign({ ctx, input: { id, expectedVersion: 1, document: sampleDesign({ services: [] }) } });

    const res = await getDesignRoute(req, params(id));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, name: "Served", version: 2, document: { services: [] } });

    const revs = await getRevisionsRoute(req, params(id));
    expect((await revs.json()).map((r: { version: number }) => r.version)).toEqual([1]);

    expect((await getDesignRoute(req, params("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await getDesignRoute(req, params("nope"))).status).toBe(404);
    expect((await getRevisionsRoute(req, params("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });
});
