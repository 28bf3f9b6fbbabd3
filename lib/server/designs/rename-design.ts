import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { RenameDesignInput } from "./schemas";

/**
 * Names are metadata: renaming does not bump the version, so an editor open on the design
 * can still save without a conflict.
 */
export async function renameDesign(
  { ctx, input }: { ctx: AppContext; input: RenameDesignInput },
): Promise<{ id: string; name: string; description: string }> {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.design.findUnique({ where: { id: input.id }, select: { name: true, description: true } });
    const { count } = await tx.design.updateMany({
      where: { id: input.id },
      data: { name: input.name, updatedAt: ctx.clock.now(), ...(input.description !== undefined ? { description: input.description } : {}) },
    });
    if (!before || count === 0) throw new NotFoundError(`Design ${input.id} does not exist`);
    const row = await tx.design.findUniqueOrThrow({ where: { id: input.id }, select: { id: true, name: true, description: true } });
    await recordAudit(tx, ctx, { target: { type: "design", id: row.id }, before, after: { name: row.name, description: row.description } });
    return row;
  });
}
