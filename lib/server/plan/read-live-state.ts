import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { chunk, noPacer, type EcsPort, type Pacer } from "../../aws";
import { clusterNameOf, type Design } from "../../domain/design";
import { DESIGN_TAG, emptyLiveState, tagValue, type LiveState } from "../../domain/plan";

/** DescribeTaskDefinition's answer for a family without an ACTIVE revision. */
export function isMissingTaskDefinition(err: unknown): boolean {
  return err instanceof Error && err.name === "ClientException" && /unable to describe task definition/i.test(err.message);
}

/**
 * Everything the plan compares, in as few calls as ECS allows: clusters 100 per call, services
 * 10 per call (all services of the design's clusters, so that services the design created and
 * then dropped can be found by their tag), the latest ACTIVE revision of each family.
 *
 * With `designId`, also what the design created and dropped, so the plan can delete it: clusters
 * tagged with it (ListClusters, DescribeClusters 100 per call) and their services; families
 * tagged with it (ListTaskDefinitionFamilies once, one DescribeTaskDefinition per family the
 * design does not have, ListTaskDefinitions for the owned ones).
 */
export async function readLiveState(ecs: EcsPort, design: Design, opts: { pacer?: Pacer; designId?: string } = {}): Promise<LiveState> {
  const pacer = opts.pacer ?? noPacer;
  const live = emptyLiveState();
  const clusterNames = [...new Set([...design.clusters.map((c) => c.clusterName), ...design.services.map((s) => clusterNameOf(s.cluster))])];
  for (const batch of chunk(clusterNames, 100)) {
    await pacer.take("DescribeClusters");
    const r = await ecs.describeClusters({ clusters: batch, include: ["TAGS", "SETTINGS"] });
    for (const c of r.clusters ?? []) if (c.clusterName && c.status === "ACTIVE") live.clusters[c.clusterName] = c;
  }
  for (const family of new Set(design.taskDefinitions.map((t) => t.family))) {
    await pacer.take("DescribeTaskDefinition");
    try {
      const r = await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] });
      if (r.taskDefinition) live.taskDefinitions[family] = { taskDefinition: r.taskDefinition, tags: r.tags ?? [] };
    } catch (err) {
      if (!isMissingTaskDefinition(err)) throw err;
    }
  }
  if (opts.designId) await readOwnedLeftovers(ecs, design, opts.designId, pacer, live, clusterNames);
  for (const cluster of [...Object.keys(live.clusters), ...Object.keys(live.ownedClusters ?? {})]) {
    await pacer.take("ListServices");
    const arns = await ecs.listServices({ cluster });
    const services: EcsService[] = [];
    for (const batch of chunk(arns, 10)) {
      await pacer.take("DescribeServices");
      const r = await ecs.describeServices({ cluster, services: batch, includeTags: true });
      services.push(...r.services);
    }
    live.services.push(...services.filter((s) => s.status === "ACTIVE"));
  }
  return live;
}

async function readOwnedLeftovers(ecs: EcsPort, design: Design, designId: string, pacer: Pacer, live: LiveState, clusterNames: string[]) {
  const used = new Set(clusterNames);
  await pacer.take("ListClusters");
  const candidates = (await ecs.listClusters()).filter((arn) => !used.has(clusterNameOf(arn)));
  live.ownedClusters = {};
  for (const batch of chunk(candidates, 100)) {
    await pacer.take("DescribeClusters");
    const r = await ecs.describeClusters({ clusters: batch, include: ["TAGS"] });
    for (const c of r.clusters ?? []) {
      if (c.clusterName && c.status === "ACTIVE" && tagValue(c.tags, DESIGN_TAG) === designId) live.ownedClusters[c.clusterName] = c;
    }
  }

  const kept = new Set(design.taskDefinitions.map((t) => t.family));
  await pacer.take("ListTaskDefinitionFamilies");
  const families = (await ecs.listTaskDefinitionFamilies({ status: "ACTIVE" })).filter((f) => !kept.has(f));
  live.ownedFamilies = {};
  for (const family of families) {
    await pacer.take("DescribeTaskDefinition");
    let tags;
    try {
      tags = (await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] })).tags ?? [];
    } catch (err) {
      if (isMissingTaskDefinition(err)) continue; // deregistered since the listing
      throw err;
    }
    if (tagValue(tags, DESIGN_TAG) !== designId) continue;
    await pacer.take("ListTaskDefinitions");
    const revisionArns = await ecs.listTaskDefinitions({ familyPrefix: family, status: "ACTIVE" });
    live.ownedFamilies[family] = { revisionArns, tags };
  }
}
