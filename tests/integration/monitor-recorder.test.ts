import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import type { Db } from "@/lib/db";
import { explainStop, toView } from "@/lib/domain/monitor";
import { ClusterPoller, FlightRecorder, pruneHistory, queryHistory } from "@/lib/server/monitor";
import { testCtx } from "./helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { manualClock, startCountingSandbox } from "./monitor-harness";

let sb: Awaited<ReturnType<typeof startCountingSandbox>>;
let tdb: TestDatabase;
let db: Db;
const clock = manualClock();
const cluster = "prod";
const envId = "env-recorder";

beforeAll(async () => {
  sb = await startCountingSandbox();
  tdb = await createTestDatabase();
  db = await tdb.client();
  await sb.sdk.send(new CreateClusterCommand({ clusterName: cluster }));
  await sb.control({ action: "addInstances", cluster, count: 2 });
  await sb.sdk.send(new RegisterTaskDefinitionCommand({ family: "shop", containerDefinitions: [{ name: "app", image: "shop:1", memory: 256, cpu: 128 }] }));
  await sb.sdk.send(new CreateServiceCommand({ cluster, serviceName: "shop", taskDefinition: "shop", desiredCount: 2 }));
  await sb.step(30);
});
afterAll(async () => {
  await sb?.close();
  await tdb?.drop();
});

function poller() {
  return new ClusterPoller({ db, envId, cluster, holder: "it", ecs: async () => ({ ecs: sb.ecs }), now: clock.now, intervalMs: 2000 });
}
const p = () => shared;
let shared: ClusterPoller;
const count = async (table: string, where = "") =>
  Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "environment_id" = $1 ${where}`, envId))[0].n);

describe("the flight recorder against the sandbox", () => {
  it("shows a crashed container's failure, its plain-language reason and the replacement", async () => {
    shared = poller();
    await p().tick();
    const before = p().latest!.snapshot!;
    expect(before.services[0]).toMatchObject({ serviceName: "shop", desiredCount: 2, runningCount: 2 });
    const victim = before.tasks.find((t) => t.lastStatus === "RUNNING")!;

    await sb.control({ action: "outOfMemory", cluster, task: victim.taskArn });
    clock.advance(2000);
    await p().tick();
    // On its way down the task already carries its stop code, so the reason shows before STOPPED.
    const stopping = p().latest!.snapshot!.tasks.find((t) => t.taskArn === victim.taskArn)!;
    expect(stopping).toMatchObject({ desiredStatus: "STOPPED", stopCode: "EssentialContainerExited" });
    expect(explainStop(stopping)!.category).toBe("out-of-memory");
    await sb.step(5);
    clock.advance(2000);
    await p().tick();
    let snap = p().latest!.snapshot!;
    const dead = snap.tasks.find((t) => t.taskArn === victim.taskArn)!;
    expect(dead).toMatchObject({ lastStatus: "STOPPED", stopCode: "EssentialContainerExited" });
    expect(dead.containers[0].exitCode).toBe(137);
    expect(explainStop(dead)!.summary).toMatch(/killed for using more memory than its limit/);

    await sb.step(30);
    clock.advance(2000);
    await p().tick();
    snap = p().latest!.snapshot!;
    const running = snap.tasks.filter((t) => t.lastStatus === "RUNNING");
    expect(running).toHaveLength(2);
    expect(running.map((t) => t.taskArn)).not.toContain(victim.taskArn);
    expect(snap.services[0].events.some((e) => /has started 1 tasks/.test(e.message))).toBe(true);
    const view = toView({ envId, cluster, snapshot: snap, now: new Date(snap.takenAt), intervalMs: 2000 });
    expect(view.services[0].health.level).toBe("healthy");

    const stops = await queryHistory({ ctx: testCtx(db, { clock }), input: { envId, cluster, kind: "tasks", stopReason: "out-of-memory", limit: 10 } });
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({ taskArn: victim.taskArn, lastStatus: "STOPPED", stopCode: "EssentialContainerExited", stopCategory: "out-of-memory" });
    expect(stops[0].containers).toEqual([expect.objectContaining({ name: "app", exitCode: 137 })]);
    expect(String(stops[0].explanation)).toMatch(/memory/);
    const started = await queryHistory({ ctx: testCtx(db, { clock }), input: { envId, cluster, kind: "events", service: "shop", text: "has started 1 tasks", limit: 10 } });
    expect(started.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps events beyond ECS's 100 and stopped tasks beyond their hour", async () => {
    for (let i = 0; i < 80 && (await count("monitor_events")) <= 130; i++) {
      const arns = (await sb.sdk.send(new ListTasksCommand({ cluster, serviceName: "shop" }))).taskArns!;
      await sb.control({ action: "crashTask", cluster, task: arns[0], exitCode: 1 });
      await sb.step(20);
      clock.advance(2000);
      await p().tick();
    }
    const ecsEvents = (await sb.sdk.send(new DescribeServicesCommand({ cluster, services: ["shop"] }))).services![0].events!;
    expect(ecsEvents.length).toBeLessThanOrEqual(100);
    const recorded = await count("monitor_events");
    expect(recorded).toBeGreaterThan(100);
    // Every event ECS still shows is recorded exactly once.
    const keys = await db.$queryRawUnsafe<{ event_id: string }[]>(`SELECT "event_id" FROM "monitor_events" WHERE "environment_id" = $1`, envId);
    const ids = new Set(keys.map((k) => k.event_id));
    expect(ids.size).toBe(keys.length);
    for (const e of ecsEvents) expect(ids.has(e.id!)).toBe(true);

    const stoppedBefore = await count("monitor_task_states", `AND "last_status" = 'STOPPED'`);
    const oneStopped = (await queryHistory({ ctx: testCtx(db, { clock }), input: { envId, cluster, kind: "tasks", stopReason: "exited", limit: 1 } }))[0];
    await sb.step(3700);
    clock.advance(2000);
    await p().tick();
    const gone = await sb.sdk.send(new DescribeTasksCommand({ cluster, tasks: [String(oneStopped.taskArn)] }));
    expect(gone.tasks).toHaveLength(0);
    expect(p().latest!.snapshot!.tasks.some((t) => t.lastStatus === "STOPPED")).toBe(false);
    expect(await count("monitor_task_states", `AND "last_status" = 'STOPPED'`)).toBe(stoppedBefore);
    expect(String(oneStopped.explanation)).toMatch(/exited/);
  });

  it("adds nothing when the same snapshot is recorded again, and prunes past the retention", async () => {
    const snap = p().latest!.snapshot!;
    const fresh = new FlightRecorder(db, envId, cluster);
    expect(await fresh.record(snap, clock.now())).toMatchObject({ events: 0, tasks: 0, deployments: 0 });
    const total = await count("monitor_events");
    expect(await pruneHistory(db, new Date(clock.now().getTime() + 29 * 86_400_000), 30)).toBe(0);
    expect(await count("monitor_events")).toBe(total);
    expect(await pruneHistory(db, new Date(clock.now().getTime() + 31 * 86_400_000), 30)).toBeGreaterThan(total);
    expect(await count("monitor_events")).toBe(0);
  });
});
