import type { EcsPort } from "../../aws";
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
export async function readLiveState(ecs: EcsPort, design: Design, opts: { designId?: string } = {}): Promise<LiveState> {
  const live = emptyLiveState();
  const clusterNames = [...new Set([...design.clusters.map((c) => c.clusterName), ...design.services.map((s) => clusterNameOf(s.cluster))])];
  const { clusters } = await ecs.describeClusters({ clusters: clusterNames, include: ["TAGS", "SETTINGS"] });
  for (const c of clusters) if (c.clusterName && c.status === "ACTIVE") live.clusters[c.clusterName] = c;
  for (const family of new Set(design.taskDefinitions.map((t) => t.family))) {
    try {
      const r = await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] });
      if (r.taskDefinition) live.taskDefinitions[family] = { taskDefinition: r.taskDefinition, tags: r.tags ?? [] };
    } catch (err) {
      if (!isMissingTaskDefinition(err)) throw err;
    }
  }
  if (opts.designId) await readOwnedLeftovers(ecs, design, opts.designId, live, clusterNames);
  for (const cluster of [...Object.keys(live.clusters), ...Object.keys(live.ownedClusters ?? {})]) {
    const arns = await ecs.listServices({ cluster });
    const { services } = await ecs.describeServices({ cluster, services: arns, includeTags: true });
    live.services.push(...services.filter((s) => s.status === "ACTIVE"));
  }
  return live;
}

async function readOwnedLeftovers(ecs: EcsPort, design: Design, designId: string, live: LiveState, clusterNames: string[]) {
  const used = new Set(clusterNames);
  const candidates = (await ecs.listClusters()).filter((arn) => !used.has(clusterNameOf(arn)));
  live.ownedClusters = {};
  for (const c of (await ecs.describeClusters({ clusters: candidates, include: ["TAGS"] })).clusters) {
    if (c.clusterName && c.status === "ACTIVE" && tagValue(c.tags, DESIGN_TAG) === designId) live.ownedClusters[c.clusterName] = c;
  }

  const kept = new Set(design.taskDefinitions.map((t) => t.family));
  const families = (await ecs.listTaskDefinitionFamilies({ status: "ACTIVE" })).filter((f) => !kept.has(f));
  live.ownedFamilies = {};
  for (const family of families) {
    let tags;
    try {
      tags = (await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] })).tags ?? [];
    } catch (err) {
      if (isMissingTaskDefinition(err)) continue; // deregistered since the listing
      throw err;
    }
    if (tagValue(tags, DESIGN_TAG) !== designId) continue;
    const revisionArns = await ecs.listTaskDefinitions({ familyPrefix: family, status: "ACTIVE" });
    live.ownedFamilies[family] = { revisionArns, tags };
  }
}
