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
  const { count } = await ctx.db.design.updateMany({
    where: { id: input.id },
    data: { name: input.name, updatedAt: ctx.clock.now(), ...(input.description !== undefined ? { description: input.description } : {}) },
  });
  if (count === 0) throw new NotFoundError(`Design ${input.id} does not exist`);
  const row = await ctx.db.design.findUniqueOrThrow({ where: { id: input.id }, select: { id: true, name: true, description: true } });
  return row;
}
