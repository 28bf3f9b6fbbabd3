import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import type { Db } from "@/lib/db";
import { callsPerRefresh } from "@/lib/domain/monitor";
import { ClusterPoller, MonitorHub, getClusterView, leaseHolder, leaseTtl } from "@/lib/server/monitor";
import type { AppContext } from "@/lib/server/context";
import { testCtx } from "./helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { manualClock, manualScheduler, startCountingSandbox } from "./monitor-harness";

let sb: Awaited<ReturnType<typeof startCountingSandbox>>;
let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  sb = await startCountingSandbox();
  tdb = await createTestDatabase();
  db = await tdb.client();
  await sb.sdk.send(new RegisterTaskDefinitionCommand({ family: "web", containerDefinitions: [{ name: "app", image: "web:1", memory: 64, cpu: 16 }] }));
  for (const cluster of ["small", "big"]) {
    await sb.sdk.send(new CreateClusterCommand({ clusterName: cluster }));
    await sb.control({ action: "addInstances", cluster, count: 6 });
  }
  await sb.sdk.send(new CreateServiceCommand({ cluster: "small", serviceName: "web", taskDefinition: "web", desiredCount: 3 }));
  // 23 services and 150 tasks: 3 DescribeServices, 2 DescribeTasks, 2 pages of RUNNING tasks.
  for (let i = 0; i < 23; i++) {
    await sb.sdk.send(new CreateServiceCommand({ cluster: "big", serviceName: `svc-${String(i).padStart(2, "0")}`, taskDefinition: "web", desiredCount: i < 12 ? 7 : 6 }));
  }
  await sb.step(60);
});
afterAll(async () => {
  await sb?.close();
  await tdb?.drop();
});

function hub(holder: string, clock = manualClock(), sched = manualScheduler()) {
  const h = new MonitorHub({ db: async () => db, ecsFor: () => async () => ({ ecs: sb.ecs }), holder, now: clock.now, scheduler: sched.scheduler, intervalMs: 2000 });
  return { h, clock, sched, ctx: (): AppContext => testCtx(db, { clock, monitor: h }) };
}

describe("polling", () => {
  it("costs ceil(S/10) DescribeServices + ceil(T/100) DescribeTasks + list pages per refresh", async () => {
    const p = new ClusterPoller({ db, envId: "env-budget", cluster: "big", holder: "a", ecs: async () => ({ ecs: sb.ecs }), intervalMs: 2000 });
    await p.tick();
    const snap = p.latest!.snapshot!;
    expect(snap.services).toHaveLength(23);
    expect(snap.tasks).toHaveLength(150);
    sb.resetCalls();
    const before = p.counter.byOperation();
    await p.tick();
    const expected = callsPerRefresh(23, 150);
    expect(expected).toEqual({ ListServices: 1, DescribeServices: 3, ListTasks: 3, DescribeTasks: 2 });
    // Counted where ECS would see them (HTTP requests) and by the monitor itself.
    expect(sb.calls).toEqual(expected);
    const after = p.counter.byOperation();
    expect(Object.fromEntries(Object.keys(expected).map((k) => [k, after[k] - (before[k] ?? 0)]))).toEqual(expected);
    await p.shutdown();
  });

  it("makes the same ECS calls for 20 viewers as for one", async () => {
    async function run(viewers: number, envId: string) {
      const { h, clock, sched, ctx } = hub(`viewers-${viewers}`);
      sb.resetCalls();
      for (let round = 0; round < 5; round++) {
        const views = await Promise.all(Array.from({ length: viewers }, () => getClusterView({ ctx: ctx(), input: { envId, cluster: "small" } })));
        expect(views.every((v) => v.services[0]?.runningCount === 3 && !v.stale)).toBe(true);
        clock.advance(2000);
        sched.fire();
        await (await h.poller(envId, "small")).touch();
      }
      const calls = { ...sb.calls };
      await h.shutdown();
      return calls;
    }
    const one = await run(1, "env-one");
    const twenty = await run(20, "env-twenty");
    expect(one.DescribeServices).toBeGreaterThanOrEqual(5);
    expect(twenty).toEqual(one);
  });

  it("hands the cluster to another instance when the lease holder dies, within one interval", async () => {
    const envId = "env-lease";
    const clock = manualClock();
    const a = hub("instance-a", clock);
    const b = hub("instance-b", clock);
    const pa = await a.h.poller(envId, "small");
    const pb = await b.h.poller(envId, "small");
    await pa.tick();
    expect(pa.isHolder).toBe(true);
    sb.resetCalls();
    await pb.tick();
    expect(pb.isHolder).toBe(false);
    expect(sb.totalCalls()).toBe(0);
    expect(pb.latest!.snapshot!.takenAt).toBe(pa.latest!.snapshot!.takenAt);
    expect(pb.latest!.holder).toBe("instance-a");

    // A dies without a word: B keeps reading while the lease is valid, then takes over.
    const lease = (await leaseHolder(db, envId, "small"))!;
    expect(lease.expiresAt.getTime() - clock.now().getTime()).toBe(leaseTtl(2000));
    clock.advance(2000);
    await pb.tick();
    expect(pb.isHolder).toBe(false);
    expect(sb.totalCalls()).toBe(0);
    clock.advance(2000);
    await pb.tick();
    expect(pb.isHolder).toBe(true);
    expect(sb.totalCalls()).toBeGreaterThan(0);
    expect((await leaseHolder(db, envId, "small"))!.holder).toBe("instance-b");
    expect(pb.latest!.snapshot!.takenAt).toBe(clock.now().toISOString());

    // A comes back: it finds the lease taken and becomes a reader.
    await pa.tick();
    expect(pa.isHolder).toBe(false);
    expect(pa.latest!.holder).toBe("instance-b");
    await b.h.shutdown();
    await a.h.shutdown();
  });

  it("stops polling when nobody has watched for a while", async () => {
    const clock = manualClock();
    const sched = manualScheduler();
    const h = new MonitorHub({ db: async () => db, ecsFor: () => async () => ({ ecs: sb.ecs }), holder: "idle", now: clock.now, scheduler: sched.scheduler, intervalMs: 2000, idleMs: 10_000 });
    const p = await h.poller("env-idle", "small");
    const unsubscribe = p.subscribe(() => {});
    await p.touch();
    expect(sched.pending()).toBe(1);
    unsubscribe();
    clock.advance(11_000);
    sched.fire();
    await new Promise((r) => setTimeout(r, 200));
    expect(p.active).toBe(false);
    expect(sched.pending()).toBe(0);
    await h.shutdown();
  });
});

describe("throttling", () => {
  it("backs off on ThrottlingException and keeps the last snapshot, flagged", async () => {
    let throttle = false;
    const ecs = { ...sb.ecs, listServices: async (c: string) => {
      if (throttle) throw Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
      return sb.ecs.listServices(c);
    } };
    const p = new ClusterPoller({ db, envId: "env-throttle", cluster: "small", holder: "t", ecs: async () => ({ ecs }), intervalMs: 2000 });
    await p.tick();
    const good = p.latest!.snapshot!;
    throttle = true;
    await p.tick();
    expect(p.throttled).toBe(1);
    expect(p.intervalMs).toBe(4000);
    await p.tick();
    expect(p.intervalMs).toBe(8000);
    expect(p.latest).toMatchObject({ error: expect.stringMatching(/ThrottlingException/), snapshot: good });
    throttle = false;
    await p.tick();
    expect(p.throttled).toBe(0);
    expect(p.latest!.error).toBeUndefined();
    await p.shutdown();
  });
});
