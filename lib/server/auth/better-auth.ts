import { betterAuth } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth, type GenericOAuthConfig } from "better-auth/plugins";
import { authDatabase, type Db } from "@/lib/db";
import { ROLES } from "@/lib/domain/access";
import { derivedSecret } from "../environments/secret-box";
import { enabledSsoProviders, type SsoProviderConfig } from "../sso/provider-record";
import { currentSsoAttempt, validateSsoUser } from "./sso-attempt";

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
export const AUTH_PATHS = ["/sign-in/email", "/sign-in/social", "/sign-out", "/get-session", "/change-password", "/ok", "/error"] as const;
/** Where an identity provider sends the browser back: /api/auth/callback/<provider id>. */
export const SSO_CALLBACK = /^\/callback\/[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * At sign-in, the session the browser already had (someone else's, or this person's own) ends:
 * a cookie set before sign-in is never the one that carries it (session fixation).
 */
const endPreviousSessionAtSignIn = createAuthMiddleware(async (ctx) => {
  if (!ctx.path.startsWith("/sign-in") && !ctx.path.startsWith("/callback/")) return;
  const fresh = ctx.context.newSession;
  if (!fresh) return;
  const attempt = currentSsoAttempt();
  if (attempt) Object.assign(attempt, { userId: fresh.user.id, sessionId: fresh.session.id });
  const previous = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
  if (previous && previous !== fresh.session.token) await ctx.context.internalAdapter.deleteSession(previous);
});

/**
 * An admin's provider as better-auth's generic OAuth plugin takes it: endpoints from the
 * issuer's discovery document, the ID token verified against its JWKS (issuer, audience, nonce),
 * PKCE and state as the library does them.
 */
function genericConfig(p: SsoProviderConfig): GenericOAuthConfig {
  return {
    providerId: p.id, name: p.label, discoveryUrl: `${p.issuer}/.well-known/openid-configuration`,
    clientId: p.clientId, clientSecret: p.clientSecret, scopes: p.scopes, pkce: true, requireIdTokenVerification: true,
  };
}

function configure(db: Db, secure: boolean, providers: readonly SsoProviderConfig[] = []) {
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
      // Single sign-on: the identity provider's groups must map to a role (sso-attempt.ts).
      validateUserInfo: validateSsoUser(providers),
    },
    account: {
      // An SSO sign-in with the email of a person invited with a password joins that person
      // only when the identity provider says it verified the address.
      accountLinking: { enabled: true, requireLocalEmailVerified: false, trustedProviders: [] },
      // The provider's access and refresh tokens are kept (better-auth stores them), encrypted.
      encryptOAuthTokens: true,
    },
    databaseHooks: {
      user: {
        create: {
          // A person single sign-on creates gets the role and groups their claims map to.
          before: async (user) => {
            const attempt = currentSsoAttempt();
            if (!attempt?.role) return;
            return { data: { ...user, role: attempt.role, groups: attempt.groups ?? [] } };
          },
          after: async () => {
            const attempt = currentSsoAttempt();
            if (attempt) attempt.created = true;
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            const attempt = currentSsoAttempt();
            if (!attempt?.role) return;
            return { data: { ...session, signInMethod: `sso:${attempt.providerId}` } };
          },
        },
      },
    },
    // A failed single sign-on comes back to the sign-in page, which says why.
    onAPIError: { errorURL: "/sign-in" },
    session: {
      additionalFields: {
        signInMethod: { type: "string", required: false, defaultValue: "password", input: false },
      },
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
    plugins: [genericOAuth({ config: providers.map(genericConfig) }), nextCookies()],
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

type SsoInstances = { key: string; secure?: Auth; plain?: Auth };
const ssoInstances = ((globalThis as typeof globalThis & { __stevedoreSsoAuth?: WeakMap<Db, SsoInstances> }).__stevedoreSsoAuth ??= new WeakMap());

/**
 * The better-auth instance that knows the enabled single sign-on providers, for starting and
 * finishing an SSO sign-in. Read from the database at each such request; when an admin saved,
 * enabled or disabled a provider, a new instance is configured (discovery runs again).
 */
export async function ssoAuthFor(db: Db, headers: Headers): Promise<{ auth: Auth; providers: SsoProviderConfig[] }> {
  const providers = await enabledSsoProviders(db);
  const key = providers.map((p) => p.version).join(",");
  let set = ssoInstances.get(db);
  if (!set || set.key !== key) ssoInstances.set(db, (set = { key }));
  const secure = cameOverHttps(headers);
  const auth = secure ? (set.secure ??= configure(db, true, providers)) : (set.plain ??= configure(db, false, providers));
  return { auth, providers };
}
