import type { AppContext } from "../context";
import { readSnapshot } from "./snapshot-store";

import type { Figures, PollerFigures } from "@/lib/domain/monitor";

export type { Figures };

/** ECS calls per minute by operation, per cluster; a follower shows the holder's figures from the database. */
export async function getFigures({ ctx }: { ctx: AppContext }): Promise<Figures> {
  const pollers = await ctx.monitor.all();
  const out = await Promise.all(pollers.map(async (p): Promise<PollerFigures> => {
    const { envId, cluster } = p.ref;
    const stored = p.isHolder ? undefined : await readSnapshot(ctx.db, envId, cluster).catch(() => undefined);
    const perMinute = stored ? stored.calls : p.counter.perMinute();
    const totals: Record<string, number> = {};
    for (const m of perMinute) for (const [op, n] of Object.entries(m.calls)) totals[op] = (totals[op] ?? 0) + n;
    return {
      envId, cluster, holder: stored?.holder ?? ctx.monitor.holder, thisInstanceHolds: p.isHolder, polling: p.active,
      intervalMs: p.intervalMs, throttled: p.throttled, totals, perMinute,
    };
  }));
  return { instance: ctx.monitor.holder, pollers: out };
}
