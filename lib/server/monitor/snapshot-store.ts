import type { Db } from "@/lib/db";
import type { ClusterSnapshot } from "@/lib/domain/monitor";
import type { CallFigures } from "./call-counter";

/** The latest state of one cluster's poller, as the holder shares it with the other instances. */
export type StoredSnapshot = {
  snapshot?: ClusterSnapshot;
  error?: string;
  /** When the holder last tried (success or not). */
  attemptedAt: string;
  intervalMs: number;
  calls: CallFigures;
  holder: string;
};

export async function writeSnapshot(db: Db, envId: string, cluster: string, s: StoredSnapshot): Promise<void> {
  // A failed refresh keeps the last good snapshot: viewers see old data flagged stale, not nothing.
  await db.$executeRawUnsafe(
    `INSERT INTO "monitor_snapshots" ("environment_id", "cluster", "taken_at", "snapshot", "error", "interval_ms", "calls", "holder", "updated_at")
     VALUES ($1, $2, $3::timestamptz, $4::json, $5, $6, $7::json, $8, $9::timestamptz)
     ON CONFLICT ("environment_id", "cluster") DO UPDATE SET
       "taken_at" = CASE WHEN EXCLUDED."snapshot" IS NULL THEN "monitor_snapshots"."taken_at" ELSE EXCLUDED."taken_at" END,
       "snapshot" = COALESCE(EXCLUDED."snapshot", "monitor_snapshots"."snapshot"),
       "error" = EXCLUDED."error", "interval_ms" = EXCLUDED."interval_ms", "calls" = EXCLUDED."calls",
       "holder" = EXCLUDED."holder", "updated_at" = EXCLUDED."updated_at"`,
    envId, cluster, s.snapshot?.takenAt ?? s.attemptedAt, s.snapshot ? JSON.stringify(s.snapshot) : null, s.error ?? null,
    s.intervalMs, JSON.stringify(s.calls), s.holder, s.attemptedAt,
  );
}

export async function readSnapshot(db: Db, envId: string, cluster: string): Promise<StoredSnapshot | undefined> {
  const rows = await db.$queryRawUnsafe<{ snapshot: string | null; error: string | null; interval_ms: number; calls: string; holder: string; updated_at: Date }[]>(
    `SELECT "snapshot"::text AS "snapshot", "error", "interval_ms", "calls"::text AS "calls", "holder", "updated_at"
     FROM "monitor_snapshots" WHERE "environment_id" = $1 AND "cluster" = $2`, envId, cluster);
  const r = rows[0];
  if (!r) return undefined;
  return {
    snapshot: r.snapshot ? (JSON.parse(r.snapshot) as ClusterSnapshot) : undefined, error: r.error ?? undefined,
    attemptedAt: new Date(r.updated_at).toISOString(), intervalMs: r.interval_ms, calls: JSON.parse(r.calls) as CallFigures, holder: r.holder,
  };
}
