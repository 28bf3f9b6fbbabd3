import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("../helpers/request-scope")).nextHeaders);

import { OAuth2Server } from "oauth2-mock-server";
import { GET as authGet } from "@/app/api/auth/[...all]/route";
import { getDb, type Db } from "@/lib/db";
import { deleteSsoProviderAction, saveSsoProviderAction } from "@/lib/actions/sso";
import { actorOf } from "@/lib/server/auth/request-actor";
import { listSsoProviders, ssoButtons } from "@/lib/server/sso";
import { testCtx } from "../helpers/fixtures";
import { requestScope } from "../helpers/request-scope";
import { authRequest, browserHeaders, ORIGIN, sessionCookie, signedIn, type SignedIn } from "../helpers/sign-in";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Single sign-on against a real OpenID Connect provider on loopback (oauth2-mock-server): the
// whole authorization-code flow through the app's /api/auth routes, each redirect followed by
// hand as a browser would, cookies carried between them. The provider signs its ID tokens with
// its own key; better-auth finds its endpoints and keys through discovery.

const SECRET = "s3cret-from-the-idp-console-0f9a";
let tdb: TestDatabase;
let db: Db;
let admin: SignedIn;
let idp: OAuth2Server;
let claims: Record<string, unknown>;
const responses: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  tdb.useForApp();
  db = await getDb();
  admin = await signedIn(db, "admin");
  idp = new OAuth2Server();
  await idp.issuer.keys.generate("RS256");
  await idp.start(0, "127.0.0.1");
  // Every token it signs carries the claims the current test chose.
  idp.service.on("beforeTokenSigning", (token) => Object.assign(token.payload, claims));
});
afterAll(async () => {
  requestScope.clear();
  await idp.stop();
  await tdb.drop();
});
beforeEach(() => {
  claims = { sub: `okta-${Date.now()}`, email: "dana@example.com", email_verified: true, name: "Dana Ops", groups: ["stevedore-ops"] };
});

async function record(res: Response): Promise<Response> {
  responses.push(`${res.status} ${JSON.stringify([...res.headers])} ${await res.clone().text()}`);
  return res;
}

async function configure(id: string, extra: Record<string, unknown> = {}) {
  requestScope.use(admin.headers);
  const saved = await saveSsoProviderAction({
    id, label: "Okta", issuer: idp.issuer.url!, clientId: "stevedore-app", clientSecret: SECRET,
    groupRoles: [{ group: "stevedore-ops", role: "admin" }, { group: "stevedore-eng", role: "editor" }, { group: "everyone", role: "viewer" }],
    ...extra,
  });
  responses.push(JSON.stringify(saved));
  expect(saved).toMatchObject({ ok: true });
  return saved;
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]).filter((c) => !/=$/.test(c));

/** Sign in with provider `id` from a fresh browser: app → identity provider → app's callback. */
async function ssoSignIn(id: string, next = "/designs") {
  const start = await record(await authRequest("/sign-in/social", { provider: id, callbackURL: next }));
  if (start.status !== 200) return { start, callback: undefined, location: undefined, cookie: undefined };
  const { url } = (await start.json()) as { url: string };
  const authorize = new URL(url);
  expect(authorize.origin).toBe(new URL(idp.issuer.url!).origin);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("nonce")).toBeTruthy();
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/api/auth/callback/${id}`);
  const atIdp = await fetch(url, { redirect: "manual" });
  expect(atIdp.status).toBe(302);
  const back = new URL(atIdp.headers.get("location")!);
  expect(back.origin + back.pathname).toBe(`${ORIGIN}/api/auth/callback/${id}`);
  const headers = browserHeaders({ cookie: cookiesOf(start).join("; ") });
  headers.delete("origin");
  const callback = await record(await authGet(new Request(back, { headers }), { params: Promise.resolve({ all: ["callback", id] }) }));
  return { start, callback, location: callback.headers.get("location") ?? "", cookie: sessionCookie(callback) };
}

const actorFor = (cookie: string | undefined) => actorOf(db, browserHeaders({ cookie: cookie ?? "" }));
const lastSignIn = async () => db.auditEvent.findFirstOrThrow({ where: { action: "sign-in" }, orderBy: { at: "desc" } });

describe("single sign-on with OpenID Connect", () => {
  it("creates a new person with the role their groups map to (the highest wins) and their groups", async () => {
    await configure("okta");
    claims.groups = ["everyone", "stevedore-eng", "unrelated"];
    const { callback, location, cookie } = await ssoSignIn("okta");
    expect(callback?.status).toBe(302);
    expect(location).toBe("/designs");
    expect(cookie).toBeTruthy();
    const actor = await actorFor(cookie);
    expect(actor).toMatchObject({ kind: "person", signInMethod: "sso:okta", person: { email: "dana@example.com", name: "Dana Ops", role: "editor", groups: ["everyone", "stevedore-eng", "unrelated"] } });
    const account = await db.account.findFirstOrThrow({ where: { providerId: "okta" } });
    expect(account).toMatchObject({ accountId: claims.sub, password: null });
    // The provider's access token is stored encrypted, not as the JWT it issued.
    expect(account.accessToken).toBeTruthy();
    expect(account.accessToken).not.toMatch(/^eyJ/);
    const row = await lastSignIn();
    expect(row).toMatchObject({ outcome: "ok", signInMethod: "sso:okta", actorEmail: "dana@example.com", actorRole: "editor", after: { created: true, role: "editor" } });
    // Every later row of that session says how it signed in.
    expect(actor.kind === "person" && actor.signInMethod).toBe("sso:okta");
  });

  it("sets the role from the groups again at the next sign-in; a changed role ends the other sessions", async () => {
    claims = { ...claims, sub: "okta-dana-2", email: "erin@example.com", name: "Erin", groups: ["everyone"] };
    const first = await ssoSignIn("okta");
    expect(await actorFor(first.cookie)).toMatchObject({ person: { role: "viewer", groups: ["everyone"] } });

    // Same groups: nothing changes, the first session stays.
    const again = await ssoSignIn("okta");
    expect(await actorFor(again.cookie)).toMatchObject({ person: { role: "viewer" } });
    expect(await actorFor(first.cookie)).toMatchObject({ kind: "person" });

    claims.groups = ["everyone", "stevedore-ops"];
    const promoted = await ssoSignIn("okta");
    expect(await actorFor(promoted.cookie)).toMatchObject({ person: { email: "erin@example.com", role: "admin", groups: ["everyone", "stevedore-ops"] } });
    expect(await actorFor(first.cookie)).toEqual({ kind: "anonymous" });
    expect(await actorFor(again.cookie)).toEqual({ kind: "anonymous" });
    expect(await lastSignIn()).toMatchObject({ before: { role: "viewer" }, after: { role: "admin", sessionsEnded: 2, created: false } });
    expect(await db.user.count({ where: { email: "erin@example.com" } })).toBe(1);
  });

  it("refuses a person in no mapped group, with a clear message, and creates nobody", async () => {
    claims = { ...claims, sub: "okta-frank", email: "frank@example.com", groups: ["sales"] };
    const { callback, location, cookie } = await ssoSignIn("okta");
    expect(callback?.status).toBe(302);
    const to = new URL(location!, ORIGIN);
    expect(to.pathname).toBe("/sign-in");
    expect(to.searchParams.get("error")).toBe("no_access");
    expect(to.searchParams.get("error_description")).toMatch(/Okta groups give you no access to Stevedore/);
    expect(cookie).toBeFalsy();
    expect(await db.user.findUnique({ where: { email: "frank@example.com" } })).toBeNull();
    expect(await lastSignIn()).toMatchObject({ outcome: "denied", reason: "no mapped group among sales", signInMethod: null });
  });

  it("refuses a person who lost every mapped group and ends the sessions they had open", async () => {
    claims = { ...claims, sub: "okta-gail", email: "gail@example.com", groups: ["stevedore-eng"] };
    const open = (await ssoSignIn("okta")).cookie;
    expect(await actorFor(open)).toMatchObject({ person: { role: "editor" } });
    claims.groups = [];
    const { location, cookie } = await ssoSignIn("okta");
    expect(new URL(location!, ORIGIN).searchParams.get("error")).toBe("no_access");
    expect(cookie).toBeFalsy();
    expect(await actorFor(open)).toEqual({ kind: "anonymous" });
    expect(await lastSignIn()).toMatchObject({ outcome: "denied", reason: "no groups in the claim", after: { sessionsEnded: 1 } });
    expect(await db.user.findUniqueOrThrow({ where: { email: "gail@example.com" } })).toMatchObject({ role: "editor", groups: ["stevedore-eng"] });
  });

  it("gives a person in no mapped group the default role when the admin chose one", async () => {
    await configure("okta", { defaultRole: "viewer" });
    claims = { ...claims, sub: "okta-hal", email: "hal@example.com", groups: [] };
    const { cookie } = await ssoSignIn("okta");
    expect(await actorFor(cookie)).toMatchObject({ person: { email: "hal@example.com", role: "viewer", groups: [] } });
    await configure("okta", { defaultRole: "" });
  });

  it("refuses a disabled provider: no button, no start, and a callback begun before it was disabled fails", async () => {
    await configure("google", { label: "Google" });
    expect((await ssoButtons(db)).map((b) => b.id)).toEqual(["google", "okta"]);
    // Started while enabled…
    const start = await authRequest("/sign-in/social", { provider: "google", callbackURL: "/" });
    expect(start.status).toBe(200);
    const { url } = (await start.json()) as { url: string };
    await configure("google", { label: "Google", enabled: false });
    expect((await ssoButtons(db)).map((b) => b.id)).toEqual(["okta"]);
    const back = new URL((await fetch(url, { redirect: "manual" })).headers.get("location")!);
    const headers = browserHeaders({ cookie: cookiesOf(start).join("; ") });
    const callback = await authGet(new Request(back, { headers }), { params: Promise.resolve({ all: ["callback", "google"] }) });
    expect(callback.status).toBe(302);
    expect(new URL(callback.headers.get("location")!, ORIGIN).pathname).toBe("/sign-in");
    expect(sessionCookie(callback)).toBeFalsy();
    // …and a new start is refused outright.
    const refused = await record(await authRequest("/sign-in/social", { provider: "google", callbackURL: "/" }));
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ message: "google is not an enabled single sign-on provider." });
  });

  it("refuses a callback whose state is not this browser's (no state cookie)", async () => {
    claims = { ...claims, sub: "okta-ivy", email: "ivy@example.com" };
    const start = await authRequest("/sign-in/social", { provider: "okta", callbackURL: "/" });
    const { url } = (await start.json()) as { url: string };
    const back = new URL((await fetch(url, { redirect: "manual" })).headers.get("location")!);
    const callback = await authGet(new Request(back, { headers: browserHeaders() }), { params: Promise.resolve({ all: ["callback", "okta"] }) });
    expect(new URL(callback.headers.get("location")!, ORIGIN).pathname).toBe("/sign-in");
    expect(sessionCookie(callback)).toBeFalsy();
    expect(await db.user.findUnique({ where: { email: "ivy@example.com" } })).toBeNull();
  });

  it("lets only an admin configure providers, and never sends the client secret back", async () => {
    const viewer = await signedIn(db, "viewer");
    requestScope.use(viewer.headers);
    const denied = await saveSsoProviderAction({ id: "evil", label: "Evil", issuer: "https://evil.example", clientId: "x", clientSecret: "y" });
    expect(denied).toMatchObject({ ok: false, code: "FORBIDDEN" });
    requestScope.use(admin.headers);
    // An edit with the secret left empty keeps it: sign-in still works.
    const kept = await saveSsoProviderAction({ id: "okta", label: "Okta", issuer: idp.issuer.url!, clientId: "stevedore-app", clientSecret: "", groupRoles: [{ group: "stevedore-ops", role: "admin" }] });
    responses.push(JSON.stringify(kept));
    expect(kept).toMatchObject({ ok: true, data: { hasClientSecret: true, callbackPath: "/api/auth/callback/okta" } });
    claims = { ...claims, sub: "okta-jo", email: "jo@example.com", groups: ["stevedore-ops"] };
    expect(await actorFor((await ssoSignIn("okta")).cookie)).toMatchObject({ person: { role: "admin" } });
    const views = await listSsoProviders({ ctx: testCtx(db) });
    responses.push(JSON.stringify(views));
    const row = await db.ssoProvider.findUniqueOrThrow({ where: { id: "okta" } });
    expect(row.clientSecretSealed).not.toContain(SECRET);
    const audit = JSON.stringify(await db.auditEvent.findMany(), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(audit).not.toContain(SECRET);
    expect(responses.length).toBeGreaterThan(10);
    for (const r of responses) expect(r).not.toContain(SECRET);
    const removed = await deleteSsoProviderAction({ id: "google" });
    expect(removed).toMatchObject({ ok: true });
  });
});
