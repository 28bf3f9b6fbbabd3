import type { Db } from "@/lib/db";
import type { Clock } from "../../context";
import { adminFromEnv, type Env } from "./admin-from-env";
import { issueSetupToken, removeSetupTokenFile, setupOpen, writeSetupTokenFile } from "./setup-token";

type Log = (line: string) => void;

/**
 * What the server does about sign-in when it starts (instrumentation.ts): the admin from the
 * environment variables if there is none, else, while nobody is an admin, a fresh setup token in
 * the log and in the token file.
 */
export async function prepareSignIn(db: Db, clock: Clock, env: Env, log: Log = console.log): Promise<{ setupToken?: string }> {
  const fromEnv = await adminFromEnv(db, clock, env);
  if (fromEnv.outcome === "created") log(`[stevedore] Created the first admin, ${fromEnv.admin.email}, from STEVEDORE_ADMIN_EMAIL.`);
  if (fromEnv.outcome === "invalid") log(`[stevedore] Did not create an admin from the environment: ${fromEnv.problems.join("; ")}.`);
  if (!(await setupOpen(db))) {
    await removeSetupTokenFile();
    return {};
  }
  const token = await issueSetupToken(db, clock);
  const file = await writeSetupTokenFile(token);
  const url = `${env.STEVEDORE_URL?.replace(/\/+$/, "") || `http://localhost:${env.PORT || 3000}`}/setup`;
  log(`[stevedore] No admin yet. Open ${url} and enter this one-time setup token:`);
  log(`[stevedore]   ${token}`);
  if (file) log(`[stevedore] (The token is also in ${file}, readable only by this user.)`);
  return { setupToken: token };
}
