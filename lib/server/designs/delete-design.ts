import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { DesignRef } from "./schemas";

/** Deletes the design and (by the foreign key's cascade) all its revisions. */
export async function deleteDesign({ ctx, input }: { ctx: AppContext; input: DesignRef }): Promise<{ id: string }> {
  const { count } = await ctx.db.design.deleteMany({ where: { id: input.id } });
  if (count === 0) throw new NotFoundError(`Design ${input.id} does not exist`);
  return { id: input.id };
}
