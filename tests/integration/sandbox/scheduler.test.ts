import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateClusterCommand, DescribeTasksCommand, ListTasksCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import {
  CreateScheduleCommand, CreateScheduleGroupCommand, DeleteScheduleCommand, DeleteScheduleGroupCommand, GetScheduleCommand,
  GetScheduleGroupCommand, ListScheduleGroupsCommand, ListSchedulesCommand, ListTagsForResourceCommand, SchedulerServiceException,
  TagResourceCommand, UntagResourceCommand, UpdateScheduleCommand, type CreateScheduleCommandInput,
} from "@aws-sdk/client-scheduler";
import { rejection as failed, startSandbox } from "./server";

// EventBridge Scheduler over restJson1 (POST/GET/PUT/DELETE /schedules/{Name}, /schedule-groups),
// through the real SchedulerClient at /sandbox/aws; its schedules run ECS tasks on the sandbox clock.

let sb: Awaited<ReturnType<typeof startSandbox>>;
let clusterArn: string;
let taskDefinitionArn: string;
let subnets: string[];
beforeAll(async () => {
  sb = await startSandbox();
  clusterArn = (await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "jobs" }))).cluster!.clusterArn!;
  taskDefinitionArn = (await sb.aws.ecs.send(new RegisterTaskDefinitionCommand({
    family: "report", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
    containerDefinitions: [{ name: "report", image: "busybox:1.36", essential: true, command: ["sh", "-c", "sleep 86400"] }],
  }))).taskDefinition!.taskDefinitionArn!;
  subnets = ((await sb.aws.ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? []).map((s) => s.SubnetId!).slice(0, 2);
});
afterAll(async () => { await sb.close(); });

const rejection = (call: Promise<unknown>) => failed<SchedulerServiceException>(call);
const ROLE = "arn:aws:iam::000000000000:role/scheduler-runs-tasks";
const schedule = (over: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
  Name: "nightly", ScheduleExpression: "rate(5 minutes)", FlexibleTimeWindow: { Mode: "OFF" },
  Target: {
    Arn: clusterArn, RoleArn: ROLE,
    EcsParameters: { TaskDefinitionArn: taskDefinitionArn, LaunchType: "FARGATE", TaskCount: 2, NetworkConfiguration: { awsvpcConfiguration: { Subnets: subnets, AssignPublicIp: "DISABLED" } } },
    Input: JSON.stringify({ containerOverrides: [{ name: "report", environment: [{ name: "MODE", value: "full" }] }] }),
  },
  ...over,
});
const tasksStartedBy = async (startedBy: string) => {
  const { taskArns } = await sb.aws.ecs.send(new ListTasksCommand({ cluster: "jobs", startedBy }));
  if (!taskArns?.length) return [];
  return (await sb.aws.ecs.send(new DescribeTasksCommand({ cluster: "jobs", tasks: taskArns }))).tasks ?? [];
};

describe("EventBridge Scheduler over restJson1", () => {
  it("refuses bad names, expressions, time zones and missing groups with Scheduler's errors and status codes", async () => {
    const name = await rejection(sb.aws.scheduler.send(new CreateScheduleCommand(schedule({ Name: "no spaces" }))));
    expect(name.name).toBe("ValidationException");
    expect(name.$metadata.httpStatusCode).toBe(400);
    expect(name.message).toBe("1 validation error detected: Value 'no spaces' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$");
    const expr = await rejection(sb.aws.scheduler.send(new CreateScheduleCommand(schedule({ ScheduleExpression: "cron(0 3 * * *)" }))));
    expect(expr.message).toBe("Invalid Schedule Expression cron(0 3 * * *).");
    const tz = await rejection(sb.aws.scheduler.send(new CreateScheduleCommand(schedule({ ScheduleExpressionTimezone: "Mars/Olympus" }))));
    expect(tz.message).toMatch(/^Invalid ScheduleExpressionTimezone Mars\/Olympus/);
    const role = await rejection(sb.aws.scheduler.send(new CreateScheduleCommand(schedule({ Target: { ...schedule().Target!, RoleArn: "scheduler-role" } }))));
    expect(role.message).toContain("at 'target.roleArn'");
    const group = await rejection(sb.aws.scheduler.send(new CreateScheduleCommand(schedule({ GroupName: "nope" }))));
    expect([group.name, group.$metadata.httpStatusCode, group.message]).toEqual(["ResourceNotFoundException", 404, "Schedule group nope does not exist."]);
    const missing = await rejection(sb.aws.scheduler.send(new GetScheduleCommand({ Name: "nightly" })));
    expect([missing.name, missing.$metadata.httpStatusCode, missing.message]).toEqual(["ResourceNotFoundException", 404, "Schedule nightly does not exist."]);
  });

  it("creates, gets, lists (prefix, state, group, pages) and updates schedules", async () => {
    const { ScheduleArn } = await sb.aws.scheduler.send(new CreateScheduleCommand(schedule()));
    expect(ScheduleArn).toBe("arn:aws:scheduler:us-east-1:000000000000:schedule/default/nightly");
    const dup = await rejection(sb.aws.scheduler.send(new CreateScheduleCommand(schedule())));
    expect([dup.name, dup.$metadata.httpStatusCode, dup.message]).toEqual(["ConflictException", 409, "Schedule nightly already exists."]);
    const got = await sb.aws.scheduler.send(new GetScheduleCommand({ Name: "nightly" }));
    expect(got).toMatchObject({
      Arn: ScheduleArn, Name: "nightly", GroupName: "default", State: "ENABLED", ScheduleExpression: "rate(5 minutes)", ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" }, ActionAfterCompletion: "NONE",
      Target: { Arn: clusterArn, RoleArn: ROLE, RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 }, EcsParameters: { TaskCount: 2, LaunchType: "FARGATE" } },
    });
    expect(got.CreationDate).toEqual(new Date(1_700_000_000_000));
    await sb.aws.scheduler.send(new CreateScheduleGroupCommand({ Name: "stevedore-shop", Tags: [{ Key: "stevedore:design", Value: "shop" }] }));
    await sb.aws.scheduler.send(new CreateScheduleCommand(schedule({ Name: "cleanup", GroupName: "stevedore-shop", ScheduleExpression: "cron(0 3 ? * MON-FRI *)", ScheduleExpressionTimezone: "Europe/Berlin", State: "DISABLED" })));
    const all = await sb.aws.scheduler.send(new ListSchedulesCommand({}));
    expect(all.Schedules?.map((s) => [s.GroupName, s.Name, s.State, s.Target?.Arn])).toEqual([["default", "nightly", "ENABLED", clusterArn], ["stevedore-shop", "cleanup", "DISABLED", clusterArn]]);
    expect((await sb.aws.scheduler.send(new ListSchedulesCommand({ GroupName: "stevedore-shop" }))).Schedules?.map((s) => s.Name)).toEqual(["cleanup"]);
    expect((await sb.aws.scheduler.send(new ListSchedulesCommand({ State: "ENABLED", NamePrefix: "ni" }))).Schedules?.map((s) => s.Name)).toEqual(["nightly"]);
    const first = await sb.aws.scheduler.send(new ListSchedulesCommand({ MaxResults: 1 }));
    expect(first.Schedules).toHaveLength(1);
    const second = await sb.aws.scheduler.send(new ListSchedulesCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect([second.Schedules?.[0].Name, second.NextToken]).toEqual(["cleanup", undefined]);
    expect((await rejection(sb.aws.scheduler.send(new GetScheduleCommand({ Name: "cleanup" })))).name).toBe("ResourceNotFoundException");
    expect((await sb.aws.scheduler.send(new GetScheduleCommand({ Name: "cleanup", GroupName: "stevedore-shop" }))).ScheduleExpressionTimezone).toBe("Europe/Berlin");
    // An update replaces the schedule: what it leaves out goes back to its default.
    await sb.aws.scheduler.send(new UpdateScheduleCommand({ ...schedule({ Name: "cleanup", GroupName: "stevedore-shop", ScheduleExpression: "rate(1 hour)" }), Description: "hourly" }));
    const updated = await sb.aws.scheduler.send(new GetScheduleCommand({ Name: "cleanup", GroupName: "stevedore-shop" }));
    expect([updated.ScheduleExpression, updated.ScheduleExpressionTimezone, updated.State, updated.Description]).toEqual(["rate(1 hour)", "UTC", "ENABLED", "hourly"]);
    expect((await rejection(sb.aws.scheduler.send(new UpdateScheduleCommand(schedule({ Name: "ghost" }))))).message).toBe("Schedule ghost does not exist.");
  });

  it("keeps schedule groups (default included) and their tags", async () => {
    const groups = await sb.aws.scheduler.send(new ListScheduleGroupsCommand({}));
    expect(groups.ScheduleGroups?.map((g) => [g.Name, g.State])).toEqual([["default", "ACTIVE"], ["stevedore-shop", "ACTIVE"]]);
    const arn = (await sb.aws.scheduler.send(new GetScheduleGroupCommand({ Name: "stevedore-shop" }))).Arn!;
    expect(arn).toBe("arn:aws:scheduler:us-east-1:000000000000:schedule-group/stevedore-shop");
    await sb.aws.scheduler.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: "team", Value: "data" }] }));
    await sb.aws.scheduler.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["team"] }));
    expect((await sb.aws.scheduler.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: "stevedore:design", Value: "shop" }]);
    const again = await rejection(sb.aws.scheduler.send(new CreateScheduleGroupCommand({ Name: "stevedore-shop" })));
    expect([again.name, again.$metadata.httpStatusCode]).toEqual(["ConflictException", 409]);
    expect((await rejection(sb.aws.scheduler.send(new DeleteScheduleGroupCommand({ Name: "default" })))).name).toBe("ValidationException");
  });

  it("fires a rate schedule on the sandbox clock: RunTask with its EcsParameters and Input as overrides", async () => {
    await sb.step(4 * 60);
    expect(await tasksStartedBy("chronos-schedule/nightly")).toEqual([]);
    await sb.step(60);
    const tasks = await tasksStartedBy("chronos-schedule/nightly");
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ launchType: "FARGATE", taskDefinitionArn, group: "family:report", overrides: { containerOverrides: [{ name: "report", environment: [{ name: "MODE", value: "full" }] }] } });
    await sb.step(30);
    expect((await tasksStartedBy("chronos-schedule/nightly")).map((t) => t.lastStatus)).toEqual(["RUNNING", "RUNNING"]);
    await sb.step(5 * 60);
    expect(await tasksStartedBy("chronos-schedule/nightly")).toHaveLength(4);
  });

  it("runs a one-time at() schedule once and deletes it after with ActionAfterCompletion DELETE", async () => {
    // The frozen clock is at 2023-11-14T22:13:20Z, ten minutes and a half later now.
    await sb.aws.scheduler.send(new DeleteScheduleCommand({ Name: "nightly" }));
    await sb.aws.scheduler.send(new CreateScheduleCommand(schedule({ Name: "once", ScheduleExpression: "at(2023-11-14T22:30:00)", ActionAfterCompletion: "DELETE" })));
    await sb.aws.scheduler.send(new CreateScheduleCommand(schedule({ Name: "once-kept", ScheduleExpression: "at(2023-11-14T22:30:00)", Target: { ...schedule().Target!, EcsParameters: { ...schedule().Target!.EcsParameters!, TaskCount: 1 } } })));
    await sb.step(10 * 60);
    expect(await tasksStartedBy("chronos-schedule/once")).toHaveLength(2);
    expect(await tasksStartedBy("chronos-schedule/once-kept")).toHaveLength(1);
    expect((await rejection(sb.aws.scheduler.send(new GetScheduleCommand({ Name: "once" })))).name).toBe("ResourceNotFoundException");
    expect((await sb.aws.scheduler.send(new GetScheduleCommand({ Name: "once-kept" }))).State).toBe("ENABLED");
    await sb.step(60 * 60);
    expect(await tasksStartedBy("chronos-schedule/once-kept")).toHaveLength(1);
  });

  it("deletes a group with its schedules", async () => {
    await sb.aws.scheduler.send(new DeleteScheduleGroupCommand({ Name: "stevedore-shop" }));
    expect((await rejection(sb.aws.scheduler.send(new GetScheduleGroupCommand({ Name: "stevedore-shop" })))).message).toBe("Schedule group stevedore-shop does not exist.");
    expect((await sb.aws.scheduler.send(new ListSchedulesCommand({}))).Schedules?.map((s) => s.Name)).toEqual(["once-kept"]);
  });
});
