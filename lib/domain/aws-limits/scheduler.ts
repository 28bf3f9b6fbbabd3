import type { ServiceLimits } from "./types";

// EventBridge Scheduler, per account and Region ("Quotas for EventBridge Scheduler",
// https://docs.aws.amazon.com/scheduler/latest/UserGuide/scheduler-quotas.html): CreateSchedule,
// UpdateSchedule and DeleteSchedule 50 requests per second (adjustable), GetSchedule and
// ListSchedules 50, the schedule group operations 10. ListSchedules and ListScheduleGroups
// pages hold up to 100 (MaxResults 1–100, API reference).

/** Every EventBridge Scheduler operation Stevedore makes, by its API name. */
export type SchedulerOperation =
  | "GetScheduleGroup" | "CreateScheduleGroup" | "ListTagsForResource"
  | "ListSchedules" | "GetSchedule" | "CreateSchedule" | "UpdateSchedule" | "DeleteSchedule";

export const SCHEDULER_LIMITS = {
  buckets: { read: { burst: 50, perSecond: 50 }, write: { burst: 50, perSecond: 50 }, group: { burst: 10, perSecond: 10 } },
  operations: {
    GetScheduleGroup: { bucket: "group" },
    CreateScheduleGroup: { bucket: "group" },
    ListTagsForResource: { bucket: "group" },
    ListSchedules: { bucket: "read", page: 100 },
    GetSchedule: { bucket: "read" },
    CreateSchedule: { bucket: "write" },
    UpdateSchedule: { bucket: "write" },
    DeleteSchedule: { bucket: "write" },
  },
} as const satisfies ServiceLimits<SchedulerOperation>;
