import type { Service as EcsService } from "@aws-sdk/client-ecs";
import type { EcsPort, Pacer } from "@/lib/aws";
import { chunk } from "@/lib/aws";
import { familyOf } from "@/lib/domain/design";
import type { LiveCluster } from "@/lib/domain/plan";
import { NotFoundError } from "../errors";

/**
 * The cluster, its ACTIVE services (DescribeServices 10 at a time, with tags) and the latest
 * revision of each family they run: the same reads a plan makes, so an import plans to nothing.
 */
export async function readLiveCluster(ecs: EcsPort, pacer: Pacer, clusterName: string): Promise<LiveCluster> {
  await pacer.take("DescribeClusters");
  const cluster = (await ecs.describeClusters({ clusters: [clusterName], include: ["TAGS"] })).clusters?.find((c) => c.status === "ACTIVE");
  if (!cluster) throw new NotFoundError(`Cluster "${clusterName}" does not exist (or is not ACTIVE) in this environment`);
  await pacer.take("ListServices");
  const arns = await ecs.listServices({ cluster: clusterName });
  const services: EcsService[] = [];
  for (const batch of chunk(arns, 10)) {
    await pacer.take("DescribeServices");
    services.push(...(await ecs.describeServices({ cluster: clusterName, services: batch, includeTags: true })).services.filter((s) => s.status === "ACTIVE"));
  }
  const families = [...new Set(services.map((s) => familyOf((s.taskDefinition ?? "").split("/").pop() ?? "")).filter(Boolean))];
  const taskDefinitions: LiveCluster["taskDefinitions"] = [];
  for (const family of families) {
    await pacer.take("DescribeTaskDefinition");
    const r = await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] });
    if (r.taskDefinition) taskDefinitions.push({ taskDefinition: r.taskDefinition, tags: r.tags ?? [] });
  }
  return { cluster, services, taskDefinitions };
}
