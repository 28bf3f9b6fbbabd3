import type { Handlers } from "../core/engine";
import * as groups from "./groups";
import * as schedules from "./schedules";

// EventBridge Scheduler's handler table: the operation a route names (api.ts) → the function of its resource file.
export const SCHEDULER_HANDLERS: Handlers = {
  CreateSchedule: schedules.createSchedule,
  GetSchedule: schedules.getSchedule,
  UpdateSchedule: schedules.updateSchedule,
  DeleteSchedule: schedules.deleteSchedule,
  ListSchedules: schedules.listSchedules,
  CreateScheduleGroup: groups.createScheduleGroup,
  GetScheduleGroup: groups.getScheduleGroup,
  ListScheduleGroups: groups.listScheduleGroups,
  DeleteScheduleGroup: groups.deleteScheduleGroup,
  ListTagsForResource: groups.listTagsForResource,
  TagResource: groups.tagResource,
  UntagResource: groups.untagResource,
};
