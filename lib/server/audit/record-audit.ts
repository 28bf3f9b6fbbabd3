import { toJson, type Db, type DbTransaction } from "@/lib/db";
import { redact } from "@/lib/domain/audit";
import type { AppContext } from "../context";

export type AuditOutcome = "ok" | "denied" | "failed";
export type AuditTargetType = "design" | "environment" | "apply" | "person" | "invitation" | "session" | "setup" | "lesson" | "sandbox" | "sso-provider" | "apply-request" | "access-key";

export type AuditEntry = {
  /** Defaults to the request's permission-table key. */
  action?: string;
  target?: { type: AuditTargetType; id: string };
  environmentId?: string | null;
  outcome?: AuditOutcome;
  reason?: string;
  /** What the target was and became; redacted before it is stored. */
  before?: unknown;
  after?: unknown;
};

/** Who and where: an operation's context, or start-up's own actor and clock. */
export type AuditSource = Pick<AppContext, "actor" | "clock" | "request">;

// Contexts whose request wrote its own row, so the runner does not add a generic one.
const recorded = new WeakSet<object>();

export function wasRecorded(source: AuditSource): boolean {
  return recorded.has(source);
}

/** For a writer that appended its row itself (in SQL, in its own statement). */
export function markRecorded(source: AuditSource): void {
  recorded.add(source);
}

/** The row, column by column (replace-document.ts writes it from SQL, in its one statement). */
export function auditRow(source: AuditSource, entry: AuditEntry) {
  const { actor, request } = source;
  const person = actor.kind === "person" ? actor.person : undefined;
  return {
    at: source.clock.now(),
    actorKind: actor.kind,
    actorId: person?.id ?? null,
    actorEmail: person?.email ?? (actor.kind === "system" ? actor.name : null),
    actorRole: person?.role ?? null,
    // How the session was signed in: "password", "sso:<provider id>", or "access-key" (SigV4 on the sandbox).
    signInMethod: actor.kind === "person" ? (actor.accessKeyId ? "access-key" : actor.signInMethod ?? "password") : null,
    ip: request?.ip ?? null,
    userAgent: request?.userAgent ?? null,
    requestId: request?.requestId ?? null,
    action: entry.action ?? request?.action ?? "unknown",
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    environmentId: entry.environmentId ?? null,
    outcome: entry.outcome ?? "ok",
    reason: entry.reason ?? null,
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
    actingForId: actor.kind === "system" ? actor.actingFor?.id ?? null : null,
    actingForEmail: actor.kind === "system" ? actor.actingFor?.email ?? null : null,
  };
}

/**
 * Appends one row to the audit trail. Pass the transaction of the change it records, so both
 * commit or neither does.
 */
export async function recordAudit(db: Db | DbTransaction, source: AuditSource, entry: AuditEntry): Promise<void> {
  const { before, after, ...row } = auditRow(source, entry);
  await db.auditEvent.create({
    // Left out, a JSON column is SQL NULL (a JSON null would be a value).
    data: { ...row, ...(before !== null ? { before: toJson(before) } : {}), ...(after !== null ? { after: toJson(after) } : {}) },
  });
  recorded.add(source);
}
