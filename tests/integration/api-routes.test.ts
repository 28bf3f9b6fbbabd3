import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { GET as getApplyRoute } from "@/app/api/applies/[id]/route";
import { GET as getRevisionRoute } from "@/app/api/designs/[id]/revisions/[version]/route";
import { GET as monitorClustersRoute } from "@/app/api/monitor/[envId]/route";
import { GET as monitorClusterRoute } from "@/app/api/monitor/[envId]/[cluster]/route";
import { GET as monitorHistoryRoute } from "@/app/api/monitor/[envId]/[cluster]/history/route";
import { GET as monitorServiceRoute } from "@/app/api/monitor/[envId]/[cluster]/services/[service]/route";
import { GET as monitorInstancesRoute } from "@/app/api/monitor/[envId]/[cluster]/instances/route";
import { GET as monitorStreamRoute } from "@/app/api/monitor/[envId]/[cluster]/stream/route";
import { GET as planActionsRoute } from "@/app/designs/[id]/plan/actions/route";
import { GET as lessonLiveRoute } from "@/app/learn/[lessonId]/live/route";
import { POST as sandboxEcsRoute } from "@/app/sandbox/ecs/route";
import { POST as sandboxControlRoute } from "@/app/sandbox/control/route";
import { SANDBOX_ENVIRONMENT_ID } from "@/lib/server/environments";
import { appMonitorHub } from "@/lib/server/monitor/app-hub";
import { GET as health } from "@/app/api/health/route";
import { GET as getDesignRoute } from "@/app/api/designs/[id]/route";
import { GET as getRevisionsRoute } from "@/app/api/designs/[id]/revisions/route";
import { createAppContext } from "@/lib/server/context";
import { createDesign } from "@/lib/server/designs/create-design";
import { saveDesign } from "@/lib/server/designs/save-design";
import { sampleDesign } from "./helpers/fixtures";
import { getDb } from "@/lib/db";
import { createTestDatabase, usingPostgres, type TestDatabase } from "./helpers/test-database";
import { personWithKey } from "./helpers/access-key";
import { ORIGIN, signedIn } from "./helpers/sign-in";
import { signedHeaders } from "./sandbox/server";

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  tdb.useForApp();
  // The design routes need a signed-in viewer; health needs nobody.
  req = new Request(`${ORIGIN}/`, { headers: (await signedIn(await getDb(), "viewer")).headers });
  // Planning and controlling the sandbox need an editor.
  editor = (await signedIn(await getDb(), "editor")).headers;
});
afterAll(async () => {
  await appMonitorHub().shutdown();
  await tdb.drop();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
let req: Request;
let editor: Headers;

describe("GET route handlers", () => {
  it("health answers once the database is open", async () => {
    const res = await health(new Request(`${ORIGIN}/api/health`), {});
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

// Every route handler, given malformed ids and query values: a 4xx from the error family with a
// clear message (404 naming the id that names nothing, 422 naming the field), never a 500.
describe("route handlers with malformed input", () => {
  type Params = Record<string, string>;
  type Route = { name: string; call: (path: string, params: Params) => Promise<Response>; params: Params; query?: string[] };
  const get = (h: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>) =>
    (path: string, params: Params) => h(new Request(`${ORIGIN}${path}`, { headers: editor }), { params: Promise.resolve(params as never) });
  const design = "00000000-0000-4000-8000-000000000000";
  const env = SANDBOX_ENVIRONMENT_ID;
  const ROUTES: Route[] = [
    { name: "design", call: get(getDesignRoute), params: { id: design } },
    { name: "revisions", call: get(getRevisionsRoute), params: { id: design } },
    { name: "revision", call: get(getRevisionRoute), params: { id: design, version: "1" } },
    { name: "apply", call: get(getApplyRoute), params: { id: design } },
    { name: "plan actions", call: get(planActionsRoute), params: { id: design }, query: ["env"] },
    { name: "monitor clusters", call: get(monitorClustersRoute), params: { envId: env } },
    { name: "monitor cluster", call: get(monitorClusterRoute), params: { envId: env, cluster: "shop" }, query: ["service"] },
    { name: "monitor history", call: get(monitorHistoryRoute), params: { envId: env, cluster: "shop" }, query: ["kind", "service", "from", "to", "stopReason", "text", "limit", "format"] },
    { name: "monitor service", call: get(monitorServiceRoute), params: { envId: env, cluster: "shop", service: "web" } },
    { name: "monitor instances", call: get(monitorInstancesRoute), params: { envId: env, cluster: "shop" } },
    { name: "monitor stream", call: get(monitorStreamRoute), params: { envId: env, cluster: "shop" }, query: ["service"] },
    { name: "lesson live view", call: get(lessonLiveRoute), params: { lessonId: "first-task-definition" } },
  ];

  /** The answer as JSON, after checking it is the error family's shape; a stream is cancelled. */
  async function failure(res: Response) {
    if (res.headers.get("content-type")?.startsWith("text/event-stream")) { await res.body?.cancel(); return undefined; }
    const body = await res.json();
    if (res.status >= 400) {
      expect(body).toMatchObject({ ok: false, code: expect.any(String), message: expect.any(String) });
      expect(body.message.trim()).not.toBe("");
    }
    return body as { code: string; message: string; issues?: { path: string; message: string }[] };
  }

  it("a malformed id names nothing: 404 with a message that names it, on every route that takes one", async () => {
    const cases: [Route["name"], Params, string][] = [
      ["design", { id: "nope" }, "nope"],
      ["revisions", { id: "nope" }, "nope"],
      ["revision", { id: "nope", version: "1" }, "nope"],
      ["revision", { id: design, version: "abc" }, "abc"],
      ["revision", { id: design, version: "0" }, "revision 0"],
      ["revision", { id: design, version: "1e3" }, "1e3"],
      ["apply", { id: "not-a-uuid" }, "not-a-uuid"],
      ["plan actions", { id: "nope" }, "No such design"],
      ["monitor clusters", { envId: "not-a-uuid" }, "not-a-uuid"],
      ["monitor cluster", { envId: "not-a-uuid", cluster: "shop" }, "not-a-uuid"],
      ["monitor history", { envId: "not-a-uuid", cluster: "shop" }, "not-a-uuid"],
      ["monitor service", { envId: "not-a-uuid", cluster: "shop", service: "web" }, "not-a-uuid"],
      ["monitor instances", { envId: "not-a-uuid", cluster: "shop" }, "not-a-uuid"],
      ["monitor stream", { envId: "not-a-uuid", cluster: "shop" }, "not-a-uuid"],
      ["lesson live view", { lessonId: "no-such-lesson" }, "no-such-lesson"],
    ];
    for (const [name, params, named] of cases) {
      const route = ROUTES.find((r) => r.name === name)!;
      const res = await route.call("/", params);
      expect(res.status, `${name} ${JSON.stringify(params)}`).toBe(404);
      const body = await failure(res);
      expect(body).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining(named) });
    }
    const planEnv = await ROUTES.find((r) => r.name === "plan actions")!.call("/?env=not-a-uuid", { id: design });
    expect(planEnv.status).toBe(404);
  });

  it("a malformed name or query value: 422 naming the field", async () => {
    const cases: [Route["name"], string, Params, string][] = [
      ["monitor cluster", "/", { envId: env, cluster: "bad name" }, "cluster"],
      ["monitor cluster", "/?service=a%20b", { envId: env, cluster: "shop" }, "service"],
      ["monitor history", "/?kind=bogus", { envId: env, cluster: "shop" }, "kind"],
      ["monitor history", "/?limit=abc", { envId: env, cluster: "shop" }, "limit"],
      ["monitor history", "/?limit=0", { envId: env, cluster: "shop" }, "limit"],
      ["monitor history", "/?from=yesterday", { envId: env, cluster: "shop" }, "from"],
      ["monitor history", "/?format=xml", { envId: env, cluster: "shop" }, "format"],
      ["monitor service", "/", { envId: env, cluster: "shop", service: "x".repeat(300) }, "service"],
      ["monitor instances", "/", { envId: env, cluster: "../etc" }, "cluster"],
      ["monitor stream", "/?service=%00", { envId: env, cluster: "shop" }, "service"],
    ];
    for (const [name, path, params, field] of cases) {
      const res = await ROUTES.find((r) => r.name === name)!.call(path, params);
      expect(res.status, `${name} ${path} ${JSON.stringify(params)}`).toBe(422);
      const body = await failure(res);
      expect(body?.code).toBe("VALIDATION");
      expect(body?.issues?.map((i) => i.path)).toContain(field);
    }
  });

  it("a query value cannot stand in for a path parameter", async () => {
    const res = await ROUTES.find((r) => r.name === "monitor clusters")!.call("/?envId=00000000-0000-4000-8000-000000000001", { envId: "not-a-uuid" });
    expect(res.status).toBe(404);
  });

  it("property: random path parameters and query values on every route: 200 or a 4xx with a message, never a 500", async () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom("", " ", "%", "..", "../..", "__proto__", "constructor", "null", "undefined", "0", "-1", "1e400", "x".repeat(5000), `${design}x`, design.toUpperCase()),
    );
    const routeCase = fc.constantFrom(...ROUTES).chain((route) => fc.record({
      route: fc.constant(route),
      params: fc.record(Object.fromEntries(Object.entries(route.params).map(([k, v]) => [k, fc.oneof(fc.constant(v), segment)]))) as fc.Arbitrary<Params>,
      query: fc.dictionary(fc.oneof(fc.constantFrom(...(route.query ?? ["x"])), fc.string({ maxLength: 8 })), segment, { maxKeys: 3 }),
    }));
    await fc.assert(fc.asyncProperty(routeCase, async ({ route, params, query }) => {
      // Real environments only by name: a random valid one would start a poller for a random cluster.
      if (params.envId === env && (route.name.startsWith("monitor") && route.name !== "monitor clusters")) params = { ...params, envId: "not-a-uuid" };
      const res = await route.call(`/?${new URLSearchParams(query)}`, params);
      expect(res.status, `${route.name} ${JSON.stringify(params)} ${JSON.stringify(query)}`).toBeLessThan(500);
      await failure(res);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) });
  });

  it("the sandbox's own routes answer a malformed body in ECS's shape, a 400", async () => {
    const { credentials } = await personWithKey(await getDb(), "viewer");
    const headers = await signedHeaders(`${ORIGIN}/sandbox/ecs`, { service: "ecs", region: "eu-west-1", body: "{", headers: { "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters" } }, credentials);
    const ecs = await sandboxEcsRoute(new Request(`${ORIGIN}/sandbox/ecs`, { method: "POST", body: "{", headers }), {});
    expect(ecs.status).toBe(400);
    expect(await ecs.json()).toMatchObject({ __type: "ClientException", message: expect.stringContaining("not valid JSON") });
    const control = await sandboxControlRoute(new Request(`${ORIGIN}/sandbox/control`, { method: "POST", body: '{"action":"nope"}', headers: editor }), {});
    expect(control.status).toBe(400);
    expect((await control.json()).message).toContain("action");
  });
});
