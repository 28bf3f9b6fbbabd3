import { toInstanceViews, type InstancesView } from "@/lib/domain/monitor";
import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments";
import type { ClusterRef } from "./schemas";
import { ttlCache } from "./ttl-cache";

/** Instances change slowly; one read per cluster per 10 s serves every viewer of every tab. */
const cache = ttlCache<InstancesView>(10_000);

/** The EC2 capacity of a cluster: registered vs remaining cpu and memory, tasks, status (ACTIVE / DRAINING). */
export async function getContainerInstances({ ctx, input }: { ctx: AppContext; input: ClusterRef }): Promise<InstancesView> {
  const now = ctx.clock.now().getTime();
  return cache.get(`${input.envId}\u0000${input.cluster}`, now, () => read(ctx, input, now));
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
