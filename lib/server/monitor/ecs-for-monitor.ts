import type { EcsPort, Pacer } from "@/lib/aws";
import { FAST_MS } from "@/lib/domain/monitor";
import type { Ctx } from "../context";
import { ecsFor, loadEnvironmentRow, type EnvironmentRow } from "../environments";
import { monitorEcsOver, type MonitorEcs } from "./monitor-ecs";

/** The monitor's reads for an environment, through the same ECS port plan and apply use. */
export function monitorEcsForRow(ctx: Ctx, env: EnvironmentRow): { ecs: MonitorEcs; port: EcsPort; pacer: Pacer; slowMs?: number } {
  const { ecs: port, pacer } = ecsFor(ctx, env);
  // The sandbox never throttles and rolls out in seconds: a steady sandbox is polled as fast as a busy one.
  return { ecs: monitorEcsOver(port), port, pacer, ...(env.kind === "sandbox" ? { slowMs: FAST_MS } : {}) };
}

export async function monitorEcsFor(ctx: Ctx, envId: string) {
  return monitorEcsForRow(ctx, await loadEnvironmentRow(ctx, envId));
}
