import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { toView } from "./apply-record";
import { runningApplies } from "./apply-runner";
import type { ApplyRef } from "./schemas";
import type { ApplyView } from "./types";

export async function environmentNames(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await ctx.db.environment.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A row still "running" that no apply of this process owns was cut off by a restart: it is
 * reported as failed (and stored so), since nothing will ever finish it.
 */
export async function getApply({ ctx, input }: { ctx: AppContext; input: ApplyRef }): Promise<ApplyView> {
  let row = await ctx.db.apply.findUnique({ where: { id: input.id } });
  if (!row) throw new NotFoundError(`Apply ${input.id} does not exist`);
  if (row.status === "running" && !runningApplies().has(row.id)) {
    row = await ctx.db.apply.update({
      where: { id: row.id },
      data: { status: "failed", error: "Interrupted: the server stopped while this apply ran. Plan again to see what is left.", finishedAt: ctx.clock.now() },
    });
  }
  const names = await environmentNames(ctx, [row.environmentId]);
  return toView(row, names.get(row.environmentId) ?? "(deleted environment)");
}
