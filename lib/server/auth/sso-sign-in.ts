import type { Person } from "@/lib/domain/access";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { ssoAuthFor } from "./better-auth";
import { toPerson } from "./person-record";
import { runSsoAttempt, type SsoAttempt } from "./sso-attempt";

const sameGroups = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((g, i) => g === b[i]);

function refused(message: string, status = 404): Response {
  return Response.json({ message }, { status });
}

/**
 * POST /api/auth/sign-in/social: starts a single sign-on with an enabled provider. Only the
 * provider is taken from the body: the browser comes back to `callbackURL` (a path of this
 * server) or, when it fails, to the sign-in page, which says why. better-auth makes the state,
 * the nonce and the PKCE verifier and answers with the identity provider's authorization URL.
 */
export async function startSsoSignIn(ctx: AppContext, req: Request): Promise<Response> {
  const body: unknown = await req.clone().json().catch(() => undefined);
  const { provider, callbackURL } = (typeof body === "object" && body !== null ? body : {}) as { provider?: unknown; callbackURL?: unknown };
  const { auth, providers } = await ssoAuthFor(ctx.db, req.headers);
  if (typeof provider !== "string" || !providers.some((p) => p.id === provider)) {
    await recordAudit(ctx.db, ctx, { action: "sign-in", outcome: "denied", reason: "no such enabled single sign-on provider", after: { provider: typeof provider === "string" ? provider.slice(0, 40) : null } });
    return refused(`${typeof provider === "string" ? provider.slice(0, 40) : "That"} is not an enabled single sign-on provider.`);
  }
  const next = typeof callbackURL === "string" && callbackURL.startsWith("/") && !callbackURL.startsWith("//") && !callbackURL.startsWith("/\\") ? callbackURL : "/";
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  const forward = new Request(req.url, { method: "POST", headers, body: JSON.stringify({ provider, callbackURL: next, errorCallbackURL: "/sign-in" }) });
  return auth.handler(forward);
}

/** The error code better-auth put in its redirect to the sign-in page, if it failed. */
function errorOf(res: Response): string | undefined {
  const location = res.headers.get("location");
  if (!location) return res.ok ? undefined : `answered ${res.status}`;
  return new URL(location, "http://x").searchParams.get("error") ?? undefined;
}

/**
 * GET /api/auth/callback/<provider>: better-auth checks the state, exchanges the code (with the
 * PKCE verifier), verifies the ID token and creates, links or finds the person; Stevedore's
 * hooks refuse a person whose groups map to no role. Then the person's role and groups are set
 * from the claims, here at every sign-in: a changed role ends their other sessions, as a role
 * change by an admin does. The sign-in is written to the audit trail either way.
 */
export async function finishSsoSignIn(ctx: AppContext, req: Request, providerId: string): Promise<Response> {
  const { auth } = await ssoAuthFor(ctx.db, req.headers);
  // A provider that answers with a form POST is sent on to the same URL as a GET, where it is finished.
  if (req.method !== "GET") return auth.handler(req);
  const attempt: SsoAttempt = { providerId };
  const res = await runSsoAttempt(attempt, () => auth.handler(req));
  const method = `sso:${providerId}`;
  if (attempt.refusal) {
    const sessionsEnded = attempt.refusedUserId ? await endSessionsOfRefused(ctx, attempt.refusedUserId) : 0;
    await recordAudit(ctx.db, ctx, {
      action: "sign-in", outcome: "denied", reason: attempt.refusal, ...(attempt.refusedUserId ? { target: { type: "person" as const, id: attempt.refusedUserId } } : {}),
      after: { method, email: attempt.email ?? null, groups: attempt.groups ?? [], sessionsEnded },
    });
  } else if (attempt.userId && attempt.sessionId && attempt.role) {
    await applyClaims(ctx, { ...attempt, userId: attempt.userId, sessionId: attempt.sessionId, role: attempt.role }, method);
  } else {
    await recordAudit(ctx.db, ctx, { action: "sign-in", outcome: "failed", reason: errorOf(res) ?? "no session", after: { method, email: attempt.email ?? null } });
  }
  return res;
}

/**
 * A person single sign-on let in before, whose groups now give no access: what they still have
 * open was granted under groups they lost, so it ends (the last admin's stays).
 */
async function endSessionsOfRefused(ctx: AppContext, userId: string): Promise<number> {
  return ctx.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) return 0;
    if (user.role === "admin" && (await tx.user.count({ where: { role: "admin", id: { not: userId } } })) === 0) return 0;
    return (await tx.session.deleteMany({ where: { userId } })).count;
  });
}

async function applyClaims(ctx: AppContext, attempt: SsoAttempt & { userId: string; sessionId: string; role: Person["role"] }, method: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const before = toPerson(await tx.user.findUniqueOrThrow({ where: { id: attempt.userId } }));
    const groups = attempt.groups ?? [];
    let role = attempt.role;
    let kept: string | undefined;
    // Someone must always be able to manage people: the last admin stays one.
    if (before.role === "admin" && role !== "admin" && (await tx.user.count({ where: { role: "admin", id: { not: before.id } } })) === 0) {
      kept = `the last admin stays an admin (the groups give ${attempt.role})`;
      role = "admin";
    }
    const roleChanged = before.role !== role;
    const groupsChanged = !sameGroups(before.groups, groups);
    const user = roleChanged || groupsChanged ? await tx.user.update({ where: { id: before.id }, data: { role, groups } }) : undefined;
    // Whatever they had open was granted under the old role (a new person has nothing open).
    const sessionsEnded = roleChanged
      ? (await tx.session.deleteMany({ where: { userId: before.id, id: { not: attempt.sessionId } } })).count
      : 0;
    const person = user ? toPerson(user) : before;
    await recordAudit(tx, { ...ctx, actor: { kind: "person", person, sessionId: attempt.sessionId, signInMethod: method } }, {
      action: "sign-in",
      target: { type: "person", id: person.id },
      before: attempt.created || !(roleChanged || groupsChanged) ? undefined : { role: before.role, groups: before.groups },
      after: { method, created: attempt.created === true, role: person.role, groups: person.groups, sessionsEnded, ...(kept ? { kept } : {}) },
    });
  });
}
