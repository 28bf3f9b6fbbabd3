import { toMonitorService, toMonitorTask, type ClusterSnapshot } from "@/lib/domain/monitor";
import type { MonitorEcs } from "./monitor-ecs";

/**
 * One look at a cluster, the way the API allows it: list services, describe them in tens; list
 * RUNNING and STOPPED tasks, describe them in hundreds.
 */
export async function refreshCluster(ecs: MonitorEcs, cluster: string, now: Date): Promise<ClusterSnapshot> {
  const [serviceArns, running, stopped] = await Promise.all([
    ecs.listServices(cluster),
    ecs.listTasks(cluster, "RUNNING"),
    ecs.listTasks(cluster, "STOPPED"),
  ]);
  const taskArns = [...new Set([...running, ...stopped])];
  const [services, tasks] = await Promise.all([ecs.describeServices(cluster, serviceArns), ecs.describeTasks(cluster, taskArns)]);
  return {
    cluster,
    takenAt: now.toISOString(),
    services: services.map(toMonitorService).sort((a, b) => a.serviceName.localeCompare(b.serviceName)),
    tasks: tasks.map(toMonitorTask),
  };
}
