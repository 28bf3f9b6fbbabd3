import { designFromLive } from "@/lib/domain/plan";
import type { ImportNote } from "@/lib/domain/ecs-json";
import { createDesign } from "../designs/create-design";
import { withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { ValidationError } from "../errors";
import { loadEnvironmentRow } from "../environments";
import { readLiveCluster } from "./read-live-cluster";
import type { ImportClusterInput } from "./schemas";

/** A new design that says what a live cluster runs, laid out on a grid. */
export async function importCluster({ ctx, input }: { ctx: AppContext; input: ImportClusterInput }): Promise<{ id: string; version: number; notes: ImportNote[] }> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  const live = await withEcs(ctx, env, (ecs) => readLiveCluster(ecs, input.cluster));
  const r = designFromLive(live);
  if (!r.ok) throw new ValidationError([{ path: "cluster", message: r.message }], `The cluster could not be turned into a design: ${r.message}`);
  const name = input.name ?? `${input.cluster} (${env.name})`;
  const created = await createDesign({ ctx, input: { name, description: `Imported from cluster ${input.cluster} of ${env.name} (${env.region})`, document: r.design } });
  return { ...created, notes: r.notes };
}
