import { toJson } from "@/lib/db";
import { emptyDesign } from "@/lib/domain/design";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { checkDocument } from "./limits";
import type { CreateDesignInput } from "./schemas";

export async function createDesign({ ctx, input }: { ctx: AppContext; input: CreateDesignInput }): Promise<{ id: string; version: number }> {
  const document = input.document === undefined ? emptyDesign() : checkDocument(input.document).design;
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.design.create({
      data: { name: input.name, description: input.description ?? "", document: toJson(document), createdAt: now, updatedAt: now },
      select: { id: true, version: true },
    });
    await recordAudit(tx, ctx, { target: { type: "design", id: row.id }, after: { name: input.name, version: row.version } });
    return row;
  });
}
