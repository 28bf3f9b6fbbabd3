import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { loadEnvironmentRow, SANDBOX_ENVIRONMENT_ID, toView } from "./environment-record";
import { RefusedError } from "../errors";
import type { EnvironmentRef } from "./schemas";

/** Applies made to the environment stay on record (they name it by id). */
export async function deleteEnvironment({ ctx, input }: { ctx: AppContext; input: EnvironmentRef }): Promise<{ id: string }> {
  if (input.id === SANDBOX_ENVIRONMENT_ID) throw new RefusedError("The built-in sandbox cannot be deleted.");
  const current = await loadEnvironmentRow(ctx, input.id);
  const running = await ctx.db.apply.count({ where: { environmentId: input.id, status: "running" } });
  if (running > 0) throw new RefusedError("An apply to this environment is running; delete it when the apply has finished.");
  await ctx.db.$transaction(async (tx) => {
    await tx.environment.delete({ where: { id: input.id } });
    await recordAudit(tx, ctx, { target: { type: "environment", id: input.id }, environmentId: input.id, before: toView(current) });
  });
  return { id: input.id };
}
