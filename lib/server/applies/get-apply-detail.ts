import type { AppContext } from "../context";
import { getApply } from "./get-apply";
import type { ApplyRef } from "./schemas";
import type { ApplyView } from "./types";

/** An apply's page: the apply and its design's name (null once the design is deleted). */
export async function getApplyDetail({ ctx, input }: { ctx: AppContext; input: ApplyRef }): Promise<{ apply: ApplyView; designName: string | null }> {
  const apply = await getApply({ ctx, input });
  const design = await ctx.db.design.findUnique({ where: { id: apply.designId }, select: { name: true } });
  return { apply, designName: design?.name ?? null };
}
