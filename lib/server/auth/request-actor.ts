import type { Db } from "@/lib/db";
import { ANONYMOUS, type Actor } from "@/lib/domain/access";
import { ForbiddenError } from "../errors";
import { authFor } from "./better-auth";
import { toPerson } from "./person-record";

const SESSION_COOKIE = /(^|;\s*)(__Secure-)?stevedore\.session_token=/;

/** Whether the request carries a session cookie at all (valid or not). */
export const hasSessionCookie = (headers: Headers) => SESSION_COOKIE.test(headers.get("cookie") ?? "");

/**
 * The signed-in person a request carries: its session cookie, checked by better-auth against
 * the session table (signature, expiry, not revoked). No cookie costs no database call.
 */
export async function actorOf(db: Db, headers: Headers): Promise<Actor> {
  if (!hasSessionCookie(headers)) return ANONYMOUS;
  const found = await authFor(db, headers).api.getSession({ headers });
  if (!found) return ANONYMOUS;
  const method = (found.session as { signInMethod?: unknown }).signInMethod;
  return { kind: "person", person: toPerson(found.user), sessionId: found.session.id, signInMethod: typeof method === "string" ? method : "password" };
}

/** This server's origin as the browser sees it: STEVEDORE_URL, else the (forwarded) host. */
function ownHosts(headers: Headers): string[] {
  const publicUrl = process.env.STEVEDORE_URL;
  if (publicUrl) return [new URL(publicUrl).host];
  return [headers.get("x-forwarded-host")?.split(",")[0]?.trim(), headers.get("host")].filter((h): h is string => Boolean(h));
}

/**
 * Refuses a state-changing request a browser sent from another site (CSRF). Browsers send
 * Origin with every cross-site POST; a request without one (a script, the CLI) is no CSRF, and
 * SameSite=Lax keeps the session cookie off cross-site POSTs besides.
 */
export function assertSameOrigin(headers: Headers): void {
  const origin = headers.get("origin");
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ForbiddenError("This request came from another site and was refused.");
  }
  if (origin === "null" || !ownHosts(headers).includes(host)) {
    throw new ForbiddenError(`This request came from another site (${origin}) and was refused.`);
  }
}
