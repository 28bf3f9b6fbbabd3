import { getDb } from "@/lib/db";
import { systemActor } from "@/lib/domain/access";
import { createAppContext } from "../context";
import { loadEnvironmentRow } from "../environments";
import { MonitorHub } from "./hub";
import { monitorClientFor } from "./monitor-ecs";

// The process-wide hub the routes use; on globalThis so Next's dev reloads keep one poller per cluster.
const g = globalThis as typeof globalThis & { __stevedoreMonitorHub?: MonitorHub };

export function appMonitorHub(): MonitorHub {
  g.__stevedoreMonitorHub ??= new MonitorHub({
    db: getDb,
    ecsFor: (envId) => async (db) => {
      const ctx = await createAppContext({ db, actor: systemActor("monitor") });
      return monitorClientFor(ctx, await loadEnvironmentRow(ctx, envId));
    },
    ...(process.env.STEVEDORE_MONITOR_INTERVAL_MS ? { intervalMs: Number(process.env.STEVEDORE_MONITOR_INTERVAL_MS) } : {}),
  });
  return g.__stevedoreMonitorHub;
}
