import { getDb } from "@/lib/db";
import { pruneAuditTrail } from "./audit";
import { prepareSignIn } from "./auth/setup";
import { systemClock } from "./context";

const RETRY_MS = 5_000;
const DAY_MS = 86_400_000;

/** The audit trail's retention job: at start and then daily (the only deletion the table allows). */
async function pruneAuditDaily(): Promise<void> {
  try {
    const removed = await pruneAuditTrail(await getDb(), systemClock.now());
    if (removed > 0) console.log(`[stevedore] Removed ${removed} audit rows older than the retention window.`);
  } catch (err) {
    console.error("[stevedore] Pruning the audit trail failed:", err instanceof Error ? err.message : err);
  }
  setTimeout(() => void pruneAuditDaily(), DAY_MS).unref();
}

/**
 * Start-up work of the server process (instrumentation.ts): open and migrate the database, then
 * get sign-in ready (the admin from the environment, or the setup token). A database that is not
 * up yet is tried again in the background, so the token still appears once it is.
 */
export async function startUp(): Promise<void> {
  try {
    await prepareSignIn(await getDb(), systemClock, process.env);
    void pruneAuditDaily();
  } catch (err) {
    console.error(`[stevedore] Could not prepare sign-in (trying again in ${RETRY_MS / 1000} s):`, err instanceof Error ? err.message : err);
    setTimeout(() => void startUp(), RETRY_MS).unref();
  }
}
