import type { Db } from "@/lib/db";

/**
 * Every row of every table (but the migration log, rate-limit counters and the audit trail, which
 * records refused attempts too), hashed per table: equal fingerprints before and after a request
 * mean it changed nothing stored.
 */
export async function dbFingerprint(db: Db): Promise<string> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'rate_limit', 'audit_events') ORDER BY tablename`;
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h FROM "${tablename}" t`,
    );
    parts.push(`${tablename}:${row.n}:${row.h}`);
  }
  return parts.join("\n");
}
