import { getDb } from "@/lib/db";
import { systemClock } from "../context";
import { monitorEcsFor } from "./ecs-for-monitor";
import { MonitorHub } from "./hub";

// The process-wide hub the routes use; on globalThis so Next's dev reloads keep one poller per cluster.
const g = globalThis as typeof globalThis & { __stevedoreMonitorHub?: MonitorHub };

export function appMonitorHub(): MonitorHub {
  g.__stevedoreMonitorHub ??= new MonitorHub({
    db: getDb,
    ecsFor: (envId) => async (db) => monitorEcsFor({ db, clock: systemClock }, envId),
    ...(process.env.STEVEDORE_MONITOR_INTERVAL_MS ? { intervalMs: Number(process.env.STEVEDORE_MONITOR_INTERVAL_MS) } : {}),
  });
  return g.__stevedoreMonitorHub;
}
