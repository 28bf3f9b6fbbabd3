import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb, type Db } from "@/lib/db";
import { ANONYMOUS, decide, PAGE_PERMISSIONS, type Actor, type PageRoute } from "@/lib/domain/access";
import { createAppContext, type AppContext } from "../context";
import { actorOf, hasSessionCookie } from "./request-actor";
import { setupOpen } from "./setup/setup-token";

/** The request's database and actor, looked up once per render however many components ask. */
export const currentActor = cache(async (): Promise<{ db: Db; actor: Actor }> => {
  // Headers first: rendering at build time stops here, before any database is opened.
  const requestHeaders = await headers();
  const db = await getDb();
  return { db, actor: await actorOf(db, requestHeaders) };
});

/** For the header: the signed-in person, or nobody (also when the database is not answering). */
export async function currentPersonForShell() {
  if (!hasSessionCookie(await headers())) return undefined;
  const { actor } = await currentActor().catch(() => ({ actor: ANONYMOUS }));
  return actor.kind === "person" ? actor.person : undefined;
}

// Setup closes for good once an admin exists; after that no page needs to ask again.
const setupClosed = new WeakSet<Db>();

async function needsSetup(db: Db): Promise<boolean> {
  if (setupClosed.has(db)) return false;
  if (await setupOpen(db)) return true;
  setupClosed.add(db);
  return false;
}

/** `/designs/[id]` with `{ id: "…" }` is `/designs/…`: where to come back to after signing in. */
function pathOf(page: PageRoute, params: Record<string, string>): string {
  return page.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}

/**
 * A page's context, behind its entry of the permission table. While nobody is an admin every
 * page leads to /setup; a page that needs a signed-in person sends nobody to /sign-in (and back
 * here afterwards), and a person without the role to the 403 page. Pages only show: what they
 * offer to do is checked again by the action that does it.
 */
export async function pageContext(page: PageRoute, params: Record<string, string> = {}): Promise<AppContext> {
  const { db, actor } = await currentActor();
  if (page !== "/setup" && (await needsSetup(db))) redirect("/setup");
  const refusal = decide(actor, PAGE_PERMISSIONS[page]);
  if (refusal?.code === "UNAUTHENTICATED") redirect(`/sign-in?next=${encodeURIComponent(pathOf(page, params))}`);
  if (refusal) forbidden();
  return createAppContext({ db, actor });
}

/** Whether setup is still to be done (the setup page shows its form only then). */
export async function setupPending(): Promise<boolean> {
  return needsSetup((await currentActor()).db);
}
