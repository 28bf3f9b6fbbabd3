import { describe, expect, it } from "vitest";
import { nextRun, toScheduleViews } from "./schedules";

const at = (iso: string) => Date.parse(iso);

describe("a cluster's schedules in the monitor", () => {
  it("says when each runs next: rate from its creation, cron in its time zone, none when disabled or ended", () => {
    const created = new Date("2026-12-07T10:00:00Z");
    expect(nextRun({ State: "ENABLED", ScheduleExpression: "rate(10 minutes)", CreationDate: created }, at("2026-12-07T10:25:00Z"))).toBe(at("2026-12-07T10:30:00Z"));
    expect(nextRun({ State: "ENABLED", ScheduleExpression: "cron(0 3 * * ? *)", ScheduleExpressionTimezone: "Europe/Berlin" }, at("2026-12-07T10:00:00Z"))).toBe(at("2026-12-08T02:00:00Z"));
    expect(nextRun({ State: "DISABLED", ScheduleExpression: "rate(1 hour)" }, 0)).toBeUndefined();
    expect(nextRun({ State: "ENABLED", ScheduleExpression: "rate(1 hour)", CreationDate: created, EndDate: new Date("2026-12-07T10:30:00Z") }, at("2026-12-07T10:10:00Z"))).toBeUndefined();
    expect(nextRun({ State: "ENABLED", ScheduleExpression: "at(2026-12-01T00:00:00)" }, at("2026-12-07T10:00:00Z"))).toBeUndefined();
  });
  it("lists them by name with their tasks, newest first", () => {
    const views = toScheduleViews(
      [{ Name: "b", GroupName: "g", State: "ENABLED", ScheduleExpression: "rate(1 hour)", Target: { EcsParameters: { TaskDefinitionArn: "arn:aws:ecs:us-east-1:1:task-definition/report:3", TaskCount: 2 } } },
        { Name: "a", GroupName: "default", State: "DISABLED", ScheduleExpression: "rate(1 day)" }],
      new Map([["g/b", [
        { taskArn: "arn:aws:ecs:us-east-1:1:task/c/old", lastStatus: "STOPPED", createdAt: new Date(1000), containers: [{ exitCode: 0 }] },
        { taskArn: "arn:aws:ecs:us-east-1:1:task/c/new", lastStatus: "RUNNING", createdAt: new Date(2000) },
      ]]]),
      0,
    );
    expect(views.map((v) => v.name)).toEqual(["a", "b"]);
    expect(views[1]).toMatchObject({ taskDefinition: "report:3", taskCount: 2, tasks: [{ taskId: "new", lastStatus: "RUNNING" }, { taskId: "old", exitCode: 0 }] });
  });
});
