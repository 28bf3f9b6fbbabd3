import type { Db } from "@/lib/db";

// One poller per (environment, cluster) across every server instance sharing the database: the
// instance holding the lease row polls ECS; the others read its snapshots. The holder renews on
// every refresh; a row whose expiry has passed can be taken by anyone.

export async function acquireLease(db: Db, args: { envId: string; cluster: string; holder: string; now: Date; ttlMs: number }): Promise<boolean> {
  const expires = new Date(args.now.getTime() + args.ttlMs);
  const rows = await db.$queryRawUnsafe<{ holder: string }[]>(
    `INSERT INTO "monitor_leases" ("environment_id", "cluster", "holder", "expires_at", "acquired_at")
     VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)
     ON CONFLICT ("environment_id", "cluster") DO UPDATE
       SET "holder" = EXCLUDED."holder", "expires_at" = EXCLUDED."expires_at",
           "acquired_at" = CASE WHEN "monitor_leases"."holder" = EXCLUDED."holder" THEN "monitor_leases"."acquired_at" ELSE EXCLUDED."acquired_at" END
       WHERE "monitor_leases"."holder" = EXCLUDED."holder" OR "monitor_leases"."expires_at" <= EXCLUDED."acquired_at"
     RETURNING "holder"`,
    args.envId, args.cluster, args.holder, expires.toISOString(), args.now.toISOString(),
  );
  return rows.length === 1 && rows[0].holder === args.holder;
}

/** Lets another instance take over at once (a clean shutdown). */
export async function releaseLease(db: Db, args: { envId: string; cluster: string; holder: string }): Promise<void> {
  await db.$executeRawUnsafe(
    `DELETE FROM "monitor_leases" WHERE "environment_id" = $1 AND "cluster" = $2 AND "holder" = $3`,
    args.envId, args.cluster, args.holder,
  );
}

export async function leaseHolder(db: Db, envId: string, cluster: string): Promise<{ holder: string; expiresAt: Date } | undefined> {
  const rows = await db.$queryRawUnsafe<{ holder: string; expires_at: Date }[]>(
    `SELECT "holder", "expires_at" FROM "monitor_leases" WHERE "environment_id" = $1 AND "cluster" = $2`, envId, cluster);
  return rows[0] ? { holder: rows[0].holder, expiresAt: new Date(rows[0].expires_at) } : undefined;
}
