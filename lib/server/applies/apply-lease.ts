import type { Db, DbTransaction } from "@/lib/db";

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
 * only one of them writes. Scoped to one apply, a design (and environment), or an environment.
 * The same statement appends the audit trail's row of each apply it interrupts (the apply
 * runner's, for the person who started or last resumed it), so the row is written exactly once.
 */
export async function markInterrupted(
  db: Db, scope: { id: string } | { designId: string; environmentId?: string } | { environmentId: string }, ttlMs: number,
): Promise<number> {
  const [column, value, env] = "id" in scope ? ["id", scope.id, undefined]
    : "designId" in scope ? ["design_id", scope.designId, scope.environmentId] : ["environment_id", scope.environmentId, undefined];
  return db.$executeRawUnsafe(
    `WITH changed AS (
       UPDATE "applies" SET "status" = 'interrupted', "error" = $3
       WHERE "${column}" = $1::uuid AND ($4::uuid IS NULL OR "environment_id" = $4::uuid) AND "status" = 'running'
         AND ("heartbeat_at" IS NULL OR "heartbeat_at" < now() - make_interval(secs => $2::double precision / 1000))
       RETURNING "id", "environment_id", "owner", "heartbeat_at", "started_by", "steps"
     )
     INSERT INTO "audit_events" ("at", "actor_kind", "actor_email", "action", "target_type", "target_id", "environment_id",
       "outcome", "reason", "before", "after", "acting_for_id", "acting_for_email")
     SELECT now(), 'system', 'apply-runner', 'apply.interrupted', 'apply', "id"::text, "environment_id", 'failed', $3,
       json_build_object('status', 'running', 'owner', "owner", 'heartbeatAt', "heartbeat_at"), json_build_object('status', 'interrupted'),
       (COALESCE("steps"::jsonb #> '{resumes,-1,resumedBy}', "started_by")->>'id')::uuid,
       COALESCE("steps"::jsonb #> '{resumes,-1,resumedBy}', "started_by")->>'email'
     FROM changed`,
    value, ttlMs, INTERRUPTED_MESSAGE, env ?? null,
  );
}

/**
 * Takes an interrupted apply over for `owner`: it is running again, with a fresh heartbeat.
 * False when it was not interrupted any more (someone else resumed it first). Throws Prisma's
 * unique violation when another apply of the design to the environment is running meanwhile.
 */
export async function claimInterrupted(db: Db | DbTransaction, args: { id: string; owner: string }): Promise<boolean> {
  const n = await db.$executeRawUnsafe(
    `UPDATE "applies" SET "status" = 'running', "owner" = $2, "heartbeat_at" = now(), "error" = NULL, "finished_at" = NULL
     WHERE "id" = $1::uuid AND "status" = 'interrupted'`,
    args.id, args.owner,
  );
  return n === 1;
}
