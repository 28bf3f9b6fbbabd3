import type { RestJsonService } from "../protocols/rest-json";
import { handleOperation } from "./engine";

// EventBridge Scheduler as its protocol adapter (restJson1) serves it: each operation's method,
// path and query bindings as @aws-sdk/client-scheduler's model states them.
export const SCHEDULER_API: RestJsonService = {
  signingName: "scheduler",
  clientErrorType: "ValidationException",
  engine: handleOperation,
  routes: [
    { op: "CreateSchedule", method: "POST", path: "/schedules/{Name}" },
    { op: "GetSchedule", method: "GET", path: "/schedules/{Name}", query: { groupName: "GroupName" } },
    { op: "UpdateSchedule", method: "PUT", path: "/schedules/{Name}" },
    { op: "DeleteSchedule", method: "DELETE", path: "/schedules/{Name}", query: { groupName: "GroupName", clientToken: "ClientToken" } },
    { op: "ListSchedules", method: "GET", path: "/schedules", query: { ScheduleGroup: "GroupName", NamePrefix: "NamePrefix", State: "State", NextToken: "NextToken", MaxResults: "MaxResults" } },
    { op: "CreateScheduleGroup", method: "POST", path: "/schedule-groups/{Name}" },
    { op: "GetScheduleGroup", method: "GET", path: "/schedule-groups/{Name}" },
    { op: "DeleteScheduleGroup", method: "DELETE", path: "/schedule-groups/{Name}", query: { clientToken: "ClientToken" } },
    { op: "ListScheduleGroups", method: "GET", path: "/schedule-groups", query: { NamePrefix: "NamePrefix", NextToken: "NextToken", MaxResults: "MaxResults" } },
    { op: "ListTagsForResource", method: "GET", path: "/tags/{ResourceArn}" },
    { op: "TagResource", method: "POST", path: "/tags/{ResourceArn}" },
    { op: "UntagResource", method: "DELETE", path: "/tags/{ResourceArn}", query: { TagKeys: "TagKeys" } },
  ],
};
