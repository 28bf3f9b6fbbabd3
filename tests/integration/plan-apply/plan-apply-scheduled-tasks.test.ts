import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SchedulerPort } from "@/lib/aws";
import type { Design, ScheduledTask } from "@/lib/domain/design";
import type { Plan } from "@/lib/domain/plan";
import { applyPlan, planAgainstAccount } from "@/lib/server/plan";
import { startPlanSandbox, webDesign } from "./sandbox";

// Plan and apply of scheduled tasks against the sandbox, through the real ECS and EventBridge
// Scheduler clients over HTTP: the design's schedule group (tagged as the design's) and its
// schedule are created after the cluster and task definition, with their ARNs resolved; a
// re-plan changes nothing; the schedule runs its task on the sandbox clock; a changed
// expression is an UpdateSchedule, a dropped task a DeleteSchedule.

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
let scheduler: SchedulerPort;
beforeEach(async () => {
  sb = await startPlanSandbox();
  scheduler = sb.aws.scheduler({ region: sb.region });
});
afterEach(async () => {
  scheduler.destroy();
  await sb.close();
});

const designId = "design-jobs";
const plan = async (d: Design) => (await planAgainstAccount(sb.ecs, d, { designId, scheduler })).plan;
const apply = (p: Plan) => applyPlan(sb.ecs, p, { scheduler });
const changed = (p: Plan) => p.steps.filter((s) => s.action !== "no-change").map((s) => `${s.action} ${s.key}`);

function scheduledDesign(over: Partial<ScheduledTask> = {}): Design {
  const d = webDesign();
  d.services = [];
  d.scheduledTasks = [{
    id: "st-report", name: "worker-every-10", cluster: "main", taskDefinition: "worker", scheduleExpression: "rate(10 minutes)",
    roleArn: "arn:aws:iam::000000000000:role/scheduler-runs-tasks", launchType: "FARGATE", taskCount: 1,
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"] } },
    overrides: { containerOverrides: [{ name: "worker", command: ["sleep", "30"] }] },
    ...over,
  }];
  return d;
}

describe("plan/apply of scheduled tasks against the sandbox", () => {
  it("creates the design's group and schedule after the cluster and task definition, then plans zero changes", async () => {
    const first = await plan(scheduledDesign());
    const keys = first.steps.map((s) => s.key);
    expect(keys.indexOf("schedule-group:stevedore-design-jobs")).toBeGreaterThan(keys.indexOf("task-definition:worker"));
    const step = first.steps.find((s) => s.key === "scheduled-task:stevedore-design-jobs/worker-every-10")!;
    expect(keys.indexOf(step.key)).toBeGreaterThan(keys.indexOf("schedule-group:stevedore-design-jobs"));
    expect(step.calls[0]).toMatchObject({
      service: "scheduler", operation: "CreateSchedule",
      input: { Name: "worker-every-10", GroupName: "stevedore-design-jobs", Target: { Arn: "ecs-cluster:main", EcsParameters: { TaskDefinitionArn: "worker:1", LaunchType: "FARGATE" } } },
    });
    expect((await apply(first)).ok).toBe(true);

    const group = await scheduler.scheduleGroup("stevedore-design-jobs");
    expect(group?.tags).toEqual([{ Key: "stevedore:design", Value: designId }]);
    const [live] = await scheduler.schedulesOf("stevedore-design-jobs");
    expect(live.Target).toMatchObject({
      Arn: "arn:aws:ecs:eu-west-1:000000000000:cluster/main",
      EcsParameters: { TaskDefinitionArn: "arn:aws:ecs:eu-west-1:000000000000:task-definition/worker:1", TaskCount: 1 },
      // As Terraform's jsonencode writes it (sorted keys), so an exported schedule plans clean.
      Input: '{"containerOverrides":[{"command":["sleep","30"],"name":"worker"}]}',
    });
    expect(JSON.parse(live.Target!.Input!)).toEqual({ containerOverrides: [{ name: "worker", command: ["sleep", "30"] }] });
    expect(changed(await plan(scheduledDesign()))).toEqual([]);

    await sb.control({ action: "step", seconds: 10 * 60 + 5 });
    const arns = await sb.ecs.listTasks({ cluster: "main", desiredStatus: "RUNNING", startedBy: "chronos-schedule/worker-every-10" });
    expect(arns).toHaveLength(1);
  });

  it("updates a changed schedule and deletes one the design dropped, only in its own group", async () => {
    expect((await apply(await plan(scheduledDesign()))).ok).toBe(true);
    const second = await plan(scheduledDesign({ scheduleExpression: "cron(0 3 * * ? *)", scheduleExpressionTimezone: "Europe/Berlin" }));
    const step = second.steps.find((s) => s.key === "scheduled-task:stevedore-design-jobs/worker-every-10")!;
    expect(step.action).toBe("update");
    expect(step.changes.map((c) => c.path)).toEqual(["scheduleExpression", "scheduleExpressionTimezone"]);
    expect((await apply(second)).ok).toBe(true);
    expect((await scheduler.getSchedule({ Name: "worker-every-10", GroupName: "stevedore-design-jobs" })).ScheduleExpression).toBe("cron(0 3 * * ? *)");

    // Someone else's schedule in the default group stays; the design's own is deleted when dropped.
    await scheduler.createSchedule({ Name: "theirs", ScheduleExpression: "rate(1 hour)", FlexibleTimeWindow: { Mode: "OFF" }, Target: { Arn: "arn:aws:sqs:eu-west-1:000000000000:q", RoleArn: "arn:aws:iam::000000000000:role/r" } });
    const dropped = { ...scheduledDesign(), scheduledTasks: [] };
    const third = await plan(dropped);
    expect(changed(third)).toEqual(["delete scheduled-task:stevedore-design-jobs/worker-every-10"]);
    expect((await apply(third)).ok).toBe(true);
    expect((await scheduler.schedulesOf("stevedore-design-jobs"))).toEqual([]);
    expect((await scheduler.listSchedules()).map((s) => s.Name)).toEqual(["theirs"]);
  });

  it("plans without Scheduler for designs without scheduled tasks, and refuses to plan them without it", async () => {
    const d = webDesign();
    await expect(planAgainstAccount(sb.ecs, d, { designId })).resolves.toBeDefined();
    await expect(planAgainstAccount(sb.ecs, scheduledDesign(), { designId })).rejects.toThrow(/needs an EventBridge Scheduler client/);
  });
});
