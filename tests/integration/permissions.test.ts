import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Only Next's request scope and cache are replaced: the session cookie is a real sign-in, and
// every action and handler runs as the app runs it, on the test's database.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { getDb, type Db } from "@/lib/db";
import {
  ACTION_PERMISSIONS, PAGE_PERMISSIONS, ROLES, ROUTE_PERMISSIONS,
  type ActionName, type Requirement, type Role, type RouteKey,
} from "@/lib/domain/access";
import { LESSONS } from "@/lib/domain/learn";
import { createDesign } from "@/lib/server/designs/create-design";
import { getDesign } from "@/lib/server/designs/get-design";
import { createEnvironment, CreateEnvironmentInputSchema, ensureSandboxEnvironment, SANDBOX_ENVIRONMENT_ID } from "@/lib/server/environments";
import { appMonitorHub } from "@/lib/server/monitor/app-hub";
import { personWithKey, type KeyedPerson } from "./helpers/access-key";
import { dbFingerprint } from "./helpers/db-fingerprint";
import { sampleDesign, testCtx } from "./helpers/fixtures";
import { requestScope } from "./helpers/request-scope";
import { browserHeaders, ORIGIN, signedIn, type SignedIn } from "./helpers/sign-in";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { signedHeaders } from "./sandbox/server";

// The permission table (lib/domain/access/permissions.ts) against what the server does: every
// exported server action and every route handler has an entry, and for everyone (nobody signed
// in, viewer, editor, admin) each is allowed exactly when its entry says so. A refusal is a 401
// or 403 with a message and leaves every table as it was.

const root = join(__dirname, "..", "..");
const rel = (p: string) => relative(root, p).split(sep).join("/");

function find(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) return find(p, name);
    return entry === name ? [p] : [];
  });
}

/** app/api/designs/[id]/route.ts → /api/designs/[id]; route groups like (home) are not in the URL. */
const urlPathOf = (file: string, suffix: string) =>
  "/" + rel(file).replace(/^app\//, "").replace(new RegExp(`/?${suffix}$`), "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/");

const ACTION_FILES = readdirSync(join(root, "lib/actions"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => join(root, "lib/actions", f))
  .filter((f) => /^["']use server["']/.test(readFileSync(f, "utf8")));
const ROUTE_FILES = find(join(root, "app"), "route.ts");
const PAGE_FILES = find(join(root, "app"), "page.tsx");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

type Who = "anonymous" | Role;
const EVERYONE: Who[] = ["anonymous", ...ROLES];
type EnvKind = "sandbox" | "aws";

/**
 * The table's meaning, said again independently of the code that enforces it: roles are
 * ordered viewer < editor < admin; on top of that, an entry naming an environment verb needs a
 * grant on the environment (default deny, admins too: nobody here holds one), except that the
 * built-in sandbox is open to editors for plan and apply (not approve).
 */
function allowed(req: Requirement, who: Who, env?: EnvKind): boolean {
  if (req.who === "anyone") return true;
  const rank = (w: Who) => EVERYONE.indexOf(w);
  if (rank(who) < rank(req.who)) return false;
  if (!req.environment || !env) return true;
  return env === "sandbox" && req.environment !== "approve" && rank(who) >= rank("editor");
}

let tdb: TestDatabase;
let db: Db;
let designId: string;
let awsEnvId: string;
/** A pending apply request per environment kind: approving and applying one names its environment through it. */
const requestIds = {} as Record<EnvKind, string>;
const sessions = {} as Record<Role, SignedIn>;
const keys = {} as Record<Role, KeyedPerson>;
const savedEnv = { ...process.env };

const headersOf = (who: Who, extra: HeadersInit = {}) => (who === "anonymous" ? browserHeaders(extra) : browserHeaders({ cookie: sessions[who].cookie, ...Object.fromEntries(new Headers(extra)) }));

beforeAll(async () => {
  process.env.STEVEDORE_SANDBOX_STORE = "memory";
  // An AWS environment whose calls fail at once (credentials resolve, nothing listens): an
  // allowed plan there ends with AWS's error, not a 403.
  process.env.AWS_ACCESS_KEY_ID = "AKIAPERMISSIONTEST";
  process.env.AWS_SECRET_ACCESS_KEY = "permission-test";
  tdb = await createTestDatabase();
  tdb.useForApp();
  db = await getDb();
  for (const role of ROLES) sessions[role] = await signedIn(db, role);
  for (const role of ROLES) keys[role] = await personWithKey(db, role);
  const ctx = testCtx(db);
  await ensureSandboxEnvironment(ctx);
  designId = (await createDesign({ ctx, input: { name: "Permissions", description: "", document: sampleDesign() } })).id;
  awsEnvId = (await createEnvironment({
    ctx, input: CreateEnvironmentInputSchema.parse({ name: "prod", kind: "aws", region: "eu-west-1", endpoint: "http://127.0.0.1:9" }),
  })).id;
  for (const env of ["sandbox", "aws"] as const) {
    requestIds[env] = (await db.applyRequest.create({
      data: {
        designId, designVersion: 1, environmentId: envIdOf(env), planHash: "0".repeat(64), fingerprint: "f", plan: {}, requestedBy: sessions.editor.person.id,
        requestedByEmail: sessions.editor.person.email, requestedAt: new Date(), requiredApprovals: 1, status: "pending",
      },
    })).id;
  }
});
afterAll(async () => {
  requestScope.clear();
  await appMonitorHub().shutdown();
  await tdb.drop();
  for (const k of ["STEVEDORE_SANDBOX_STORE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

type ActionFn = (input?: unknown) => Promise<{ ok: boolean; code?: string; message?: string }>;

async function loadActions(): Promise<Record<string, ActionFn>> {
  const out: Record<string, ActionFn> = {};
  for (const file of ACTION_FILES) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") out[name] = value as ActionFn;
  }
  return out;
}

const envIdOf = (env: EnvKind) => (env === "sandbox" ? SANDBOX_ENVIRONMENT_ID : awsEnvId);

/** A valid input for the actions whose entry names an environment (the check needs to know which). */
const environmentInputs: Partial<Record<ActionName, (environmentId: string) => unknown>> = {
  planDesignAction: (environmentId) => ({ designId, environmentId }),
  startApplyAction: (environmentId) => ({ designId, environmentId, designVersion: 1, fingerprint: "not-the-plan" }),
  listLiveClustersAction: (environmentId) => ({ environmentId }),
  refreshPricesAction: (environmentId) => ({ environmentId }),
  importClusterAction: (environmentId) => ({ environmentId, cluster: "main" }),
  requestApplyAction: (environmentId) => ({ designId, environmentId, designVersion: 1, fingerprint: "not-the-plan" }),
  approveApplyAction: (environmentId) => ({ requestId: requestIds[environmentId === SANDBOX_ENVIRONMENT_ID ? "sandbox" : "aws"] }),
  rejectApplyAction: (environmentId) => ({ requestId: requestIds[environmentId === SANDBOX_ENVIRONMENT_ID ? "sandbox" : "aws"], reason: "not now" }),
  applyApprovedAction: (environmentId) => ({ requestId: requestIds[environmentId === SANDBOX_ENVIRONMENT_ID ? "sandbox" : "aws"] }),
  continueServiceDeploymentAction: (envId) => ({ envId, cluster: "main", service: "web", serviceDeploymentArn: "arn:aws:ecs:eu-west-1:000000000000:service-deployment/main/web/none", hookId: "h", action: "CONTINUE" }),
  rollBackServiceDeploymentAction: (envId) => ({ envId, cluster: "main", service: "web", serviceDeploymentArn: "arn:aws:ecs:eu-west-1:000000000000:service-deployment/main/web/none" }),
  forceNewDeploymentAction: (envId) => ({ envId, cluster: "permissions-none", service: "web" }),
  setDesiredCountAction: (envId) => ({ envId, cluster: "permissions-none", service: "web", desiredCount: 1 }),
};

async function expectRefused(who: Who, call: () => Promise<{ status: number; code?: string; message?: string }>) {
  const before = await dbFingerprint(db);
  const r = await call();
  expect(r.code, `${who} should be refused`).toBe(who === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");
  expect(r.status).toBe(who === "anonymous" ? 401 : 403);
  expect(r.message?.length).toBeGreaterThan(10);
  expect(await dbFingerprint(db)).toBe(before);
}

async function expectAllowed(who: Who, call: () => Promise<{ status: number; code?: string }>) {
  const r = await call();
  expect([401, 403], `${who} should be let through (got ${r.code})`).not.toContain(r.status);
}

describe("server actions", () => {
  it("every exported server action has an entry in the table, and every entry an action", async () => {
    const names = Object.keys(await loadActions()).sort();
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => !(n in ACTION_PERMISSIONS))).toEqual([]);
    expect(Object.keys(ACTION_PERMISSIONS).filter((n) => !names.includes(n))).toEqual([]);
  });

  it("every action files itself under its own name", () => {
    // runAction("x", …) inside `export async function y` would check y's caller against x's entry.
    for (const file of ACTION_FILES) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/export async function (\w+)\([\s\S]*?runAction\("(\w+)"/g)) expect(m[2], rel(file)).toBe(m[1]);
    }
  });

  const statusOf = (code?: string) => (code === "UNAUTHENTICATED" ? 401 : code === "FORBIDDEN" ? 403 : 200);

  it.each(Object.keys(ACTION_PERMISSIONS) as ActionName[])("%s allows exactly the roles its entry names", async (name) => {
    const action = (await loadActions())[name];
    const req: Requirement = ACTION_PERMISSIONS[name];
    const environmentInput = environmentInputs[name];
    const cases: { env?: EnvKind; input: unknown }[] = environmentInput
      ? (["sandbox", "aws"] as const).map((env) => ({ env, input: environmentInput(envIdOf(env)) }))
      : [{ input: {} }];
    for (const who of EVERYONE) {
      requestScope.use(headersOf(who));
      for (const { env, input } of cases) {
        const call = async () => {
          const r = await action(input);
          return { status: statusOf(r.code), code: r.code, message: r.message };
        };
        if (allowed(req, who, env)) await expectAllowed(who, call);
        else await expectRefused(who, call);
      }
    }
  }, 120_000);

  it("a viewer calling an editor's action gets a clear 403, and the design stays as it was", async () => {
    const { saveDesignAction } = await import("@/lib/actions/designs");
    requestScope.use(sessions.viewer.headers);
    const r = await saveDesignAction({ id: designId, expectedVersion: 1, document: sampleDesign({ services: [] }) });
    expect(r).toEqual({ ok: false, code: "FORBIDDEN", message: "Changing designs needs the editor role; you are a viewer. Ask an admin to change your role." });
    expect(await getDesign({ ctx: testCtx(db), input: { id: designId } })).toMatchObject({ version: 1, document: { services: [{ serviceName: "web" }] } });
  });
});

describe("route handlers", () => {
  const keyOf = (file: string, method: string) => `${method} ${urlPathOf(file, "route.ts")}`;

  async function handlers(): Promise<{ key: string; file: string; handler: ((req: Request, args: unknown) => Promise<Response>) & { permission?: string } }[]> {
    const out = [];
    for (const file of ROUTE_FILES) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = mod[method] as ((req: Request, args: unknown) => Promise<Response>) & { permission?: string } | undefined;
        if (handler) out.push({ key: keyOf(file, method), file, handler });
      }
    }
    return out;
  }

  it("every route handler has an entry in the table and is wrapped with its own", async () => {
    const all = await handlers();
    expect(all.length).toBeGreaterThan(15);
    for (const { key, handler } of all) {
      expect(Object.keys(ROUTE_PERMISSIONS), `${key} has no entry`).toContain(key);
      expect(handler.permission, `${key} is not wrapped with route("${key}", …)`).toBe(key);
    }
    expect(Object.keys(ROUTE_PERMISSIONS).filter((k) => !all.some((h) => h.key === k))).toEqual([]);
  });

  const params: Record<string, string | string[]> = {
    id: "", version: "1", envId: SANDBOX_ENVIRONMENT_ID, cluster: "main", service: "web", lessonId: LESSONS[0].id, all: ["ok"],
  };

  /**
   * A request signed with each role's sandbox access key (nobody: not signed), once with a call
   * that reads and once with one that changes the sandbox. Reads need the entry's role, anything
   * else an editor; a refusal is AWS's own (MissingAuthenticationToken…, AccessDenied…) and
   * changes nothing stored.
   */
  async function checkKeyed(key: RouteKey, handler: (req: Request, args: unknown) => Promise<Response>, req: Requirement & { who: Role }) {
    // These calls change the sandbox for real; the monitor's pollers (started by the monitor
    // routes' checks) would record that while a refusal's "nothing changed" is being checked.
    await appMonitorHub().shutdown();
    const path = key.split(" ")[1];
    const calls = path === "/sandbox/control"
      ? [{ reads: true, service: "sandbox", body: JSON.stringify({ action: "status" }), headers: { "content-type": "application/json" } },
        { reads: false, service: "sandbox", body: JSON.stringify({ action: "step", seconds: 1 }), headers: { "content-type": "application/json" } }]
      : (["ListClusters", "CreateCluster"] as const).map((op) => ({
        reads: op === "ListClusters", service: "ecs", body: op === "CreateCluster" ? JSON.stringify({ clusterName: "perm" }) : "{}",
        headers: { "x-amz-target": `AmazonEC2ContainerServiceV20141113.${op}`, "content-type": "application/x-amz-json-1.1" },
      }));
    // With a session as the other credential, an unsigned request is the session's (checked below).
    for (const who of req.credential === "access-key" ? EVERYONE : ROLES) {
      for (const call of calls) {
        const url = `${ORIGIN}${path}`;
        const init = { service: call.service, region: "eu-west-1", body: call.body, headers: call.headers };
        const headers = who === "anonymous" ? { host: "stevedore.test", ...call.headers } : await signedHeaders(url, init, keys[who].credentials);
        const before = await dbFingerprint(db);
        const res = await handler(new Request(url, { method: "POST", headers, body: call.body }), {});
        const type = ((await res.json()) as { __type?: string }).__type;
        const need: Role = call.reads || req.who === "admin" ? req.who : "editor";
        const ok = who !== "anonymous" && EVERYONE.indexOf(who) >= EVERYONE.indexOf(need);
        const label = `${key} ${who} ${call.reads ? "read" : "write"}`;
        if (ok) {
          expect(res.status, `${label} should be let through (got ${type})`).toBe(200);
        } else {
          expect(type, `${label} should be refused`).toBe(who === "anonymous" ? "MissingAuthenticationTokenException" : "AccessDeniedException");
          expect(res.status).toBe(400);
          expect(await dbFingerprint(db), `${label} changed something`).toBe(before);
        }
      }
    }
  }

  it.each(Object.keys(ROUTE_PERMISSIONS) as RouteKey[])("%s allows exactly the roles its entry names", async (key) => {
    const { handler } = (await handlers()).find((h) => h.key === key)!;
    const req: Requirement = ROUTE_PERMISSIONS[key];
    if (req.who !== "anyone" && req.credential) {
      await checkKeyed(key, handler, req);
      // Only keys: a session cookie is no credential there (nobody's refusal for everyone).
      if (req.credential === "access-key") return;
    }
    const [method, pattern] = key.split(" ");
    const values: Record<string, string | string[]> = { ...params, id: designId };
    const path = pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => [values[name]].flat().join("/"));
    const envs: (EnvKind | undefined)[] = req.who !== "anyone" && req.environment ? ["sandbox", "aws"] : [undefined];
    for (const who of EVERYONE) {
      for (const env of envs) {
        const call = async () => {
          const url = `${ORIGIN}${path}${env ? `?env=${envIdOf(env)}` : ""}`;
          const controller = new AbortController();
          const res = await handler(
            new Request(url, { method, headers: headersOf(who), signal: controller.signal, ...(method === "POST" ? { body: "{}" } : {}) }),
            { params: Promise.resolve(values) },
          );
          const body = res.headers.get("content-type")?.includes("application/json") ? ((await res.clone().json()) as { code?: string; message?: string }) : {};
          controller.abort();
          await res.body?.cancel().catch(() => undefined);
          return { status: res.status, code: body.code, message: body.message };
        };
        if (allowed(req, who, env)) await expectAllowed(who, call);
        else await expectRefused(who, call);
      }
    }
  }, 120_000);
});

describe("pages", () => {
  it("every page has an entry, and asks pageContext for it while rendering", () => {
    const routes = PAGE_FILES.map((f) => urlPathOf(f, "page.tsx"));
    expect(routes.filter((r) => !(r in PAGE_PERMISSIONS))).toEqual([]);
    expect(Object.keys(PAGE_PERMISSIONS).filter((r) => !routes.includes(r))).toEqual([]);
    for (const file of PAGE_FILES) {
      const route = urlPathOf(file, "page.tsx") as keyof typeof PAGE_PERMISSIONS;
      if (PAGE_PERMISSIONS[route].who === "anyone" && !readFileSync(file, "utf8").includes("pageContext(")) continue;
      expect(readFileSync(file, "utf8"), rel(file)).toContain(`pageContext("${route}"`);
    }
  });
});

describe("requests from another site (CSRF)", () => {
  it("refuses a server action whose Origin is another site, and changes nothing", async () => {
    const { createDesignAction } = await import("@/lib/actions/designs");
    for (const origin of ["https://evil.example", "null", "http://stevedore.test.evil.example"]) {
      requestScope.use(headersOf("editor", { origin }));
      const before = await dbFingerprint(db);
      const r = await createDesignAction({ name: "Planted", document: sampleDesign() });
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/another site/) });
      expect(await dbFingerprint(db)).toBe(before);
    }
    // The same request from the app's own pages goes through.
    requestScope.use(headersOf("editor", { origin: ORIGIN }));
    expect(await createDesignAction({ name: "Own", document: sampleDesign() })).toMatchObject({ ok: true });
    // Behind a proxy the browser's origin is the forwarded host.
    requestScope.use(headersOf("editor", { origin: "http://stevedore.example.com", "x-forwarded-host": "stevedore.example.com" }));
    expect(await createDesignAction({ name: "Proxied", document: sampleDesign() })).toMatchObject({ ok: true });
  });

  it("refuses a state-changing route from another site, even with a valid session", async () => {
    const { POST } = await import("@/app/sandbox/control/route");
    const res = await POST(new Request(`${ORIGIN}/sandbox/control`, {
      method: "POST", headers: headersOf("admin", { origin: "https://evil.example", "content-type": "application/json" }), body: JSON.stringify({ action: "reset" }),
    }), {});
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "FORBIDDEN" });
  });
});
