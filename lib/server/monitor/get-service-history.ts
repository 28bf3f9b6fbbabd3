import { taskActivity, timeline, type ServiceHistory } from "@/lib/domain/monitor";
import type { AppContext } from "../context";
import { queryHistory } from "./query-history";
import type { ServiceRef } from "./schemas";

export type { ServiceHistory };

/** A service's recorded past: one merged timeline, running-vs-desired samples and its stopped tasks. */
export async function getServiceHistory({ ctx, input }: { ctx: AppContext; input: ServiceRef & { limit?: number } }): Promise<ServiceHistory> {
  const q = { envId: input.envId, cluster: input.cluster, service: input.service, limit: input.limit ?? 200 };
  const [events, tasks, deployments, samples] = await Promise.all([
    queryHistory({ ctx, input: { ...q, kind: "events" } }),
    queryHistory({ ctx, input: { ...q, kind: "tasks" } }),
    queryHistory({ ctx, input: { ...q, kind: "deployments" } }),
    ctx.db.$queryRawUnsafe<{ at: Date; desired: number; running: number }[]>(
      `SELECT "at", "desired", "running" FROM "monitor_samples" WHERE "environment_id" = $1 AND "cluster" = $2 AND "service_name" = $3
       ORDER BY "at" DESC LIMIT 500`, input.envId, input.cluster, input.service),
  ]);
  const stopped = tasks.filter((t) => t.lastStatus === "STOPPED");
  return {
    timeline: timeline({ events, tasks, deployments } as unknown as Parameters<typeof timeline>[0]).slice(0, input.limit ?? 200),
    samples: samples.reverse().map((s) => ({ at: new Date(s.at).toISOString(), desired: s.desired, running: s.running })),
    stoppedTasks: stopped,
    tasks: taskActivity(tasks as unknown as Parameters<typeof taskActivity>[0]),
  };
}
