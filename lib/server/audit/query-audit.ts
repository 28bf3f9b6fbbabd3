import { z } from "zod";
import type { AppContext } from "../context";

const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

/** The audit page's and export's filters, as query parameters. */
export const AuditQuerySchema = z.object({
  /** A person's email (or part of it). */
  person: optional(z.string().trim().max(254)),
  action: optional(z.string().trim().max(100)),
  environmentId: optional(z.uuid({ message: "Not an environment's id" })),
  targetType: optional(z.enum(["design", "environment", "apply", "person", "invitation", "session", "setup", "lesson", "sandbox", "sso-provider", "apply-request", "access-key"])),
  targetId: optional(z.string().trim().max(100)),
  outcome: optional(z.enum(["ok", "denied", "failed"])),
  from: optional(z.coerce.date({ message: "A date and time, like 2026-12-01T09:00" })),
  to: optional(z.coerce.date({ message: "A date and time, like 2026-12-01T18:00" })),
  limit: optional(z.coerce.number().int().min(1).max(10_000)).default(200),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export type AuditView = {
  id: string;
  at: string;
  actor: {
    kind: string; id: string | null; email: string | null; role: string | null; signInMethod: string | null;
    /** A system actor's person (the apply runner running someone's apply). */
    actingFor: { id: string | null; email: string } | null;
  };
  from: { ip: string | null; userAgent: string | null; requestId: string | null };
  action: string;
  target: { type: string; id: string } | null;
  environmentId: string | null;
  outcome: string;
  reason: string | null;
  before: unknown;
  after: unknown;
};

/** Audit rows matching the filters, newest first. */
export async function queryAudit({ ctx, input }: { ctx: AppContext; input: AuditQuery }): Promise<AuditView[]> {
  const rows = await ctx.db.auditEvent.findMany({
    where: {
      // A person's rows include what the server did for them (the apply runner's).
      ...(input.person ? { OR: [{ actorEmail: { contains: input.person.toLowerCase() } }, { actingForEmail: { contains: input.person.toLowerCase() } }] } : {}),
      ...(input.action ? { action: input.action } : {}),
      ...(input.environmentId ? { environmentId: input.environmentId } : {}),
      ...(input.targetType ? { targetType: input.targetType } : {}),
      ...(input.targetId ? { targetId: input.targetId } : {}),
      ...(input.outcome ? { outcome: input.outcome } : {}),
      ...(input.from || input.to ? { at: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
    },
    orderBy: { id: "desc" },
    take: input.limit,
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actor: {
      kind: r.actorKind, id: r.actorId, email: r.actorEmail, role: r.actorRole, signInMethod: r.signInMethod,
      actingFor: r.actingForEmail ? { id: r.actingForId, email: r.actingForEmail } : null,
    },
    from: { ip: r.ip, userAgent: r.userAgent, requestId: r.requestId },
    action: r.action,
    target: r.targetType && r.targetId ? { type: r.targetType, id: r.targetId } : null,
    environmentId: r.environmentId,
    outcome: r.outcome,
    reason: r.reason,
    before: r.before,
    after: r.after,
  }));
}

/** One JSON object per line, for `jq` and log pipelines. */
export const toNdjson = (rows: AuditView[]) => rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
