import { describe, expect, it } from "vitest";
import type { GetScheduleOutput } from "@aws-sdk/client-scheduler";
import type { Design, ScheduledTask } from "../design";
import { planDesign } from "./plan-design";
import type { LiveState } from "./types";

const task = (over: Partial<ScheduledTask> = {}): ScheduledTask => ({
  id: "st-1", name: "nightly", cluster: "main", taskDefinition: "report", scheduleExpression: "cron(0 3 * * ? *)",
  roleArn: "arn:aws:iam::123456789012:role/r", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } }, ...over,
});
const design = (tasks: ScheduledTask[]): Design => ({
  schemaVersion: 1, clusters: [{ id: "cl", clusterName: "main" }], services: [], layout: {},
  taskDefinitions: [{ id: "td", family: "report", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", containerDefinitions: [{ name: "report", image: "busybox:1.36" }] }],
  scheduledTasks: tasks,
});
const ARN = "arn:aws:ecs:eu-west-1:123456789012";
const liveSchedule = (over: Partial<GetScheduleOutput> = {}): GetScheduleOutput => ({
  Name: "nightly", GroupName: "stevedore-d1", ScheduleExpression: "cron(0 3 * * ? *)", ScheduleExpressionTimezone: "UTC", State: "ENABLED",
  FlexibleTimeWindow: { Mode: "OFF" }, ActionAfterCompletion: "NONE",
  Target: {
    Arn: `${ARN}:cluster/main`, RoleArn: "arn:aws:iam::123456789012:role/r", RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
    EcsParameters: { TaskDefinitionArn: `${ARN}:task-definition/report:1`, TaskCount: 1, LaunchType: "FARGATE", NetworkConfiguration: { awsvpcConfiguration: { Subnets: ["subnet-1"] } } },
  },
  ...over,
});
const empty = (): LiveState => ({ clusters: {}, services: [], taskDefinitions: {} });
const keysOf = (p: ReturnType<typeof planDesign>) => p.steps.filter((s) => s.kind === "scheduled-task").map((s) => `${s.action} ${s.key} ${s.calls.map((c) => c.operation).join(",")}`);

describe("scheduled tasks in the plan", () => {
  it("creates the design's tagged group, then the schedule with references apply resolves", () => {
    const plan = planDesign(design([task()]), empty(), { designId: "d1" });
    expect(keysOf(plan)).toEqual(["create schedule-group:stevedore-d1 CreateScheduleGroup", "create scheduled-task:stevedore-d1/nightly CreateSchedule"]);
    const keys = plan.steps.map((s) => s.key);
    expect(keys.indexOf("scheduled-task:stevedore-d1/nightly")).toBeGreaterThan(keys.indexOf("task-definition:report"));
    expect(plan.steps.find((s) => s.key === "schedule-group:stevedore-d1")!.calls[0].input).toEqual({ Name: "stevedore-d1", Tags: [{ Key: "stevedore:design", Value: "d1" }] });
    expect(plan.steps.find((s) => s.key === "scheduled-task:stevedore-d1/nightly")!.calls[0].input).toMatchObject({
      FlexibleTimeWindow: { Mode: "OFF" }, State: "ENABLED", Target: { Arn: "ecs-cluster:main", EcsParameters: { TaskDefinitionArn: "report:1", TaskCount: 1 } },
    });
  });
  it("changes nothing when the live schedule matches (ARNs against references, defaults filled in)", () => {
    const live: LiveState = { ...empty(), schedules: { groups: { "stevedore-d1": { tags: [{ key: "stevedore:design", value: "d1" }] } }, byKey: { "stevedore-d1/nightly": liveSchedule() } } };
    live.taskDefinitions.report = { taskDefinition: { family: "report", revision: 1, taskDefinitionArn: `${ARN}:task-definition/report:1`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", containerDefinitions: [{ name: "report", image: "busybox:1.36" }] }, tags: [] };
    const plan = planDesign(design([task()]), live, { designId: "d1" });
    const step = plan.steps.find((s) => s.key === "scheduled-task:stevedore-d1/nightly")!;
    expect([step.action, step.changes, step.calls]).toEqual(["no-change", [], []]);
    const changed = planDesign(design([task({ scheduleExpression: "rate(1 hour)", taskCount: 2 })]), live, { designId: "d1" }).steps.find((s) => s.key === step.key)!;
    expect(changed.action).toBe("update");
    expect(changed.changes.map((c) => c.path)).toEqual(expect.arrayContaining(["scheduleExpression", "ecsParameters"]));
  });
  it("deletes dropped schedules only in groups tagged with the design", () => {
    const live: LiveState = {
      ...empty(),
      schedules: {
        groups: { "stevedore-d1": { tags: [{ key: "stevedore:design", value: "d1" }] }, default: { tags: [] } },
        byKey: { "stevedore-d1/old": liveSchedule({ Name: "old" }), "default/theirs": liveSchedule({ Name: "theirs", GroupName: "default" }) },
      },
    };
    const plan = planDesign(design([]), live, { designId: "d1" });
    expect(keysOf(plan)).toEqual(["delete scheduled-task:stevedore-d1/old DeleteSchedule"]);
  });

  it("sends the overrides as Terraform's jsonencode writes them (sorted keys, <>& escaped), so an exported schedule plans clean", () => {
    const overrides = { containerOverrides: [{ name: "report", command: ["sh", "-c", "make report > /tmp/out && echo <done>"] }], cpu: "512" };
    const plan = planDesign(design([task({ overrides: overrides as ScheduledTask["overrides"] })]), empty(), { designId: "d1" });
    const input = plan.steps.find((s) => s.key === "scheduled-task:stevedore-d1/nightly")!.calls[0].input as { Target: { Input: string } };
    expect(input.Target.Input).toBe('{"containerOverrides":[{"command":["sh","-c","make report \\u003e /tmp/out \\u0026\\u0026 echo \\u003cdone\\u003e"],"name":"report"}],"cpu":"512"}');
    expect(JSON.parse(input.Target.Input)).toEqual(overrides);
  });
});
