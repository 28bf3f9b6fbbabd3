import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "@/lib/db";
import { auditRow, markRecorded } from "../audit";
import type { AppContext } from "../context";
import { ConflictError, NotFoundError } from "../errors";

type Outcome = { current: number | null; updated: number | null };

/**
 * The one write path for a new version (save and restore), as ONE statement, so it is atomic
 * without an interactive transaction and costs a single round trip (a design can approach
 * 1 MiB, and saves happen on every debounced canvas edit):
 * - `cur` reads the stored version;
 * - `rev` copies the document being replaced into design_revisions inside the database, only
 *   when the caller saw the stored version (reading it out to send it back would double the cost);
 * - `upd` is the compare-and-set `UPDATE … WHERE id AND version = expected`;
 * - `aud` appends the audit trail's row, only when `upd` wrote (so in the same transaction).
 * A concurrent save of the same version either finds the row changed when its UPDATE gets the
 * row lock (0 rows → conflict) or collides on the (design_id, version) revision key (→ conflict);
 * either way the statement fails or writes nothing.
 */
export async function replaceDocument(
  ctx: AppContext,
  args: { id: string; expectedVersion: number; json: string; name?: string },
): Promise<{ version: number }> {
  const { id, expectedVersion } = args;
  const now = ctx.clock.now();
  const a = auditRow(ctx, {
    target: { type: "design", id },
    before: { version: expectedVersion },
    after: { version: expectedVersion + 1, ...(args.name !== undefined ? { name: args.name } : {}) },
  });
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  let rows: Outcome[];
  try {
    rows = await ctx.db.$queryRaw<Outcome[]>`
      WITH cur AS (
        SELECT "id", "version", "name", "document" FROM "designs" WHERE "id" = ${id}::uuid
      ), rev AS (
        INSERT INTO "design_revisions" ("id", "design_id", "version", "name", "document", "created_at")
        SELECT ${randomUUID()}::uuid, "id", "version", "name", "document", ${now}
        FROM cur WHERE "version" = ${expectedVersion}
      ), upd AS (
        UPDATE "designs"
        SET "document" = ${args.json}::json, "version" = ${expectedVersion + 1}, "updated_at" = ${now},
            "name" = COALESCE(${args.name ?? null}::varchar, "name")
        WHERE "id" = ${id}::uuid AND "version" = ${expectedVersion}
        RETURNING "version"
      ), aud AS (
        INSERT INTO "audit_events" ("at", "actor_kind", "actor_id", "actor_email", "actor_role", "sign_in_method", "ip", "user_agent",
          "request_id", "action", "target_type", "target_id", "environment_id", "outcome", "reason", "before", "after")
        SELECT ${a.at}, ${a.actorKind}, ${a.actorId}::uuid, ${a.actorEmail}, ${a.actorRole}, ${a.signInMethod}, ${a.ip}, ${a.userAgent},
          ${a.requestId}, ${a.action}, ${a.targetType}, ${a.targetId}, ${a.environmentId}::uuid, ${a.outcome}, ${a.reason},
          ${json(a.before)}::json, ${json(a.after)}::json
        FROM upd
      )
      SELECT (SELECT "version" FROM cur) AS "current", (SELECT "version" FROM upd) AS "updated"`;
  } catch (err) {
    if (isUniqueViolation(err) || isUniqueViolationRaw(err)) throw new ConflictError(expectedVersion + 1);
    throw err;
  }
  const { current, updated } = rows[0] ?? { current: null, updated: null };
  if (current === null) throw new NotFoundError(`Design ${id} does not exist`);
  if (updated === null) throw new ConflictError(current === expectedVersion ? expectedVersion + 1 : current);
  markRecorded(ctx);
  return { version: updated };
}

/** Raw queries surface PostgreSQL's own code (23505) rather than Prisma's P2002. */
function isUniqueViolationRaw(err: unknown): boolean {
  const text = err instanceof Error ? err.message : String(err);
  return /23505|unique constraint/i.test(text);
}
