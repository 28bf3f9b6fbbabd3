import { clusterNameOf } from "@/lib/domain/design";
import { withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments";
import type { ListLiveClustersInput } from "./schemas";

/** Cluster names of the environment, for the import picker. */
export async function listLiveClusters({ ctx, input }: { ctx: AppContext; input: ListLiveClustersInput }): Promise<string[]> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  return withEcs(ctx, env, async (ecs) => (await ecs.listClusters()).map(clusterNameOf).sort());
}
