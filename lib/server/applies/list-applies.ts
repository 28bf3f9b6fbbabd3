import { z } from "zod";
import type { AppContext } from "../context";
import { markInterrupted } from "./apply-lease";
import { toSummary } from "./apply-record";
import { environmentNames } from "./get-apply";
import type { ApplySummary } from "./types";

export const ListAppliesInputSchema = z.object({ designId: z.uuid(), limit: z.number().int().min(1).max(100).default(20) });
export type ListAppliesInput = z.infer<typeof ListAppliesInputSchema>;

/** Newest first; running applies whose owner stopped are reported interrupted, as getApply does. */
export async function listApplies({ ctx, input }: { ctx: AppContext; input: ListAppliesInput }): Promise<ApplySummary[]> {
  await markInterrupted(ctx.db, { designId: input.designId }, ctx.applies.ttlMs);
  const rows = await ctx.db.apply.findMany({ where: { designId: input.designId }, orderBy: { startedAt: "desc" }, take: input.limit });
  const names = await environmentNames(ctx, rows.map((r) => r.environmentId));
  return rows.map((r) => toSummary(r, names.get(r.environmentId) ?? "(deleted environment)"));
}
