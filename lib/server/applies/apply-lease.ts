import type { Db } from "@/lib/db";

// Who runs an apply, decided in the database like the monitor's poller lease (monitor/lease.ts):
// the row names its owner (an ApplyRunner's holder id) and the owner renews `heartbeat_at` while
// it runs. Times are the database's own clock (`now()`), so instances whose clocks disagree still
// agree on who is alive. Every write of the owner is conditional on still owning a running row,
// so an owner that was declared dead and comes back cannot overwrite what its successor records.

export const INTERRUPTED_MESSAGE = "Interrupted: the server running this apply stopped answering. Resume it to finish what is left.";

/** Renews the owner's heartbeat; false when the apply is no longer this owner's running apply. */
export async function renewApplyLease(db: Db, args: { id: string; owner: string }): Promise<boolean> {
  const n = await db.$executeRawUnsafe(
    `UPDATE "applies" SET "heartbeat_at" = now() WHERE "id" = $1::uuid AND "owner" = $2 AND "status" = 'running'`,
    args.id, args.owner,
  );
  return n === 1;
}

/**
 * Running applies whose owner has not heart-beaten within `ttlMs` become "interrupted". Whoever
 * looks decides, in one UPDATE, so two instances looking at once report it the same way and
 * only one of them writes. Scoped to one apply, or to a design (and environment).
 */
export async function markInterrupted(
  db: Db, scope: { id: string } | { designId: string; environmentId?: string }, ttlMs: number,
): Promise<number> {
  const [column, value, env] = "id" in scope ? ["id", scope.id, undefined] : ["design_id", scope.designId, scope.environmentId];
  return db.$executeRawUnsafe(
    `UPDATE "applies" SET "status" = 'interrupted', "error" = $3
     WHERE "${column}" = $1::uuid AND ($4::uuid IS NULL OR "environment_id" = $4::uuid) AND "status" = 'running'
       AND ("heartbeat_at" IS NULL OR "heartbeat_at" < now() - make_interval(secs => $2::double precision / 1000))`,
    value, ttlMs, INTERRUPTED_MESSAGE, env ?? null,
  );
}

/**
 * Takes an interrupted apply over for `owner`: it is running again, with a fresh heartbeat.
 * False when it was not interrupted any more (someone else resumed it first). Throws Prisma's
 * unique violation when another apply of the design to the environment is running meanwhile.
 */
export async function claimInterrupted(db: Db, args: { id: string; owner: string }): Promise<boolean> {
  const n = await db.$executeRawUnsafe(
    `UPDATE "applies" SET "status" = 'running', "owner" = $2, "heartbeat_at" = now(), "error" = NULL, "finished_at" = NULL
     WHERE "id" = $1::uuid AND "status" = 'interrupted'`,
    args.id, args.owner,
  );
  return n === 1;
}
