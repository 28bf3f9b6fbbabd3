import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { AppContext } from "@/lib/server/context";
import { createEnvironment } from "@/lib/server/environments";
import { clearClusterScheduleCache, getClusterSchedules } from "@/lib/server/monitor";
import { testCtx } from "./helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { startPlanSandbox } from "./plan-apply/sandbox";

// The cluster page's scheduled tasks: the server reads EventBridge Scheduler and ECS (the real
// clients over HTTP against the sandbox) for the schedules that target the cluster, when they
// run next and the tasks they started on the sandbox clock.

let tdb: TestDatabase;
let db: Db;
let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
let ctx: AppContext;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
  sb = await startPlanSandbox("eu-west-1");
  // The sandbox environment's ports and clock are this sandbox's.
  ctx = testCtx(db, { aws: sb.aws, sandbox: sb.deps });
  await sb.ecs.createCluster({ clusterName: "jobs" });
  await sb.ecs.createCluster({ clusterName: "other" });
  await sb.control({ action: "addInstances", cluster: "jobs", count: 1, instanceType: "m5.large" });
  await sb.ecs.registerTaskDefinition({ family: "report", containerDefinitions: [{ name: "report", image: "busybox:1.36", memory: 128, command: ["sleep", "60"] }] });
});
afterAll(async () => {
  await sb.close();
  await tdb.drop();
});

describe("the cluster page's scheduled tasks", () => {
  it("lists the cluster's schedules with their next run and the tasks they started", async () => {
    const e = await createEnvironment({ ctx, input: { name: "sb-schedules", kind: "sandbox", region: "eu-west-1", readOnly: false } });
    const scheduler = sb.aws.scheduler({ region: "eu-west-1" });
    const target = (cluster: string) => ({
      Arn: `arn:aws:ecs:eu-west-1:000000000000:cluster/${cluster}`, RoleArn: "arn:aws:iam::000000000000:role/r",
      EcsParameters: { TaskDefinitionArn: "arn:aws:ecs:eu-west-1:000000000000:task-definition/report:1", LaunchType: "EC2" as const },
    });
    try {
      await scheduler.createSchedule({ Name: "every-5", ScheduleExpression: "rate(5 minutes)", FlexibleTimeWindow: { Mode: "OFF" }, Target: target("jobs") });
      await scheduler.createSchedule({ Name: "paused", ScheduleExpression: "cron(0 3 * * ? *)", State: "DISABLED", FlexibleTimeWindow: { Mode: "OFF" }, Target: target("jobs") });
      await scheduler.createSchedule({ Name: "elsewhere", ScheduleExpression: "rate(1 hour)", FlexibleTimeWindow: { Mode: "OFF" }, Target: target("other") });
    } finally {
      scheduler.destroy();
    }
    const before = await getClusterSchedules({ ctx, input: { envId: e.id, cluster: "jobs" } });
    expect(before.error).toBeUndefined();
    expect(before.schedules.map((s) => [s.name, s.state, s.tasks.length])).toEqual([["every-5", "ENABLED", 0], ["paused", "DISABLED", 0]]);
    // The sandbox's frozen clock is at 2023-11-14T22:13:20Z; a rate counts from the schedule's creation.
    expect(before.schedules[0]).toMatchObject({ expression: "rate(5 minutes)", taskDefinition: "report:1", taskCount: 1, nextRunAt: "2023-11-14T22:18:20.000Z" });
    expect(before.schedules[1].nextRunAt).toBeUndefined();

    await sb.control({ action: "step", seconds: 5 * 60 + 10 });
    clearClusterScheduleCache();
    const after = await getClusterSchedules({ ctx, input: { envId: e.id, cluster: "jobs" } });
    expect(after.schedules[0].tasks).toHaveLength(1);
    expect(after.schedules[0].tasks[0].lastStatus).toMatch(/^(PROVISIONING|PENDING|ACTIVATING|RUNNING)$/);
  });
});
