import type { ContainerInstance, Service as EcsService, Task as EcsTask } from "@aws-sdk/client-ecs";
import type { Design } from "@/lib/domain/design";
import { scopeToCurrentServices, type SandboxSnapshot } from "@/lib/domain/learn";
import type { LearnSandbox } from "./sandbox-client";

// Reads what the sandbox says about the design's clusters, the way a learner would with the
// ECS API: list, then describe (in batches of ECS's limits).

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function readSnapshot(sandbox: LearnSandbox, design: Design): Promise<SandboxSnapshot> {
  const snapshot: SandboxSnapshot = { services: [], tasks: [], containerInstances: [] };
  const names = [...new Set(design.clusters.map((c) => c.clusterName))];
  if (names.length === 0) return snapshot;
  const { clusters = [] } = await sandbox.ecs<{ clusters?: { clusterName: string; status: string }[] }>("DescribeClusters", { clusters: names });
  for (const cluster of clusters.filter((c) => c.status === "ACTIVE").map((c) => c.clusterName)) {
    const { serviceArns = [] } = await sandbox.ecs<{ serviceArns?: string[] }>("ListServices", { cluster, maxResults: 100 });
    for (const services of batches(serviceArns, 10)) {
      const out = await sandbox.ecs<{ services?: EcsService[] }>("DescribeServices", { cluster, services });
      snapshot.services.push(...(out.services ?? []));
    }
    const taskArns: string[] = [];
    for (const desiredStatus of ["RUNNING", "STOPPED"]) {
      const out = await sandbox.ecs<{ taskArns?: string[] }>("ListTasks", { cluster, desiredStatus, maxResults: 100 });
      taskArns.push(...(out.taskArns ?? []));
    }
    for (const tasks of batches(taskArns, 100)) {
      const out = await sandbox.ecs<{ tasks?: EcsTask[] }>("DescribeTasks", { cluster, tasks });
      snapshot.tasks.push(...(out.tasks ?? []));
    }
    const { containerInstanceArns = [] } = await sandbox.ecs<{ containerInstanceArns?: string[] }>("ListContainerInstances", { cluster, maxResults: 100 });
    if (containerInstanceArns.length) {
      const out = await sandbox.ecs<{ containerInstances?: ContainerInstance[] }>("DescribeContainerInstances", { cluster, containerInstances: containerInstanceArns });
      snapshot.containerInstances.push(...(out.containerInstances ?? []));
    }
  }
  return scopeToCurrentServices(snapshot);
}
