import { FRESH_SIGN_IN_MINUTES, isFreshSignIn } from "@/lib/domain/access";
import { recordAudit } from "../audit";
import { consumeAccountAttempt } from "../auth/account-throttle";
import { authFor } from "../auth/better-auth";
import type { AppContext } from "../context";
import { FreshSignInRequiredError, RefusedError, UnauthenticatedError, ValidationError } from "../errors";
import type { ConfirmPasswordInput } from "./schemas";

/** When the person of this request last proved who they are: the session's sign-in, or a password confirmed since. */
async function lastAuthenticatedAt(ctx: AppContext): Promise<Date | undefined> {
  if (ctx.actor.kind !== "person") return undefined;
  const { sessionId } = ctx.actor;
  const [session, reauth] = await Promise.all([
    ctx.db.session.findUnique({ where: { id: sessionId }, select: { createdAt: true } }),
    ctx.db.sessionReauthentication.findUnique({ where: { sessionId } }),
  ]);
  const times = [session?.createdAt, reauth?.at].filter((d): d is Date => d instanceof Date);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : undefined;
}

/** Applying to a protected environment: refuses unless the person signed in (or confirmed their password) in the last minutes. */
export async function requireFreshSignIn(ctx: AppContext): Promise<void> {
  const at = await lastAuthenticatedAt(ctx);
  if (!at || !isFreshSignIn(at, ctx.clock.now())) throw new FreshSignInRequiredError(FRESH_SIGN_IN_MINUTES);
}

/**
 * "Confirm your password": better-auth's own hasher checks it against the person's credential
 * account; a match makes this session freshly signed in. Counted against the same per-account
 * limit as sign-ins, and a wrong password is on record as a denial.
 */
export async function confirmPassword({ ctx, input }: { ctx: AppContext; input: ConfirmPasswordInput }): Promise<{ confirmedAt: string }> {
  if (ctx.actor.kind !== "person") throw new UnauthenticatedError();
  const { person, sessionId } = ctx.actor;
  const now = ctx.clock.now();
  const attempt = await consumeAccountAttempt(ctx.db, person.email, now.getTime());
  if (!attempt.allowed) throw new RefusedError(`Too many password attempts for this account: try again in ${attempt.retryAfter} seconds.`);
  const account = await ctx.db.account.findFirst({ where: { userId: person.id, providerId: "credential" }, select: { password: true } });
  const context = await authFor(ctx.db, new Headers()).$context;
  const ok = Boolean(account?.password) && (await context.password.verify({ hash: account!.password!, password: input.password }));
  if (!ok) {
    await recordAudit(ctx.db, ctx, { target: { type: "session", id: sessionId }, outcome: "denied", reason: "The password did not match." });
    throw new ValidationError([{ path: "password", message: "That is not your password" }], "That is not your password.");
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.sessionReauthentication.upsert({ where: { sessionId }, create: { sessionId, at: now }, update: { at: now } });
    await recordAudit(tx, ctx, { target: { type: "session", id: sessionId } });
  });
  return { confirmedAt: now.toISOString() };
}
