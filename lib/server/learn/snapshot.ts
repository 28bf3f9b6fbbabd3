import type { ServiceDeployment } from "@aws-sdk/client-ecs";
import type { AutoScalingPort, EcsPort } from "@/lib/aws";
import { ecsResourceId } from "@/lib/domain/ecs-facts/auto-scaling";
import type { Design } from "@/lib/domain/design";
import { scopeToCurrentServices, type SandboxSnapshot, type ScalingActivityLike } from "@/lib/domain/learn";
import { withAws, withEcs } from "../aws-ports";
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

/** Each ACTIVE service's newest scaling activities (DescribeScalingActivities); none for a service without a scalable target. */
async function scalingActivities(autoscaling: AutoScalingPort, snapshot: SandboxSnapshot): Promise<ScalingActivityLike[]> {
  const out: ScalingActivityLike[] = [];
  for (const s of snapshot.services.filter((x) => x.status === "ACTIVE")) {
    const cluster = s.clusterArn?.slice(s.clusterArn.lastIndexOf("/") + 1) ?? "";
    out.push(...await autoscaling.describeScalingActivities(ecsResourceId(cluster, s.serviceName ?? ""), 20));
  }
  return out;
}

/** What the sandbox runs for the design, read through the sandbox environment's port. */
export async function sandboxSnapshot(ctx: AppContext, design: Design): Promise<SandboxSnapshot> {
  const { env, ecs } = await lessonSandbox(ctx);
  const snapshot = await withEcs(ctx, env, () => readSnapshot(ecs, design));
  if (!design.services.some((s) => s.autoScaling)) return snapshot;
  return { ...snapshot, scalingActivities: await withAws(ctx, env, "autoscaling", (port) => scalingActivities(port, snapshot)) };
}
