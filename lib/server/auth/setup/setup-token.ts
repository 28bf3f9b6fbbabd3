import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { pgliteDataDir, type Db, type DbTransaction } from "@/lib/db";
import type { Clock } from "../../context";
import { hashToken, newToken } from "../tokens";

// First run: while nobody is an admin, the server issues a one-time setup token at start-up,
// prints it to its log and writes it to a file beside the data directory (mode 0600). Only the
// token's SHA-256 is stored (auth_setup, one row). Whoever holds the token creates the first
// admin; that closes setup in the same transaction.

/** Beside the data directory, like the secret key file: `.data/pglite-setup-token`. */
export function setupTokenFile(): string | undefined {
  const dir = pgliteDataDir();
  return dir.startsWith("memory://") ? undefined : `${dir.replace(/\/+$/, "")}-setup-token`;
}

/** Setup is open exactly while no admin exists (an emptied database opens it again at the next start). */
export async function setupOpen(db: Db | DbTransaction): Promise<boolean> {
  return (await db.user.count({ where: { role: "admin" } })) === 0;
}

/**
 * A new token for this start, replacing any earlier one (only the newest works). Several
 * instances starting together on one database each print their own; the last to start wins.
 */
export async function issueSetupToken(db: Db, clock: Clock): Promise<string> {
  const token = newToken();
  const row = { tokenHash: hashToken(token), issuedAt: clock.now(), completedAt: null, completedBy: null };
  await db.authSetup.upsert({ where: { id: 1 }, create: { id: 1, ...row }, update: row });
  return token;
}

export async function writeSetupTokenFile(token: string): Promise<string | undefined> {
  const file = setupTokenFile();
  if (!file) return undefined;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created; an older file keeps its own.
  await chmod(file, 0o600);
  return file;
}

export async function removeSetupTokenFile(): Promise<void> {
  const file = setupTokenFile();
  if (file) await rm(file, { force: true });
}

/**
 * Marks setup done for `adminId` inside the caller's transaction, if `token` is the current one
 * (any token when `token` is undefined: the admin came from the environment variables).
 * Returns false when the token is wrong or setup was already done.
 */
export async function closeSetup(tx: DbTransaction, clock: Clock, adminId: string, token?: string): Promise<boolean> {
  if (token === undefined) {
    const done = { completedAt: clock.now(), completedBy: adminId };
    await tx.authSetup.upsert({ where: { id: 1 }, create: { id: 1, tokenHash: "", issuedAt: clock.now(), ...done }, update: done });
    return true;
  }
  // Conditional on the row's state, so of two requests racing with the token only one wins.
  const claimed = await tx.authSetup.updateMany({
    where: { id: 1, tokenHash: hashToken(token), completedAt: null },
    data: { completedAt: clock.now(), completedBy: adminId },
  });
  return claimed.count === 1;
}
