import { z } from "zod";
import type { AppContext } from "../context";
import { markInterrupted } from "./apply-lease";
import { toSummary } from "./apply-record";
import type { ApplySummary } from "./types";

export const ListEnvironmentAppliesInputSchema = z.object({ environmentId: z.uuid(), limit: z.number().int().min(1).max(100).default(20) });
export type ListEnvironmentAppliesInput = z.input<typeof ListEnvironmentAppliesInputSchema>;

/** An apply as an environment's page lists it: with its design's name (null once the design is deleted). */
export type EnvironmentApply = ApplySummary & { designName: string | null };

/** The latest applies to one environment, of every design, newest first. */
export async function listEnvironmentApplies({ ctx, input }: { ctx: AppContext; input: ListEnvironmentAppliesInput }): Promise<EnvironmentApply[]> {
  const { environmentId, limit } = ListEnvironmentAppliesInputSchema.parse(input);
  await markInterrupted(ctx.db, { environmentId }, ctx.applies.ttlMs);
  const rows = await ctx.db.apply.findMany({ where: { environmentId }, orderBy: { startedAt: "desc" }, take: limit });
  const [env, designs] = await Promise.all([
    ctx.db.environment.findUnique({ where: { id: environmentId }, select: { name: true } }),
    ctx.db.design.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.designId))] } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(designs.map((d) => [d.id, d.name]));
  return rows.map((r) => ({ ...toSummary(r, env?.name ?? "(deleted environment)"), designName: names.get(r.designId) ?? null }));
}
