import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { markInterrupted } from "./apply-lease";
import { toView } from "./apply-record";
import type { ApplyRef } from "./schemas";
import type { ApplyView } from "./types";

export async function environmentNames(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await ctx.db.environment.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A running apply whose owner (on any instance) stopped heart-beating is reported, and stored,
 * as interrupted: whoever reads it first decides, once. One still heart-beating is running,
 * wherever it runs.
 */
export async function getApply({ ctx, input }: { ctx: AppContext; input: ApplyRef }): Promise<ApplyView> {
  await markInterrupted(ctx.db, { id: input.id }, ctx.applies.ttlMs);
  const row = await ctx.db.apply.findUnique({ where: { id: input.id } });
  if (!row) throw new NotFoundError(`Apply ${input.id} does not exist`);
  const names = await environmentNames(ctx, [row.environmentId]);
  return toView(row, names.get(row.environmentId) ?? "(deleted environment)");
}
