import { toEcsFailure } from "@/lib/aws";
import { clusterNameOf } from "@/lib/domain/design";
import { ecsFor, loadEnvironmentRow, type EnvCtx } from "../environments";
import { AwsCallError } from "../errors";
import type { ListLiveClustersInput } from "./schemas";

/** Cluster names of the environment, for the import picker. */
export async function listLiveClusters({ ctx, input }: { ctx: EnvCtx; input: ListLiveClustersInput }): Promise<string[]> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  const { ecs, pacer } = ecsFor(ctx, env);
  try {
    await pacer.take("ListClusters");
    return (await ecs.listClusters()).map(clusterNameOf).sort();
  } catch (err) {
    const f = toEcsFailure(err);
    throw new AwsCallError("ecs", f.name, f.message);
  } finally {
    ecs.destroy();
  }
}
