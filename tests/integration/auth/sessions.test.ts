import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { handleAuthRequest } from "@/lib/server/auth/auth-endpoint";
import { SIGN_IN_ATTEMPTS_PER_ACCOUNT } from "@/lib/server/auth/account-throttle";
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from "@/lib/server/auth/better-auth";
import { systemClock } from "@/lib/server/context";
import { actorOf } from "@/lib/server/auth/request-actor";
import { testCtx } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { authRequest, browserHeaders, createPerson, ORIGIN, PASSWORD, sessionCookie, signIn, signedIn } from "../helpers/sign-in";

// Sessions through the app's own /api/auth endpoint (better-auth on the test's database):
// stored, rotated at sign-in, revoked at sign-out and password change; cookies as a browser gets them.

let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  tdb.useForApp();
  const { getDb } = await import("@/lib/db");
  db = await getDb();
});
afterAll(() => tdb.drop());

const whoIs = async (cookie: string | undefined) => actorOf(db, browserHeaders(cookie ? { cookie } : {}));

describe("sessions", () => {
  it("signs in with email and password: the session is a row, the cookie HttpOnly and SameSite=Lax", async () => {
    const person = await createPerson(db, "editor");
    const res = await signIn(person.email.toUpperCase());
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie().find((c) => c.startsWith("stevedore.session_token="))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).not.toMatch(/Secure/i);
    const actor = await whoIs(sessionCookie(res));
    expect(actor).toMatchObject({ kind: "person", person: { id: person.id, email: person.email, role: "editor" } });
    expect(await db.session.count({ where: { userId: person.id } })).toBe(1);
  });

  it("marks the cookie Secure (and __Secure-) when the request came over HTTPS", async () => {
    const person = await createPerson(db, "viewer");
    const res = await signIn(person.email, PASSWORD, { "x-forwarded-proto": "https", origin: "https://stevedore.test" });
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie().find((c) => c.includes("session_token="))!;
    expect(set).toMatch(/^__Secure-stevedore\.session_token=.*; Secure/i);
  });

  it("refuses a wrong password or an unknown person with the same answer, and no session", async () => {
    const person = await createPerson(db, "viewer");
    const wrong = await signIn(person.email, "not the password at all");
    const unknown = await signIn("nobody@example.com");
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
    expect(sessionCookie(wrong)).toBeUndefined();
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
  });

  it("has no sign-up: people come in by invitation", async () => {
    const res = await authRequest("/sign-up/email", { email: "new@example.com", password: PASSWORD, name: "New" });
    expect(res.status).toBe(404);
    expect(await db.user.count({ where: { email: "new@example.com" } })).toBe(0);
  });

  it("revokes the session at sign-out: the old cookie no longer signs anyone in", async () => {
    const { person, cookie } = await signedIn(db, "editor");
    const out = await authRequest("/sign-out", {}, { cookie });
    expect(out.status).toBe(200);
    expect(await whoIs(cookie)).toEqual({ kind: "anonymous" });
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
  });

  it("rotates at sign-in: the session cookie the browser had before is not the one after, and is dead (fixation)", async () => {
    const victim = await createPerson(db, "admin");
    // A session cookie planted in the victim's browser: the attacker's own, valid one.
    const attacker = await signedIn(db, "viewer");
    const res = await signIn(victim.email, PASSWORD, { cookie: attacker.cookie });
    const after = sessionCookie(res);
    expect(after).toBeDefined();
    expect(after).not.toBe(attacker.cookie);
    expect(await whoIs(after)).toMatchObject({ person: { id: victim.id } });
    // The planted cookie never becomes the victim's session; the session it carried has ended.
    expect(await whoIs(attacker.cookie)).toEqual({ kind: "anonymous" });
    // A made-up cookie value is nobody.
    expect(await whoIs("stevedore.session_token=forged.value")).toEqual({ kind: "anonymous" });
  });

  it("revokes every session at a password change, and the new cookie works", async () => {
    const { person, cookie } = await signedIn(db, "viewer");
    const other = sessionCookie(await signIn(person.email));
    const res = await authRequest("/change-password", { currentPassword: PASSWORD, newPassword: "a much longer new password", revokeOtherSessions: true }, { cookie });
    expect(res.status).toBe(200);
    const renewed = sessionCookie(res);
    expect(await whoIs(cookie)).toEqual({ kind: "anonymous" });
    expect(await whoIs(other)).toEqual({ kind: "anonymous" });
    expect(await whoIs(renewed)).toMatchObject({ person: { id: person.id } });
    expect((await signIn(person.email)).status).toBe(401);
    expect((await signIn(person.email, "a much longer new password")).status).toBe(200);
  });

  it("limits sign-in attempts per client address, counted in the database so every instance shares the limit", async () => {
    // Two app instances: two clients, each with its own better-auth, on one database.
    const [one, two] = [await tdb.client(), await tdb.client()];
    const [person, other] = [await createPerson(one, "viewer"), await createPerson(one, "viewer")];
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE; i++) statuses.push((await attempt(i % 2 ? two : one, person.email, "guess number " + i, "203.0.113.7")).status);
    expect(statuses).toEqual(Array(SIGN_IN_ATTEMPTS_PER_MINUTE).fill(401));
    // The limit is reached on both instances, even for the right password, even for another account.
    const limited = await attempt(two, other.email, PASSWORD, "203.0.113.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect((await attempt(one, person.email, PASSWORD, "203.0.113.7")).status).toBe(429);
    expect(await one.session.count({ where: { userId: { in: [person.id, other.id] } } })).toBe(0);
    // Another client address is not held back by this one's attempts.
    expect((await attempt(one, other.email, PASSWORD, "203.0.113.8")).status).toBe(200);
  });

  it("limits sign-in attempts per account too: a new address for every guess does not buy more guesses", async () => {
    const person = await createPerson(db, "admin");
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_ACCOUNT; i++) expect((await attempt(db, person.email, `guess ${i}`, `192.0.2.${i + 1}`)).status).toBe(401);
    const limited = await attempt(db, person.email.toUpperCase(), PASSWORD, "192.0.2.200");
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ message: "Too many sign-in attempts for this account. Try again later." });
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
  });
});

/** A sign-in through the endpoint as `instance` serves it, from the client address `from`. */
function attempt(instance: Db, email: string, password: string, from: string) {
  return handleAuthRequest(testCtx(instance, { clock: systemClock }), new Request(`${ORIGIN}/api/auth/sign-in/email`, {
    method: "POST",
    headers: browserHeaders({ "x-forwarded-for": from, "content-type": "application/json" }),
    body: JSON.stringify({ email, password }),
  }));
}
