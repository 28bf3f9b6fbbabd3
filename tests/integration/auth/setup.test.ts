import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@/lib/db";
import { actorOf } from "@/lib/server/auth/request-actor";
import { adminFromEnv, completeSetup, prepareSignIn, setupOpen, setupTokenFile } from "@/lib/server/auth/setup";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { testCtx } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { browserHeaders, sessionCookie } from "../helpers/sign-in";
import { handleAuthRequest } from "@/lib/server/auth/auth-endpoint";

// First run: no admin, so the server prints a one-time token and writes it beside the data
// directory; the token creates the first admin and setup closes in the same transaction.

const dir = mkdtempSync(join(tmpdir(), "stevedore-setup-"));
const savedDir = process.env.STEVEDORE_DATA_DIR;
let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
  // Where the token file goes: beside this (unused) data directory.
  process.env.STEVEDORE_DATA_DIR = join(dir, "pglite");
});
afterAll(async () => {
  await tdb.drop();
  if (savedDir === undefined) delete process.env.STEVEDORE_DATA_DIR;
  else process.env.STEVEDORE_DATA_DIR = savedDir;
  rmSync(dir, { recursive: true, force: true });
});

const admin = { name: "Ada", email: "ada@example.com", password: "first admin password" };
const ctx = () => testCtx(db);

async function startServer(env: Record<string, string> = {}) {
  const lines: string[] = [];
  const r = await prepareSignIn(db, ctx().clock, env, (l) => lines.push(l));
  return { ...r, log: lines.join("\n") };
}

/** Signs in through the endpoint on this file's database. */
async function signsIn(email: string, password: string): Promise<boolean> {
  const req = new Request("http://stevedore.test/api/auth/sign-in/email", {
    method: "POST", headers: browserHeaders({ "content-type": "application/json" }), body: JSON.stringify({ email, password }),
  });
  const res = await handleAuthRequest(ctx(), req);
  const cookie = sessionCookie(res);
  return res.status === 200 && (await actorOf(db, browserHeaders({ cookie: cookie ?? "" }))).kind === "person";
}

describe("first-run setup", () => {
  let token: string;

  it("prints a one-time token at start and writes it beside the data directory, readable by this user only", async () => {
    expect(await setupOpen(db)).toBe(true);
    const started = await startServer({ PORT: "4000" });
    token = started.setupToken!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(started.log).toContain("Open http://localhost:4000/setup");
    expect(started.log).toContain(token);
    const file = setupTokenFile()!;
    expect(file).toBe(join(dir, "pglite-setup-token"));
    expect(readFileSync(file, "utf8").trim()).toBe(token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Only its hash is stored.
    expect(JSON.stringify(await db.authSetup.findMany())).not.toContain(token);
  });

  it("a restart issues a new token and the old one stops working", async () => {
    const old = token;
    token = (await startServer()).setupToken!;
    expect(token).not.toBe(old);
    await expect(completeSetup({ ctx: ctx(), input: { ...admin, token: old } })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.user.count()).toBe(0);
  });

  it("refuses a wrong token, naming the field, and creates nobody", async () => {
    const err = await completeSetup({ ctx: ctx(), input: { ...admin, token: "guessed-token" } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues).toEqual([{ path: "token", message: expect.stringMatching(/not the setup token/) }]);
    expect(await db.user.count()).toBe(0);
  });

  it("creates the first admin with the token, who can sign in; setup closes and the token file goes", async () => {
    // Two tabs submit at the same moment: one admin.
    const results = await Promise.allSettled([
      completeSetup({ ctx: ctx(), input: { ...admin, token } }),
      completeSetup({ ctx: ctx(), input: { ...admin, name: "Eve", email: "eve@example.com", token } }),
    ]);
    const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(won).toHaveLength(1);
    expect(await db.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: won[0].email, role: "admin" }]);
    expect(await setupOpen(db)).toBe(false);
    expect(existsSync(setupTokenFile()!)).toBe(false);
    expect(await signsIn(won[0].email, admin.password)).toBe(true);
    // On record, in the same transaction, as done by the new admin.
    expect(await db.auditEvent.findMany({ where: { action: "completeSetupAction" } })).toEqual([
      expect.objectContaining({ outcome: "ok", actorId: won[0].id, actorRole: "admin", targetId: won[0].id, after: expect.objectContaining({ setup: "token" }) }),
    ]);
  });

  it("is dead once an admin exists: the token creates nobody, and a restart issues none", async () => {
    const again = await completeSetup({ ctx: ctx(), input: { ...admin, name: "Mallory", email: "mallory@example.com", token } }).catch((e) => e);
    expect(again).toBeInstanceOf(NotFoundError);
    expect(again.message).toMatch(/Setup is finished/);
    expect(await db.user.count()).toBe(1);
    const restarted = await startServer();
    expect(restarted.setupToken).toBeUndefined();
    expect(restarted.log).toBe("");
    expect(existsSync(setupTokenFile()!)).toBe(false);
  });

  it("offers no way in through better-auth either: sign-up stays closed", async () => {
    const req = new Request("http://stevedore.test/api/auth/sign-up/email", {
      method: "POST", headers: browserHeaders({ "content-type": "application/json" }), body: JSON.stringify({ ...admin, email: "new@example.com" }),
    });
    await expect(handleAuthRequest(ctx(), req)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.user.count({ where: { email: "new@example.com" } })).toBe(0);
  });
});

describe("the first admin from STEVEDORE_ADMIN_EMAIL and STEVEDORE_ADMIN_PASSWORD", () => {
  let fresh: TestDatabase;
  let fdb: Db;
  beforeAll(async () => {
    fresh = await createTestDatabase();
    fdb = await fresh.client();
  });
  afterAll(() => fresh.drop());

  it("reports bad values by the variable's name and creates nobody", async () => {
    const r = await adminFromEnv(fdb, ctx().clock, { STEVEDORE_ADMIN_EMAIL: "not-an-email", STEVEDORE_ADMIN_PASSWORD: "short" });
    expect(r.outcome).toBe("invalid");
    if (r.outcome !== "invalid") return;
    expect(r.problems.join(" ")).toMatch(/STEVEDORE_ADMIN_EMAIL: .*STEVEDORE_ADMIN_PASSWORD: At least 12/);
    expect(await fdb.user.count()).toBe(0);
  });

  it("creates the admin at start-up when there is none, closes setup, and does nothing once one exists", async () => {
    const env = { STEVEDORE_ADMIN_EMAIL: "Ops@Example.com", STEVEDORE_ADMIN_PASSWORD: "headless admin password" };
    const lines: string[] = [];
    const first = await prepareSignIn(fdb, ctx().clock, env, (l) => lines.push(l));
    expect(first.setupToken).toBeUndefined();
    expect(lines).toEqual(["[stevedore] Created the first admin, ops@example.com, from STEVEDORE_ADMIN_EMAIL."]);
    expect(await fdb.user.findMany({ select: { email: true, name: true, role: true } })).toEqual([{ email: "ops@example.com", name: "Ops", role: "admin" }]);
    expect(await fdb.authSetup.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ completedAt: expect.any(Date) });
    expect(await fdb.auditEvent.findFirstOrThrow({ where: { action: "completeSetupAction" } })).toMatchObject({ actorKind: "system", actorEmail: "start-up" });
    // Another password in the environment later changes nothing.
    expect(await adminFromEnv(fdb, ctx().clock, { ...env, STEVEDORE_ADMIN_PASSWORD: "another long password" })).toEqual({ outcome: "admin-exists" });
    expect(await fdb.user.count()).toBe(1);
  });
});
