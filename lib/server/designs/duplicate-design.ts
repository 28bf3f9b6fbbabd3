import { toJson } from "@/lib/db";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { DuplicateDesignInput } from "./schemas";

/** A fresh design (version 1, no revisions) with the current document of another. */
export async function duplicateDesign(
  { ctx, input }: { ctx: AppContext; input: DuplicateDesignInput },
): Promise<{ id: string; version: number }> {
  const source = await ctx.db.design.findUnique({ where: { id: input.id }, select: { name: true, description: true, document: true } });
  if (!source) throw new NotFoundError(`Design ${input.id} does not exist`);
  const now = ctx.clock.now();
  const name = input.name ?? `Copy of ${source.name}`.slice(0, 200);
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.design.create({
      data: { name, description: source.description, document: toJson(source.document), createdAt: now, updatedAt: now },
      select: { id: true, version: true },
    });
    await recordAudit(tx, ctx, { target: { type: "design", id: row.id }, after: { name, version: row.version, copyOf: input.id } });
    return row;
  });
}
