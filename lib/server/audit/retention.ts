import type { Db } from "@/lib/db";

export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

export function auditRetentionDays(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.STEVEDORE_AUDIT_RETENTION_DAYS);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_AUDIT_RETENTION_DAYS;
}

/**
 * The one deletion the audit trail allows: rows older than the retention window. The table's
 * trigger refuses every other UPDATE and DELETE; this transaction says it is the retention job.
 */
export async function pruneAuditTrail(db: Db, now: Date, days = auditRetentionDays()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL stevedore.audit_retention = 'on'`);
    return tx.auditEvent.deleteMany({ where: { at: { lt: cutoff } } }).then((r) => r.count);
  });
}
