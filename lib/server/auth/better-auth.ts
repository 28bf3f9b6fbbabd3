import { betterAuth } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { authDatabase, type Db } from "@/lib/db";
import { ROLES } from "@/lib/domain/access";
import { derivedSecret } from "../environments/secret-box";

// better-auth, configured once for Stevedore: email and password with sign-up closed (people
// come in by invitation or first-run setup), sessions in the database with no cookie cache (so
// a revoked session is refused on its next request), sign-in attempts rate limited with counts
// in the database (every instance counts against one limit), cookies HttpOnly and SameSite=Lax,
// Secure when the request came over HTTPS.

export const SESSION_DAYS = 7;
export const MIN_PASSWORD_LENGTH = 12;
/** Sign-in attempts per client IP address and minute. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

/** The endpoints of better-auth the app serves under /api/auth; any other answers 404. */
export const AUTH_PATHS = ["/sign-in/email", "/sign-out", "/get-session", "/change-password", "/ok", "/error"] as const;

/**
 * At sign-in, the session the browser already had (someone else's, or this person's own) ends:
 * a cookie set before sign-in is never the one that carries it (session fixation).
 */
const endPreviousSessionAtSignIn = createAuthMiddleware(async (ctx) => {
  if (!ctx.path.startsWith("/sign-in")) return;
  const fresh = ctx.context.newSession;
  if (!fresh) return;
  const previous = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
  if (previous && previous !== fresh.session.token) await ctx.context.internalAdapter.deleteSession(previous);
});

function configure(db: Db, secure: boolean) {
  const publicUrl = process.env.STEVEDORE_URL?.replace(/\/+$/, "") || undefined;
  return betterAuth({
    appName: "Stevedore",
    // Without STEVEDORE_URL the origin comes from each request (behind a proxy its X-Forwarded-*
    // headers), which is also what the CSRF check compares the browser's Origin with.
    baseURL: publicUrl,
    secret: derivedSecret("session-cookies"),
    database: authDatabase(db),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        // Only Stevedore's own operations set it (input: false): no request can choose a role.
        role: { type: [...ROLES], required: true, defaultValue: "viewer", input: false },
        groups: { type: "string[]", required: false, defaultValue: [], input: false },
      },
    },
    session: {
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/*": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
        "/change-password": { window: 60, max: 5 },
      },
    },
    disabledPaths: ["/sign-up/email"],
    hooks: { after: endPreviousSessionAtSignIn },
    advanced: {
      cookiePrefix: "stevedore",
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      trustedProxyHeaders: !publicUrl,
      database: { generateId: "uuid" },
    },
    telemetry: { enabled: false },
    // Its warnings are about choices made here on purpose (no fixed base URL) or about each
    // failed sign-in, which the 401 already reports; errors still reach the log.
    logger: { level: "error" },
    // Last, as it asks: lets auth.api calls in server actions set their cookies through Next.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof configure>;

type Instances = { secure?: Auth; plain?: Auth };
// One pair per database (the app's, or a test's own): better-auth caches its context and the
// schema check per instance.
const instances = ((globalThis as typeof globalThis & { __stevedoreAuth?: WeakMap<Db, Instances> }).__stevedoreAuth ??= new WeakMap());

/** Whether the request reached us over HTTPS: a proxy in front says so in X-Forwarded-Proto. */
export function cameOverHttps(headers: Headers): boolean {
  const publicUrl = process.env.STEVEDORE_URL;
  if (publicUrl) return publicUrl.startsWith("https:");
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/**
 * The better-auth instance for a request: cookies are Secure (and named `__Secure-…`) exactly
 * when the request came over HTTPS, so a plain-HTTP install on a LAN still signs in.
 */
export function authFor(db: Db, headers: Headers): Auth {
  const secure = cameOverHttps(headers);
  let pair = instances.get(db);
  if (!pair) instances.set(db, (pair = {}));
  return secure ? (pair.secure ??= configure(db, true)) : (pair.plain ??= configure(db, false));
}
