import type { ServiceDeployment } from "@aws-sdk/client-ecs";
import type { EcsPort } from "@/lib/aws";
import type { Design } from "@/lib/domain/design";
import { scopeToCurrentServices, type SandboxSnapshot } from "@/lib/domain/learn";
import { withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { lessonSandbox } from "./sandbox";

/**
 * What the sandbox says about the design's clusters, read the way a learner would with the ECS
 * API (list, then describe), through the port: every page and batch, however many there are.
 */
async function readSnapshot(ecs: EcsPort, design: Design): Promise<SandboxSnapshot> {
  const snapshot: SandboxSnapshot = { services: [], tasks: [], containerInstances: [] };
  const names = [...new Set(design.clusters.map((c) => c.clusterName))];
  if (names.length === 0) return snapshot;
  const { clusters } = await ecs.describeClusters({ clusters: names });
  for (const cluster of clusters.filter((c) => c.status === "ACTIVE").map((c) => c.clusterName ?? "")) {
    snapshot.services.push(...(await ecs.describeServices({ cluster, services: await ecs.listServices({ cluster }) })).services);
    const taskArns = [
      ...(await ecs.listTasks({ cluster, desiredStatus: "RUNNING" })),
      ...(await ecs.listTasks({ cluster, desiredStatus: "STOPPED" })),
    ];
    snapshot.tasks.push(...(await ecs.describeTasks({ cluster, tasks: taskArns })).tasks);
    for (const service of snapshot.services.filter((s) => s.status === "ACTIVE" && s.clusterArn?.endsWith(`/${cluster}`))) {
      const deployments = await serviceDeployments(ecs, cluster, service.serviceName ?? "");
      if (deployments) (snapshot.serviceDeployments ??= []).push(...deployments);
    }
    const instances = await ecs.listContainerInstances({ cluster });
    snapshot.containerInstances.push(...(await ecs.describeContainerInstances({ cluster, containerInstances: instances })).containerInstances);
  }
  return scopeToCurrentServices(snapshot);
}

/** A service's newest deployments; none when ECS does not answer the service deployments API (lessons that need them say so). */
async function serviceDeployments(ecs: EcsPort, cluster: string, service: string): Promise<ServiceDeployment[] | undefined> {
  try {
    const briefs = await ecs.listServiceDeployments({ cluster, service });
    const newest = briefs.sort((a, b) => new Date(b.createdAt ?? 0).getTime() - new Date(a.createdAt ?? 0).getTime()).slice(0, 5);
    return (await ecs.describeServiceDeployments({ serviceDeploymentArns: newest.map((b) => b.serviceDeploymentArn ?? "").filter(Boolean) })).serviceDeployments;
  } catch {
    return undefined;
  }
}

/** What the sandbox runs for the design, read through the sandbox environment's port. */
export async function sandboxSnapshot(ctx: AppContext, design: Design): Promise<SandboxSnapshot> {
  const { env, ecs } = await lessonSandbox(ctx);
  return withEcs(ctx, env, () => readSnapshot(ecs, design));
}
