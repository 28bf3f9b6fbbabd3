import {
  CreateScheduleCommand, CreateScheduleGroupCommand, DeleteScheduleCommand, GetScheduleCommand, GetScheduleGroupCommand, ListSchedulesCommand,
  ListTagsForResourceCommand, SchedulerClient, UpdateScheduleCommand, type GetScheduleCommandOutput, type Tag,
} from "@aws-sdk/client-scheduler";
import { SCHEDULER_LIMITS, type SchedulerOperation } from "../domain/aws-limits";
import { allPages, defineAwsPort, type InputOf, type OutputOf } from "./port";

const COMMANDS = {
  GetScheduleGroup: GetScheduleGroupCommand, CreateScheduleGroup: CreateScheduleGroupCommand, ListTagsForResource: ListTagsForResourceCommand,
  ListSchedules: ListSchedulesCommand, GetSchedule: GetScheduleCommand, CreateSchedule: CreateScheduleCommand,
  UpdateSchedule: UpdateScheduleCommand, DeleteSchedule: DeleteScheduleCommand,
} satisfies Record<SchedulerOperation, unknown>;

type Commands = typeof COMMANDS;
type In<K extends SchedulerOperation> = InputOf<Commands[K]>;
type Out<K extends SchedulerOperation> = Promise<OutputOf<Commands[K]>>;

/** A schedule group as the plan reads it: whether it exists, and its tags (schedules have none). */
export type LiveScheduleGroup = { arn: string; tags: Tag[] } | undefined;

/**
 * The EventBridge Scheduler calls Stevedore makes for scheduled tasks, paced in
 * SCHEDULER_LIMITS' buckets; lists follow every page (NextToken).
 */
export interface SchedulerPort {
  /** The group and its tags, or undefined when it does not exist. */
  scheduleGroup(name: string): Promise<LiveScheduleGroup>;
  /** Every schedule of a group, each as GetSchedule answers it (its target included). */
  schedulesOf(group: string): Promise<GetScheduleCommandOutput[]>;
  createScheduleGroup(input: In<"CreateScheduleGroup">): Out<"CreateScheduleGroup">;
  createSchedule(input: In<"CreateSchedule">): Out<"CreateSchedule">;
  updateSchedule(input: In<"UpdateSchedule">): Out<"UpdateSchedule">;
  deleteSchedule(input: In<"DeleteSchedule">): Out<"DeleteSchedule">;
  /** ListSchedules of a group, summaries only (the monitor). */
  listSchedules(group?: string): Promise<NonNullable<OutputOf<Commands["ListSchedules"]>["Schedules"]>>;
  getSchedule(input: In<"GetSchedule">): Out<"GetSchedule">;
  destroy(): void;
}

const isNotFound = (err: unknown) => err instanceof Error && err.name === "ResourceNotFoundException";

/** EventBridge Scheduler of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process. */
export const { create: createSchedulerPort, inProcess: createInProcessSchedulerPort } = defineAwsPort<SchedulerPort>()({
  Client: SchedulerClient, commands: COMMANDS, limits: SCHEDULER_LIMITS, sandboxPath: "/sandbox/aws",
  build: (port) => {
    const listSchedules = (group?: string) => allPages(async (NextToken) => {
      const r = await port.send("ListSchedules", { GroupName: group, MaxResults: SCHEDULER_LIMITS.operations.ListSchedules.page, NextToken });
      return { items: r.Schedules, nextToken: r.NextToken };
    });
    return {
      async scheduleGroup(name) {
        try {
          const g = await port.send("GetScheduleGroup", { Name: name });
          if (!g.Arn) return undefined;
          // The default group has no tags (and cannot be tagged).
          const tags = name === "default" ? [] : (await port.send("ListTagsForResource", { ResourceArn: g.Arn })).Tags ?? [];
          return { arn: g.Arn, tags };
        } catch (err) {
          if (isNotFound(err)) return undefined;
          throw err;
        }
      },
      async schedulesOf(group) {
        const out: GetScheduleCommandOutput[] = [];
        for (const s of await listSchedules(group)) if (s.Name) out.push(await port.send("GetSchedule", { Name: s.Name, GroupName: group }));
        return out;
      },
      listSchedules,
      ...port.plainCalls("CreateScheduleGroup", "CreateSchedule", "UpdateSchedule", "DeleteSchedule", "GetSchedule"),
    };
  },
});
