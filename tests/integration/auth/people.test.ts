import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("../helpers/request-scope")).nextHeaders);

import type { Db } from "@/lib/db";
import {
  acceptInviteAction, changeRoleAction, invitePersonAction, removePersonAction, revokeInviteAction, revokeSessionAction,
} from "@/lib/actions/people";
import { actorOf } from "@/lib/server/auth/request-actor";
import { listInvites, listMySessions, listPeople } from "@/lib/server/people";
import { dbFingerprint } from "../helpers/db-fingerprint";
import { testCtx } from "../helpers/fixtures";
import { requestScope } from "../helpers/request-scope";
import { browserHeaders, PASSWORD, sessionCookie, signIn, signedIn, signedInApp, type SignedIn } from "../helpers/sign-in";

// People as an admin manages them, through the server actions with real sessions: invitations
// (a link that works once), roles (a change signs the person out), removal; and each person's
// own sessions, where another person's session id is answered as if it did not exist.

let db: Db;
let admin: SignedIn;
const app = signedInApp();
beforeAll(() => ({ db, admin } = app));

const asAdmin = () => requestScope.use(admin.headers);
const asNobody = () => requestScope.use(browserHeaders());
const signedInAs = async (cookie: string | undefined) => actorOf(db, browserHeaders({ cookie: cookie ?? "" }));
const tokenOf = (link: { token: string }) => link.token;

describe("invitations", () => {
  it("invites by email and role; the link creates the account once, and its owner signs in with that role", async () => {
    asAdmin();
    const invited = await invitePersonAction({ email: " Bea@Example.com ", role: "editor" });
    expect(invited).toMatchObject({ ok: true, data: { email: "bea@example.com", role: "editor", invitedBy: admin.person.name } });
    if (!invited.ok) return;
    // Only the hash is stored.
    expect(JSON.stringify(await db.invitation.findMany())).not.toContain(invited.data.token);
    expect((await listInvites({ ctx: testCtx(db) })).map((i) => i.email)).toEqual(["bea@example.com"]);

    asNobody();
    const accepted = await acceptInviteAction({ token: tokenOf(invited.data), name: "Bea", password: PASSWORD });
    expect(accepted).toMatchObject({ ok: true, data: { email: "bea@example.com", role: "editor", name: "Bea" } });
    expect(await signedInAs(sessionCookie(await signIn("bea@example.com")))).toMatchObject({ person: { email: "bea@example.com", role: "editor" } });

    // Used up: the same link again creates nobody, and is answered like a link that never was.
    const before = await dbFingerprint(db);
    const again = await acceptInviteAction({ token: tokenOf(invited.data), name: "Mallory", password: "another password!" });
    expect(again).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringMatching(/does not work/) });
    expect(await acceptInviteAction({ token: "x".repeat(32), name: "Mallory", password: "another password!" })).toEqual(again);
    expect(await dbFingerprint(db)).toBe(before);
    expect(await listInvites({ ctx: testCtx(db) })).toEqual([]);
  });

  it("refuses to invite an address that has an account, naming the field", async () => {
    asAdmin();
    const r = await invitePersonAction({ email: admin.person.email, role: "viewer" });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", issues: [{ path: "email" }] });
  });

  it("a newer invitation replaces the older; a withdrawn one stops working", async () => {
    asAdmin();
    const first = await invitePersonAction({ email: "cy@example.com", role: "viewer" });
    const second = await invitePersonAction({ email: "cy@example.com", role: "editor" });
    if (!first.ok || !second.ok) throw new Error("invite failed");
    expect((await listInvites({ ctx: testCtx(db) })).map((i) => [i.email, i.role])).toEqual([["cy@example.com", "editor"]]);
    expect(await revokeInviteAction({ id: second.data.id })).toMatchObject({ ok: true });
    expect(await revokeInviteAction({ id: second.data.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    asNobody();
    for (const link of [first.data, second.data]) {
      expect(await acceptInviteAction({ token: tokenOf(link), name: "Cy", password: PASSWORD })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await db.user.count({ where: { email: "cy@example.com" } })).toBe(0);
  });

  it("an expired invitation does not work", async () => {
    asAdmin();
    const r = await invitePersonAction({ email: "old@example.com", role: "viewer" });
    if (!r.ok) throw new Error("invite failed");
    await db.invitation.update({ where: { id: r.data.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    asNobody();
    expect(await acceptInviteAction({ token: tokenOf(r.data), name: "Old", password: PASSWORD })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("roles and removal", () => {
  it("changing a role signs the person out everywhere; they sign in again with the new role", async () => {
    const dan = await signedIn(db, "viewer");
    const second = sessionCookie(await signIn(dan.person.email));
    asAdmin();
    expect(await changeRoleAction({ personId: dan.person.id, role: "editor" })).toMatchObject({ ok: true, data: { role: "editor" } });
    expect(await signedInAs(dan.cookie)).toEqual({ kind: "anonymous" });
    expect(await signedInAs(second)).toEqual({ kind: "anonymous" });
    expect(await signedInAs(sessionCookie(await signIn(dan.person.email)))).toMatchObject({ person: { role: "editor" } });
  });

  it("keeps one admin at least: the last can be neither demoted nor removed", async () => {
    asAdmin();
    const before = await dbFingerprint(db);
    expect(await changeRoleAction({ personId: admin.person.id, role: "editor" })).toMatchObject({ ok: false, code: "REFUSED", message: expect.stringMatching(/nobody to manage people/) });
    expect(await removePersonAction({ personId: admin.person.id })).toMatchObject({ ok: false, code: "REFUSED" });
    expect(await dbFingerprint(db)).toBe(before);
    expect(await signedInAs(admin.cookie)).toMatchObject({ person: { role: "admin" } });
  });

  it("removing a person ends their sessions; they cannot sign in", async () => {
    const eve = await signedIn(db, "editor");
    asAdmin();
    expect(await removePersonAction({ personId: eve.person.id })).toEqual({ ok: true, data: { id: eve.person.id } });
    expect(await signedInAs(eve.cookie)).toEqual({ kind: "anonymous" });
    expect((await signIn(eve.person.email)).status).toBe(401);
    expect(await removePersonAction({ personId: eve.person.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await listPeople({ ctx: testCtx(db) })).some((p) => p.id === eve.person.id)).toBe(false);
  });
});

describe("one's own sessions", () => {
  it("lists and signs out one's own sessions; another person's session id is a 404 and stays signed in (IDOR)", async () => {
    const fay = await signedIn(db, "viewer");
    const laptop = sessionCookie(await signIn(fay.person.email, PASSWORD, { "user-agent": "Fay's laptop" }));
    const gus = await signedIn(db, "editor");

    const ctx = testCtx(db, { actor: await signedInAs(fay.cookie) });
    const mine = await listMySessions({ ctx });
    expect(mine).toHaveLength(2);
    expect(mine[0].current).toBe(true);
    const gusSession = (await db.session.findFirstOrThrow({ where: { userId: gus.person.id } })).id;

    requestScope.use(fay.headers);
    const before = await dbFingerprint(db);
    const stolen = await revokeSessionAction({ sessionId: gusSession });
    expect(stolen).toEqual({ ok: false, code: "NOT_FOUND", message: "No such session." });
    expect(await revokeSessionAction({ sessionId: "00000000-0000-4000-8000-000000000000" })).toEqual(stolen);
    expect(await dbFingerprint(db)).toBe(before);
    expect(await signedInAs(gus.cookie)).toMatchObject({ person: { id: gus.person.id } });

    const other = mine.find((s) => !s.current)!;
    expect(other.userAgent).toBe("Fay's laptop");
    expect(await revokeSessionAction({ sessionId: other.id })).toEqual({ ok: true, data: { id: other.id } });
    expect(await signedInAs(laptop)).toEqual({ kind: "anonymous" });
    expect(await signedInAs(fay.cookie)).toMatchObject({ person: { id: fay.person.id } });
  });
});
