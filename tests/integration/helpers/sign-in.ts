import { afterAll, beforeAll } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { getDb, type Db } from "@/lib/db";
import type { Person, Role } from "@/lib/domain/access";
import { hashPassword, insertPerson } from "@/lib/server/auth/person-record";
import { requestScope } from "./request-scope";
import { createTestDatabase, type TestDatabase } from "./test-database";

// People and sessions the way a browser gets them: a row made like an accepted invite, then a
// real sign-in through the app's /api/auth endpoint, whose Set-Cookie is the session.

export const ORIGIN = "http://stevedore.test";
export const PASSWORD = "correct horse battery staple";

let address = 0;
/** A client address of its own per sign-in, so tests never share a rate-limit bucket by accident. */
export const nextAddress = () => `198.51.100.${(address++ % 250) + 1}`;

export function browserHeaders(extra: HeadersInit = {}): Headers {
  const h = new Headers({ host: new URL(ORIGIN).host, origin: ORIGIN, "x-forwarded-for": nextAddress(), "user-agent": "vitest" });
  for (const [k, v] of new Headers(extra)) h.set(k, v);
  return h;
}

export function authRequest(path: string, body: unknown, headers: HeadersInit = {}): Promise<Response> {
  const h = browserHeaders(headers);
  h.set("content-type", "application/json");
  const req = new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers: h, body: JSON.stringify(body) });
  return authPost(req, { params: Promise.resolve({ all: path.split("/").filter(Boolean) }) });
}

/** `name=value` of the session cookie a response set ("" when it cleared it). */
export function sessionCookie(res: Response): string | undefined {
  const set = res.headers.getSetCookie().find((c) => /^(__Secure-)?stevedore\.session_token=/.test(c));
  return set?.split(";")[0];
}

let people = 0;
export async function createPerson(db: Db, role: Role, email = `${role}-${++people}-${Date.now()}@example.com`): Promise<Person> {
  const passwordHash = await hashPassword(db, PASSWORD);
  return db.$transaction((tx) => insertPerson(tx, { name: `${role} ${people}`, email, passwordHash, role }));
}

export type SignedIn = { person: Person; cookie: string; headers: Headers };

export async function signIn(email: string, password = PASSWORD, headers: HeadersInit = {}): Promise<Response> {
  return authRequest("/sign-in/email", { email, password }, headers);
}

/** A new person of `role`, signed in: the cookie and the headers their browser would send. */
export async function signedIn(db: Db, role: Role): Promise<SignedIn> {
  const person = await createPerson(db, role);
  const res = await signIn(person.email);
  const cookie = sessionCookie(res);
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return { person, cookie, headers: browserHeaders({ cookie }) };
}

export type SignedInApp = { tdb: TestDatabase; db: Db; admin: SignedIn };

/**
 * For a test file: a database of its own with the app pointed at it and a signed-in admin,
 * made before the file's tests and dropped after them. Read the fields inside tests and hooks.
 * `memorySandbox`: the built-in sandbox (reached in-process) keeps its state in memory meanwhile.
 */
export function signedInApp(opts: { memorySandbox?: boolean } = {}): SignedInApp {
  const app = {} as SignedInApp;
  const savedStore = process.env.STEVEDORE_SANDBOX_STORE;
  beforeAll(async () => {
    if (opts.memorySandbox) process.env.STEVEDORE_SANDBOX_STORE = "memory";
    app.tdb = await createTestDatabase();
    app.tdb.useForApp();
    app.db = await getDb();
    app.admin = await signedIn(app.db, "admin");
  });
  afterAll(async () => {
    requestScope.clear();
    await app.tdb.drop();
    if (!opts.memorySandbox) return;
    if (savedStore === undefined) delete process.env.STEVEDORE_SANDBOX_STORE;
    else process.env.STEVEDORE_SANDBOX_STORE = savedStore;
  });
  return app;
}
