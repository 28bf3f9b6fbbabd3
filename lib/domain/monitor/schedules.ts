import { firesBetween, parseSchedule } from "../ecs-facts/auto-scaling";

// The schedules that run tasks in a cluster, for the monitor: each with when it runs next and
// the tasks it started. Pure: the schedules (GetSchedule's answers) and the tasks come in.

/** What the monitor needs of one schedule (GetSchedule's members). */
export type ScheduleInput = {
  Name?: string; GroupName?: string; ScheduleExpression?: string; ScheduleExpressionTimezone?: string; State?: string;
  StartDate?: Date; EndDate?: Date; CreationDate?: Date; LastModificationDate?: Date;
  Target?: { EcsParameters?: { TaskDefinitionArn?: string; TaskCount?: number } };
};
export type ScheduleTaskInput = { taskArn?: string; lastStatus?: string; startedBy?: string; createdAt?: Date; stoppedReason?: string; containers?: { exitCode?: number }[] };

export type ScheduleTaskView = { taskId: string; lastStatus: string; createdAt?: string; exitCode?: number; stoppedReason?: string };
export type ScheduleView = {
  name: string; group: string; expression: string; timezone: string; state: string;
  /** `family:revision` it runs. */
  taskDefinition?: string; taskCount: number;
  /** ISO time of its next invocation within a week; undefined: none (disabled, ended, a past at()). */
  nextRunAt?: string;
  tasks: ScheduleTaskView[];
};
export type SchedulesView = { schedules: ScheduleView[]; refreshedAt: string; error?: string };

const WEEK = 7 * 24 * 3600 * 1000;

/** The next invocation after `now` (epoch ms), within a week. */
export function nextRun(s: ScheduleInput, now: number): number | undefined {
  if (s.State !== "ENABLED" || !s.ScheduleExpression) return undefined;
  const parsed = parseSchedule(s.ScheduleExpression);
  if (typeof parsed === "string") return undefined;
  const start = s.StartDate?.getTime();
  const after = Math.max(now, (start ?? -Infinity) - 1);
  const anchor = start ?? s.LastModificationDate?.getTime() ?? s.CreationDate?.getTime() ?? now;
  const [next] = firesBetween(parsed, { after, until: after + WEEK, timezone: s.ScheduleExpressionTimezone, anchor, limit: 1 });
  return next !== undefined && (s.EndDate === undefined || next <= s.EndDate.getTime()) ? next : undefined;
}

/** Schedules with their next run and their tasks (newest first), by name. */
export function toScheduleViews(schedules: ScheduleInput[], tasksBySchedule: Map<string, ScheduleTaskInput[]>, now: number): ScheduleView[] {
  return schedules.map((s) => {
    const next = nextRun(s, now);
    const tasks = [...(tasksBySchedule.get(`${s.GroupName}/${s.Name}`) ?? [])].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
    return {
      name: s.Name ?? "", group: s.GroupName ?? "default", expression: s.ScheduleExpression ?? "", timezone: s.ScheduleExpressionTimezone ?? "UTC", state: s.State ?? "ENABLED",
      taskDefinition: s.Target?.EcsParameters?.TaskDefinitionArn?.replace(/^.*:task-definition\//, ""), taskCount: s.Target?.EcsParameters?.TaskCount ?? 1,
      ...(next !== undefined ? { nextRunAt: new Date(next).toISOString() } : {}),
      tasks: tasks.map((t) => ({
        taskId: (t.taskArn ?? "").split("/").pop() ?? "", lastStatus: t.lastStatus ?? "PROVISIONING",
        ...(t.createdAt ? { createdAt: t.createdAt.toISOString() } : {}),
        ...(t.containers?.[0]?.exitCode !== undefined ? { exitCode: t.containers[0].exitCode } : {}),
        ...(t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
      })),
    };
  }).sort((a, b) => a.name.localeCompare(b.name));
}
