import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { DesignRef } from "./schemas";

/** Deletes the design and (by the foreign key's cascade) all its revisions. */
export async function deleteDesign({ ctx, input }: { ctx: AppContext; input: DesignRef }): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.design.findUnique({ where: { id: input.id }, select: { name: true, version: true } });
    const { count } = await tx.design.deleteMany({ where: { id: input.id } });
    if (!before || count === 0) throw new NotFoundError(`Design ${input.id} does not exist`);
    await recordAudit(tx, ctx, { target: { type: "design", id: input.id }, before });
    return { id: input.id };
  });
}
