import { toInstanceViews, type InstancesView } from "@/lib/domain/monitor";
import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments";
import type { ClusterRef } from "./schemas";

/** Instances change slowly; one read per cluster per TTL serves every viewer of every tab. */
const TTL_MS = 10_000;
const cache = new Map<string, { at: number; value: Promise<InstancesView> }>();

/** The EC2 capacity of a cluster: registered vs remaining cpu and memory, tasks, status (ACTIVE / DRAINING). */
export async function getContainerInstances({ ctx, input }: { ctx: AppContext; input: ClusterRef }): Promise<InstancesView> {
  const key = `${input.envId}\u0000${input.cluster}`;
  const now = ctx.clock.now().getTime();
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = read(ctx, input, now);
  cache.set(key, { at: now, value });
  return value;
}

async function read(ctx: AppContext, input: ClusterRef, now: number): Promise<InstancesView> {
  const refreshedAt = new Date(now).toISOString();
  try {
    const port = ctx.aws.ecs(await loadEnvironmentRow(ctx, input.envId));
    const arns = await port.listContainerInstances({ cluster: input.cluster });
    const { containerInstances } = await port.describeContainerInstances({ cluster: input.cluster, containerInstances: arns });
    return { instances: toInstanceViews(containerInstances), refreshedAt };
  } catch (err) {
    return { instances: [], refreshedAt, error: err instanceof Error ? err.message : String(err) };
  }
}

/** For tests: forget cached reads. */
export function clearContainerInstanceCache() {
  cache.clear();
}
