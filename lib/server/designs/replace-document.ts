import { randomUUID } from "node:crypto";
import { isUniqueViolation, toJson } from "@/lib/db";
import type { Design } from "@/lib/domain/design";
import type { Ctx } from "../context";
import { ConflictError, NotFoundError } from "../errors";

/**
 * The one write path for a new version (save and restore), in one transaction:
 * 1. lock the row and compare its version with the caller's (stale → ConflictError, nothing written);
 * 2. copy the document being replaced into design_revisions inside the database — a design
 *    can approach 1 MiB, and reading it out only to send it back would double the cost of a save;
 * 3. compare-and-set `UPDATE … WHERE id AND version = expected`, checked by its row count.
 */
export async function replaceDocument(
  ctx: Ctx,
  args: { id: string; expectedVersion: number; document: Design; name?: string },
): Promise<{ version: number }> {
  const { id, expectedVersion } = args;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ version: number }[]>`
        SELECT "version" FROM "designs" WHERE "id" = ${id}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new NotFoundError(`Design ${id} does not exist`);
      if (locked[0].version !== expectedVersion) throw new ConflictError(locked[0].version);
      const now = ctx.clock.now();
      await tx.$executeRaw`
        INSERT INTO "design_revisions" ("id", "design_id", "version", "name", "document", "created_at")
        SELECT ${randomUUID()}::uuid, "id", "version", "name", "document", ${now}
        FROM "designs" WHERE "id" = ${id}::uuid`;
      const { count } = await tx.design.updateMany({
        where: { id, version: expectedVersion },
        data: {
          document: toJson(args.document),
          version: expectedVersion + 1,
          updatedAt: now,
          ...(args.name !== undefined ? { name: args.name } : {}),
        },
      });
      // Cannot happen while the row is locked; kept so a future refactor cannot silently lose the check.
      if (count !== 1) throw new ConflictError(expectedVersion + 1);
      return { version: expectedVersion + 1 };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(expectedVersion + 1);
    throw err;
  }
}
