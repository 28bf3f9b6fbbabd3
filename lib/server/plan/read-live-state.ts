import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { chunk, noPacer, type EcsPort, type Pacer } from "../../aws";
import { clusterNameOf, type Design } from "../../domain/design";
import { emptyLiveState, type LiveState } from "../../domain/plan";

/** DescribeTaskDefinition's answer for a family without an ACTIVE revision. */
export function isMissingTaskDefinition(err: unknown): boolean {
  return err instanceof Error && err.name === "ClientException" && /unable to describe task definition/i.test(err.message);
}

/**
 * Everything the plan compares, in as few calls as ECS allows: clusters 100 per call, services
 * 10 per call (all services of the design's clusters, so that services the design created and
 * then dropped can be found by their tag), the latest ACTIVE revision of each family.
 */
export async function readLiveState(ecs: EcsPort, design: Design, opts: { pacer?: Pacer } = {}): Promise<LiveState> {
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
  for (const cluster of Object.keys(live.clusters)) {
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
