// EventBridge Scheduler facts for schedules that run ECS tasks (CreateSchedule with an ECS
// RunTask target). The expression grammar (at/rate/cron, IANA time zones) is Application Auto
// Scaling's too: parseSchedule and firesBetween in auto-scaling.ts.
//
// Sources:
// - https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html (Name 1–64
//   of ^[0-9a-zA-Z-_.]+$, unique per schedule group; ScheduleExpression up to 256 characters;
//   ScheduleExpressionTimezone; FlexibleTimeWindow required, MaximumWindowInMinutes 1–1440 with
//   FLEXIBLE; ActionAfterCompletion NONE | DELETE)
// - https://docs.aws.amazon.com/scheduler/latest/APIReference/API_EcsParameters.html (TaskCount
//   1–10; NetworkConfiguration required for awsvpc task definitions; LaunchType and
//   CapacityProviderStrategy are exclusive)
// - https://docs.aws.amazon.com/scheduler/latest/APIReference/API_Target.html (RoleArn required:
//   the execution role Scheduler assumes)
// - https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html (at, rate, cron)
// - https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
//   (the role trusts scheduler.amazonaws.com and may call ecs:RunTask and iam:PassRole)

export const SCHEDULE_NAME_PATTERN = /^[0-9a-zA-Z\-_.]+$/;
export const SCHEDULE_NAME_MAX = 64;
export const SCHEDULE_EXPRESSION_MAX = 256;
export const SCHEDULE_TASK_COUNT_MAX = 10;
export const FLEXIBLE_WINDOW_MAX_MINUTES = 1440;
export const IAM_ROLE_ARN_PATTERN = /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/**
 * What ECS's `startedBy` says of a task a schedule started: `chronos-schedule/<schedule name>`
 * (Scheduler's internal name is Chronos: its SDK's serviceTarget is AWSChronosService). Scheduler
 * sets it itself (EcsParameters has no startedBy) and AWS's documentation does not state it; it
 * is what DescribeTasks shows for real scheduled runs, as quoted in public run notes (e.g.
 * `"startedBy": "chronos-schedule/<name>"` next to `exitCode = 0` on a Fargate task), and what
 * task classifiers match (`events-rule/` for EventBridge rules, `chronos-schedule/` for Scheduler).
 * The monitor lists a schedule's tasks by it.
 */
export const scheduledTaskStartedBy = (scheduleName: string) => `chronos-schedule/${scheduleName}`.slice(0, 128);

/** The schedule group of a design's scheduled tasks that name none: one per design, tagged stevedore:design (schedules have no tags). */
export const designScheduleGroup = (designId: string) => `stevedore-${designId.replace(/[^0-9a-zA-Z\-_.]/g, "-")}`.slice(0, SCHEDULE_NAME_MAX);

/** A schedule name made from any text: the allowed characters, at most 64. */
export function toScheduleName(text: string): string {
  return (text.replace(/[^0-9a-zA-Z\-_.]+/g, "-").replace(/^-+|-+$/g, "") || "schedule").slice(0, SCHEDULE_NAME_MAX);
}
