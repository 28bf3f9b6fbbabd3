import type { EcsPort } from "@/lib/aws";
import { familyOf } from "@/lib/domain/design";
import type { LiveCluster } from "@/lib/domain/plan";
import { NotFoundError } from "../errors";

/**
 * The cluster, its ACTIVE services (with tags) and the latest revision of each family they
 * run: the same reads a plan makes, so an import plans to nothing.
 */
export async function readLiveCluster(ecs: EcsPort, clusterName: string): Promise<LiveCluster> {
  const cluster = (await ecs.describeClusters({ clusters: [clusterName], include: ["TAGS"] })).clusters.find((c) => c.status === "ACTIVE");
  if (!cluster) throw new NotFoundError(`Cluster "${clusterName}" does not exist (or is not ACTIVE) in this environment`);
  const arns = await ecs.listServices({ cluster: clusterName });
  const services = (await ecs.describeServices({ cluster: clusterName, services: arns, includeTags: true })).services.filter((s) => s.status === "ACTIVE");
  const families = [...new Set(services.map((s) => familyOf((s.taskDefinition ?? "").split("/").pop() ?? "")).filter(Boolean))];
  const taskDefinitions: LiveCluster["taskDefinitions"] = [];
  for (const family of families) {
    const r = await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] });
    if (r.taskDefinition) taskDefinitions.push({ taskDefinition: r.taskDefinition, tags: r.tags ?? [] });
  }
  return { cluster, services, taskDefinitions };
}
