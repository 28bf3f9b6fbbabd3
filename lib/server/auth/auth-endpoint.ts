import { recordAudit, type AuditEntry } from "../audit";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { consumeAccountAttempt } from "./account-throttle";
import { AUTH_PATHS, SSO_CALLBACK, authFor } from "./better-auth";
import { toPerson } from "./person-record";
import { finishSsoSignIn, startSsoSignIn } from "./sso-sign-in";

const BASE = "/api/auth";
const served = new Set<string>(AUTH_PATHS);

function tooManyAttempts(retryAfter: number): Response {
  return Response.json(
    { message: "Too many sign-in attempts for this account. Try again later." },
    { status: 429, headers: { "X-Retry-After": String(retryAfter) } },
  );
}

/** The email a sign-in request is for, if it names one (better-auth validates the rest). */
async function emailOf(req: Request): Promise<string | undefined> {
  const body: unknown = await req.clone().json().catch(() => undefined);
  const email = typeof body === "object" && body !== null ? (body as { email?: unknown }).email : undefined;
  return typeof email === "string" && email.length <= 320 ? email.trim().toLowerCase() : undefined;
}

/** A sign-in as the audit trail keeps it: the person it signed in, or the address it tried. */
async function recordSignIn(ctx: AppContext, email: string | undefined, res: Response): Promise<void> {
  const entry: AuditEntry = { action: "sign-in" };
  if (res.status === 200 && email) {
    const user = await ctx.db.user.findUnique({ where: { email } });
    if (user) {
      const person = toPerson(user);
      return recordAudit(ctx.db, { ...ctx, actor: { kind: "person", person, sessionId: "" } }, { ...entry, target: { type: "person", id: person.id } });
    }
  }
  const reason = res.status === 429 ? "too many attempts" : res.status === 401 ? "wrong email or password" : `answered ${res.status}`;
  await recordAudit(ctx.db, ctx, { ...entry, outcome: res.status === 429 ? "denied" : "failed", reason, after: { email: email ?? null } });
}

async function recordSessionEvent(ctx: AppContext, endpoint: string, res: Response): Promise<void> {
  const person = ctx.actor.kind === "person" ? ctx.actor.person : undefined;
  const action = endpoint === "/sign-out" ? "sign-out" : "change-password";
  const target = person ? { type: "person" as const, id: person.id } : undefined;
  if (res.ok) await recordAudit(ctx.db, ctx, { action, target });
  else await recordAudit(ctx.db, ctx, { action, target, outcome: "failed", reason: res.status === 429 ? "too many attempts" : `answered ${res.status}` });
}

/**
 * better-auth's endpoints under /api/auth: only those the app uses (sign in with a password or
 * single sign-on and its callback, sign out, the session, change password); sign-up and the rest
 * answer 404, whatever better-auth offers.
 * A sign-in is counted against its account before better-auth counts it against its address.
 * Signing in, signing out and changing a password are written to the audit trail.
 */
export async function handleAuthRequest(ctx: AppContext, req: Request): Promise<Response> {
  const path = new URL(req.url).pathname.replace(/\/+$/, "");
  const endpoint = path.startsWith(`${BASE}/`) ? path.slice(BASE.length) : "";
  if (SSO_CALLBACK.test(endpoint)) return finishSsoSignIn(ctx, req, endpoint.slice("/callback/".length));
  if (!served.has(endpoint)) throw new NotFoundError(`${path} is not an endpoint of this server`);
  if (req.method !== "POST") return authFor(ctx.db, req.headers).handler(req);
  if (endpoint === "/sign-in/social") return startSsoSignIn(ctx, req);
  if (endpoint === "/sign-in/email") {
    const email = await emailOf(req);
    const attempt = email ? await consumeAccountAttempt(ctx.db, email, ctx.clock.now().getTime()) : { allowed: true, retryAfter: 0 };
    const res = attempt.allowed ? await authFor(ctx.db, req.headers).handler(req) : tooManyAttempts(attempt.retryAfter);
    await recordSignIn(ctx, email, res);
    return res;
  }
  const res = await authFor(ctx.db, req.headers).handler(req);
  if (endpoint === "/sign-out" || endpoint === "/change-password") await recordSessionEvent(ctx, endpoint, res);
  return res;
}
