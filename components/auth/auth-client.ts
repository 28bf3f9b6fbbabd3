// The browser's side of signing in and out: better-auth's endpoints under /api/auth, called
// with fetch (they set and clear the HttpOnly session cookie; the page never sees it).

import { UNREACHABLE } from "@/components/ui/form-issues";

export type AuthResult = { ok: true } | { ok: false; message: string };

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), credentials: "same-origin" });
}

async function failure(res: Response, fallback: string): Promise<AuthResult> {
  if (res.status === 429) {
    const wait = Number(res.headers.get("x-retry-after"));
    return { ok: false, message: `Too many attempts from here. Try again in ${Number.isFinite(wait) && wait > 0 ? `${wait} seconds` : "a minute"}.` };
  }
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  return { ok: false, message: body.message || fallback };
}

export async function signInWithPassword(email: string, password: string): Promise<AuthResult> {
  try {
    const res = await post("/sign-in/email", { email, password });
    if (res.ok) return { ok: true };
    if (res.status === 401) return { ok: false, message: "Wrong email or password." };
    return failure(res, "Signing in failed. Try again.");
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}

export async function signOut(): Promise<void> {
  await post("/sign-out", {}).catch(() => undefined);
}

/** Changes the password and ends every other session; this browser gets a fresh one. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<AuthResult> {
  try {
    const res = await post("/change-password", { currentPassword, newPassword, revokeOtherSessions: true });
    if (res.ok) return { ok: true };
    if (res.status === 400) {
      const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
      if (body.code === "INVALID_PASSWORD") return { ok: false, message: "The current password is not right." };
      return { ok: false, message: body.message || "The new password was not accepted." };
    }
    return failure(res, "Changing the password failed. Try again.");
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/**
 * Starts single sign-on: better-auth answers with the identity provider's authorization URL
 * (state, nonce and PKCE made on the server), where the browser goes next.
 */
export async function signInWithSso(provider: string, next: string | undefined): Promise<AuthResult & { url?: string }> {
  try {
    const res = await post("/sign-in/social", { provider, callbackURL: safeNext(next) });
    const body = (await res.clone().json().catch(() => ({}))) as { url?: string };
    if (res.ok && body.url) return { ok: true, url: body.url };
    return failure(res, "Single sign-on could not start. Try again.");
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}
