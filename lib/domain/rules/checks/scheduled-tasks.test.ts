import { describe, expect, it } from "vitest";
import { buildIndex } from "../engine";
import { cluster, container, design, td } from "../test-helpers";
import type { ScheduledTask } from "../../design";
import { scheduledTaskExpression, scheduledTaskName, scheduledTaskTarget } from "./scheduled-tasks";

const fargateTd = td({ family: "report", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", containerDefinitions: [container({ name: "report" })] });
const task = (over: Partial<ScheduledTask> = {}): ScheduledTask => ({
  id: "st-1", name: "nightly-report", cluster: "main", taskDefinition: "report", scheduleExpression: "cron(0 3 * * ? *)",
  roleArn: "arn:aws:iam::123456789012:role/scheduler-ecs", launchType: "FARGATE",
  networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } }, ...over,
});
const run = (tasks: ScheduledTask[], tds = [fargateTd]) => {
  const index = buildIndex(design({ clusters: [cluster()], taskDefinitions: tds, scheduledTasks: tasks }));
  return [scheduledTaskName, scheduledTaskExpression, scheduledTaskTarget].flatMap((r) => r.check(index));
};
const paths = (tasks: ScheduledTask[], tds?: typeof fargateTd[]) => run(tasks, tds).map((f) => `${f.ruleId}:${f.path.join(".")}`);

describe("scheduled tasks", () => {
  it("accepts a Fargate task on a cron schedule with its role and subnets", () => {
    expect(run([task(), task({ id: "st-2", name: "every-5", scheduleExpression: "rate(5 minutes)", scheduleExpressionTimezone: "Europe/Berlin" })])).toEqual([]);
  });
  it("checks names: Scheduler's characters, 64 at most, unique per group", () => {
    const [bad] = run([task({ name: "nightly report!" })]);
    expect(bad.ruleId).toBe("scheduled-task-name");
    expect(bad.fix?.edits).toEqual([{ path: ["scheduledTasks", 0, "name"], value: "nightly-report" }]);
    expect(paths([task({ name: "x".repeat(65) })])).toEqual(["scheduled-task-name:scheduledTasks.0.name"]);
    expect(paths([task(), task({ id: "st-2" })])).toEqual(["scheduled-task-name:scheduledTasks.1.name"]);
    expect(paths([task(), task({ id: "st-2", group: "other" })])).toEqual([]);
  });
  it("checks the expression, the time zone and the flexible window", () => {
    const [cron] = run([task({ scheduleExpression: "cron(0 3 * * *)" })]);
    expect(cron.message).toContain("six fields");
    expect(cron.fix?.edits).toEqual([{ path: ["scheduledTasks", 0, "scheduleExpression"], value: "cron(0 3 * * ? *)" }]);
    expect(paths([task({ scheduleExpression: "rate(5 minute)" })])).toEqual(["scheduled-task-expression:scheduledTasks.0.scheduleExpression"]);
    expect(paths([task({ scheduleExpression: "at(2026-12-08T03:00:00)" })])).toEqual([]);
    expect(paths([task({ scheduleExpressionTimezone: "Mars/Olympus" })])).toEqual(["scheduled-task-expression:scheduledTasks.0.scheduleExpressionTimezone"]);
    expect(paths([task({ flexibleTimeWindow: { mode: "FLEXIBLE" } })])).toEqual(["scheduled-task-expression:scheduledTasks.0.flexibleTimeWindow.maximumWindowInMinutes"]);
    expect(run([task({ actionAfterCompletion: "DELETE" })])[0].severity).toBe("warning");
  });
  it("needs the role, a cluster and task definition of the design, and 1–10 tasks", () => {
    const [role] = run([task({ roleArn: undefined })]);
    expect([role.ruleId, role.message]).toEqual(["scheduled-task-target", expect.stringContaining("Target.RoleArn is required")]);
    expect(paths([task({ roleArn: "scheduler-ecs" })])).toEqual(["scheduled-task-target:scheduledTasks.0.roleArn"]);
    expect(run([task({ cluster: "nope" })])[0].fix?.edits).toEqual([{ path: ["scheduledTasks", 0, "cluster"], value: "main" }]);
    expect(paths([task({ taskDefinition: "nope:3" })])).toEqual(["scheduled-task-target:scheduledTasks.0.taskDefinition"]);
    expect(paths([task({ taskCount: 11 })])).toEqual(["scheduled-task-target:scheduledTasks.0.taskCount"]);
    expect(paths([task({ capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT" }] })])).toEqual(["scheduled-task-target:scheduledTasks.0.capacityProviderStrategy"]);
  });
  it("needs awsvpc for Fargate and a network configuration for awsvpc", () => {
    const bridge = td({ family: "report", containerDefinitions: [container({ name: "report" })] });
    const [f] = run([task({ networkConfiguration: undefined })], [bridge]);
    expect(f.message).toContain("Fargate runs only awsvpc task definitions");
    expect(f.fix?.edits).toEqual([{ path: ["taskDefinitions", 0, "networkMode"], value: "awsvpc" }]);
    const [net] = run([task({ networkConfiguration: undefined })]);
    expect(net.fix?.fromEnvironment).toBe("default-vpc");
    expect(paths([task({ launchType: "EC2", networkConfiguration: undefined })], [bridge])).toEqual([]);
    expect(paths([task({ launchType: "EC2", networkConfiguration: { awsvpcConfiguration: { subnets: ["s"], assignPublicIp: "ENABLED" } } })])).toEqual(["scheduled-task-target:scheduledTasks.0.networkConfiguration.awsvpcConfiguration.assignPublicIp"]);
  });
  it("overrides only containers the task definition has", () => {
    expect(paths([task({ overrides: { containerOverrides: [{ name: "reprot", command: ["run"] }] } })])).toEqual(["scheduled-task-target:scheduledTasks.0.overrides.containerOverrides.0.name"]);
  });
});
