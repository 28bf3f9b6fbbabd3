import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { EnvironmentVerb, Requirement } from "@/lib/domain/access";
import { recordAudit, wasRecorded } from "./audit";
import { authorize, authorizeEnvironment } from "./auth/authorize";
import { actorOf, assertSameOrigin } from "./auth/request-actor";
import { createAppContext, type AppContext, type RequestInfo } from "./context";
import { AppError, NotFoundError, UnavailableError } from "./errors";

/** What the request says about where it came from (the address as better-auth reads it too). */
export function requestInfo(headers: Headers, action: string): RequestInfo {
  return {
    action,
    ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null,
    userAgent: headers.get("user-agent"),
    requestId: headers.get("x-request-id") || randomUUID(),
  };
}

/** Refusals are on record too: who tried what, and why it was refused. */
async function refused<T>(ctx: AppContext, check: () => Promise<T> | T, environmentId?: string): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (err instanceof AppError && (err.code === "FORBIDDEN" || err.code === "UNAUTHENTICATED")) {
      await recordAudit(ctx.db, ctx, { outcome: "denied", reason: err.message, environmentId });
    }
    throw err;
  }
}

/**
 * The one door of every request into the operations (`runAction` for server actions, `route`
 * for route handlers, `pageContext` for pages): a state-changing request from another site is
 * refused, the session cookie becomes the context's actor, and the entry of the permission
 * table (`action` is its key) is enforced, all before any input is parsed or any operation runs.
 */
export async function requestContext(
  headers: Headers, action: string, requirement: Requirement, opts: { changesState: boolean },
): Promise<AppContext> {
  const db = await getDb().catch((err) => {
    console.error("Opening the database failed", err);
    throw new UnavailableError("The database is not available");
  });
  const actor = await actorOf(db, headers);
  const ctx = await createAppContext({ db, actor, request: requestInfo(headers, action) });
  await refused(ctx, () => {
    if (opts.changesState) assertSameOrigin(headers);
    authorize(actor, requirement);
  });
  return ctx;
}

const EnvironmentIdSchema = z.uuid();

/**
 * The environment part of a requirement, once the request's input says which environment it
 * names. A requirement with an environment verb and no environment given is a wiring mistake.
 */
export async function authorizeRequestEnvironment(ctx: AppContext, requirement: Requirement, environmentId: string | undefined): Promise<void> {
  const verb: EnvironmentVerb | undefined = requirement.who === "anyone" ? undefined : requirement.environment;
  if (!verb) return;
  if (environmentId === undefined) throw new Error("This request's permission names an environment, but the request gave none to check.");
  if (!EnvironmentIdSchema.safeParse(environmentId).success) throw new NotFoundError(`Environment ${environmentId} does not exist`);
  await refused(ctx, () => authorizeEnvironment(ctx, environmentId, verb), environmentId);
}

// Refusals by policy after the door (the last admin, a read-only environment, a stale plan) are
// recorded as failures with their reason; malformed input and missing ids are not.
const RECORDED_FAILURES = new Set(["REFUSED", "READ_ONLY", "PLAN_CHANGED", "CONFLICT", "APPROVAL_REQUIRED", "FRESH_SIGN_IN_REQUIRED"]);

/**
 * After the operation: a change its operation did not record itself (in its own transaction)
 * gets a row of its own here, so every state-changing request is on record; a refusal by policy
 * gets one with the reason. Reads (`record: false`) get none.
 */
export async function recordOutcome(
  ctx: AppContext, requirement: Requirement, outcome: { input?: unknown; error?: unknown; environmentId?: string },
): Promise<void> {
  if (requirement.record === false || wasRecorded(ctx)) return;
  const { environmentId } = outcome;
  try {
    if (outcome.error === undefined) await recordAudit(ctx.db, ctx, { environmentId, after: outcome.input === undefined ? undefined : { input: outcome.input } });
    else if (outcome.error instanceof AppError && RECORDED_FAILURES.has(outcome.error.code)) {
      await recordAudit(ctx.db, ctx, { environmentId, outcome: "failed", reason: outcome.error.message });
    }
  } catch (err) {
    // The change has happened; failing the request now would only hide that it did.
    console.error("Writing the audit trail failed", err);
  }
}
