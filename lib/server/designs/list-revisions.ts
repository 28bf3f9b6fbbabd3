import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { DesignRef } from "./schemas";
import type { RevisionSummary } from "./types";

/** Earlier versions of a design, newest first (the current version is the design itself, not listed). */
export async function listRevisions({ ctx, input }: { ctx: AppContext; input: DesignRef }): Promise<RevisionSummary[]> {
  const design = await ctx.db.design.findUnique({
    where: { id: input.id },
    select: { revisions: { orderBy: { version: "desc" }, select: { version: true, name: true, createdAt: true } } },
  });
  if (!design) throw new NotFoundError(`Design ${input.id} does not exist`);
  return design.revisions.map((r) => ({ version: r.version, name: r.name, createdAt: r.createdAt.toISOString() }));
}
