import type { AppContext } from "../context";
import { ApplyRunningError } from "../errors";
import { markInterrupted } from "./apply-lease";

/** Throws ApplyRunningError naming the running apply, after turning a dead one interrupted. */
export async function refuseIfRunning(ctx: AppContext, designId: string, environmentId: string): Promise<void> {
  await markInterrupted(ctx.db, { designId, environmentId }, ctx.applies.ttlMs);
  const running = await ctx.db.apply.findFirst({ where: { designId, environmentId, status: "running" }, select: { id: true, startedAt: true } });
  if (running) throw new ApplyRunningError(running.id, running.startedAt);
}
