import { toEcsFailure } from "@/lib/aws";
import { designFromLive, type LiveCluster } from "@/lib/domain/plan";
import type { ImportNote } from "@/lib/domain/ecs-json";
import { createDesign } from "../designs/create-design";
import { AwsCallError, NotFoundError, ValidationError } from "../errors";
import { ecsFor, loadEnvironmentRow, type EnvCtx } from "../environments";
import { readLiveCluster } from "./read-live-cluster";
import type { ImportClusterInput } from "./schemas";

/** A new design that says what a live cluster runs, laid out on a grid. */
export async function importCluster({ ctx, input }: { ctx: EnvCtx; input: ImportClusterInput }): Promise<{ id: string; version: number; notes: ImportNote[] }> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  const { ecs, pacer } = ecsFor(ctx, env);
  let live: LiveCluster;
  try {
    live = await readLiveCluster(ecs, pacer, input.cluster);
  } catch (err) {
    if (err instanceof NotFoundError) throw err;
    const f = toEcsFailure(err);
    throw new AwsCallError("ecs", f.name, f.message);
  } finally {
    ecs.destroy();
  }
  const r = designFromLive(live);
  if (!r.ok) throw new ValidationError([{ path: "cluster", message: r.message }], `The cluster could not be turned into a design: ${r.message}`);
  const name = input.name ?? `${input.cluster} (${env.name})`;
  const created = await createDesign({ ctx, input: { name, description: `Imported from cluster ${input.cluster} of ${env.name} (${env.region})`, document: r.design } });
  return { ...created, notes: r.notes };
}
