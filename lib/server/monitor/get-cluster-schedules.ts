import type { Task } from "@aws-sdk/client-ecs";
import { scheduledTaskStartedBy } from "@/lib/domain/ecs-facts/scheduler";
import { toScheduleViews, type SchedulesView } from "@/lib/domain/monitor";
import { simulatedNow } from "@/lib/sandbox/http";
import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments";
import type { ClusterRef } from "./schemas";
import { ttlCache } from "./ttl-cache";

/** Schedules change rarely; one read per cluster per 10 s serves every viewer. */
const cache = ttlCache<SchedulesView>(10_000);

/**
 * The EventBridge Scheduler schedules whose target is this cluster (every group: ListSchedules
 * answers each schedule's target ARN), with their next run and the tasks they started (ListTasks
 * by startedBy, running and stopped, DescribeTasks).
 */
export async function getClusterSchedules({ ctx, input }: { ctx: AppContext; input: ClusterRef }): Promise<SchedulesView> {
  const now = ctx.clock.now().getTime();
  return cache.get(`${input.envId}\u0000${input.cluster}`, now, () => read(ctx, input, now));
}

const clusterOfArn = (arn: string | undefined) => /:cluster\/(.+)$/.exec(arn ?? "")?.[1];

async function read(ctx: AppContext, input: ClusterRef, now: number): Promise<SchedulesView> {
  const refreshedAt = new Date(now).toISOString();
  try {
    const env = await loadEnvironmentRow(ctx, input.envId);
    // A sandbox's schedules run on its own clock, which may be far from the wall clock.
    const at = env.kind === "sandbox" ? await simulatedNow(ctx.sandbox) : now;
    const scheduler = ctx.aws.scheduler(env);
    const ecs = ctx.aws.ecs(env);
    const summaries = (await scheduler.listSchedules()).filter((s) => clusterOfArn(s.Target?.Arn) === input.cluster);
    const schedules = await Promise.all(summaries.map((s) => scheduler.getSchedule({ Name: s.Name!, GroupName: s.GroupName })));
    const tasks = new Map<string, Task[]>();
    for (const s of schedules) {
      const startedBy = scheduledTaskStartedBy(s.Name ?? "");
      const arns = [
        ...await ecs.listTasks({ cluster: input.cluster, desiredStatus: "RUNNING", startedBy }),
        ...await ecs.listTasks({ cluster: input.cluster, desiredStatus: "STOPPED", startedBy }),
      ].slice(0, 100);
      const found = arns.length ? (await ecs.describeTasks({ cluster: input.cluster, tasks: arns })).tasks : [];
      tasks.set(`${s.GroupName}/${s.Name}`, found);
    }
    return { schedules: toScheduleViews(schedules, tasks, at), refreshedAt };
  } catch (err) {
    return { schedules: [], refreshedAt, error: err instanceof Error ? err.message : String(err) };
  }
}

/** For tests: forget cached reads. */
export function clearClusterScheduleCache() {
  cache.clear();
}
