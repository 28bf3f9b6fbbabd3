import type { Service, Task } from "@aws-sdk/client-ecs";
import { createEcsPort } from "../lib/aws";
import { createDb } from "../lib/db";
import { callsPerRefresh, recordsOf, toView, totalCalls, type ClusterSnapshot, type SnapshotRecords } from "../lib/domain/monitor";
import { listenSandbox } from "../lib/sandbox/node-server";
import { MemoryStore, Mutex, type SandboxDeps } from "../lib/sandbox/store";
import { CallCounter } from "../lib/server/monitor/call-counter";
import { countedEcs, monitorEcsOver, type MonitorEcs } from "../lib/server/monitor/monitor-ecs";
import { insertRecords } from "../lib/server/monitor/recorder";
import { refreshCluster } from "../lib/server/monitor/refresh-cluster";
import { DEFAULT_ADMIN_URL, withScratchDatabase } from "./measure-db";
import { SERVICES, TASKS_PER_SERVICE, buildSandbox } from "./measure-sandbox";
import { median, percentile } from "./stats";

// Live monitoring at scale: one refresh of a cluster of 100 services and 1,000 tasks through the
// real @aws-sdk/client-ecs over HTTP against the sandbox (ECS calls and server CPU), and the
// flight recorder's insert throughput on PostgreSQL.

export type MonitorBenchRow = { metric: string; value: string; target: string; result: "pass" | "FAIL" | "info" | "ERROR" };
export type MonitorBenchOptions = { runs?: number; warmup?: number; adminUrl?: string };

const ms = (v: number) => `${v.toFixed(1)} ms`;
const REAL_NOW = 1_700_000_000_000;

/** CPU (user + system) and wall time of `fn`, in milliseconds. */
async function cpu<T>(fn: () => Promise<T>): Promise<{ cpuMs: number; wallMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - t0, value };
}

/** The monitor's reads replayed from one real answer: what the server does per refresh besides ECS and the network. */
function replay(services: Service[], tasks: Task[]): MonitorEcs {
  return {
    listServices: async () => services.map((s) => s.serviceArn!),
    describeServices: async () => structuredClone(services),
    listTasks: async (_c, status) => tasks.filter((t) => (status === "STOPPED") === (t.desiredStatus === "STOPPED")).map((t) => t.taskArn!),
    describeTasks: async () => structuredClone(tasks),
  };
}

export async function measureMonitor(opts: MonitorBenchOptions = {}): Promise<MonitorBenchRow[]> {
  const runs = opts.runs ?? 20;
  const warmup = opts.warmup ?? 3;
  const rows: MonitorBenchRow[] = [];
  const world = buildSandbox();
  const store = new MemoryStore();
  await store.save(world.state);
  const deps: SandboxDeps = { store, mutex: new Mutex(), now: () => REAL_NOW };
  const server = await listenSandbox(deps);
  const credentials = { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" };
  const port = createEcsPort({ region: "us-east-1", endpoint: server.url, credentials, maxAttempts: 1 });
  let snapshot: ClusterSnapshot | undefined;
  try {
    const ecs = monitorEcsOver(port);
    const counter = new CallCounter();
    const counted = countedEcs(ecs, counter);
    for (let i = 0; i < warmup; i++) await refreshCluster(counted, "bench", new Date());
    const before = counter.total();
    const wall: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await cpu(() => refreshCluster(counted, "bench", new Date()));
      wall.push(r.wallMs);
      cpus.push(r.cpuMs);
      snapshot = r.value;
    }
    const perRefresh = (counter.total() - before) / runs;
    const expected = totalCalls(callsPerRefresh(SERVICES, SERVICES * TASKS_PER_SERVICE));
    rows.push({
      metric: `monitor: ECS calls per refresh (${SERVICES} services, ${SERVICES * TASKS_PER_SERVICE} tasks)`,
      value: `${perRefresh} (${Object.entries(counter.byOperation()).map(([op, n]) => `${op} ${n / (runs + warmup)}`).join(", ")})`,
      target: `= ${expected}`, result: perRefresh === expected ? "pass" : "FAIL",
    });
    rows.push({ metric: `monitor: refresh over HTTP incl. in-process sandbox, wall (median / p95 of ${runs})`, value: `${ms(median(wall))} / ${ms(percentile(wall, 95))}`, target: "—", result: "info" });
    rows.push({ metric: "… CPU incl. SDK and sandbox (median)", value: ms(median(cpus)), target: "—", result: "info" });

    // The monitor's own share: turning ECS answers into a snapshot, a view and records.
    const svcs = (await ecs.describeServices("bench", await ecs.listServices("bench")));
    const tasks = await ecs.describeTasks("bench", [...await ecs.listTasks("bench", "RUNNING"), ...await ecs.listTasks("bench", "STOPPED")]);
    const replayed = replay(svcs, tasks);
    const own: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const r = await cpu(async () => {
        const s = await refreshCluster(replayed, "bench", new Date());
        recordsOf(s);
        return JSON.stringify(toView({ envId: "bench", cluster: "bench", snapshot: s, now: new Date(), intervalMs: 2000 }));
      });
      if (i >= warmup) own.push(r.cpuMs);
    }
    rows.push({ metric: "monitor: server CPU per refresh, monitor only (snapshot + records + view JSON, median)", value: ms(median(own)), target: "≤ 50 ms", result: median(own) <= 50 ? "pass" : "FAIL" });
    const viewCpu = await cpu(async () => {
      for (let i = 0; i < 20; i++) JSON.stringify(toView({ envId: "bench", cluster: "bench", snapshot: snapshot!, now: new Date(), intervalMs: 2000 }));
    });
    rows.push({ metric: "monitor: CPU per viewer request (view of the shared snapshot, mean of 20)", value: ms(viewCpu.cpuMs / 20), target: "—", result: "info" });
  } finally {
    port.destroy();
    await server.close();
  }

  // Recorder throughput: fresh events (every row new) and a repeat (every row a de-duplicated no-op).
  const adminUrl = opts.adminUrl ?? process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
  try {
    await withScratchDatabase(adminUrl, async (url) => {
      const db = await createDb({ url });
      try {
        const BATCH = 2_000;
        const BATCHES = 10;
        const batch = (n: number): SnapshotRecords => ({
          events: Array.from({ length: BATCH }, (_, i) => ({
            key: `svc-${i % 100}#ev-${n}-${i}`, serviceName: `svc-${i % 100}`, eventId: `ev-${n}-${i}`,
            createdAt: new Date(REAL_NOW + i).toISOString(), message: `(service svc-${i % 100}) has started 1 tasks: (task ${n}${i}).`,
          })),
          tasks: [], deployments: [], samples: [],
        });
        const batches = Array.from({ length: BATCHES }, (_, n) => batch(n));
        const fresh = await cpu(async () => { for (const b of batches) await insertRecords(db, "bench", "bench", b, new Date()); });
        const repeat = await cpu(async () => { for (const b of batches) await insertRecords(db, "bench", "bench", b, new Date()); });
        const rate = (BATCH * BATCHES) / (fresh.wallMs / 1000);
        rows.push({ metric: `recorder: event inserts on PostgreSQL (${BATCHES} × ${BATCH}, ON CONFLICT DO NOTHING)`, value: `${Math.round(rate).toLocaleString("en")} events/s`, target: "≥ 10,000 events/s", result: rate >= 10_000 ? "pass" : "FAIL" });
        rows.push({ metric: "recorder: repeated events (all de-duplicated)", value: `${Math.round((BATCH * BATCHES) / (repeat.wallMs / 1000)).toLocaleString("en")} events/s`, target: "—", result: "info" });
        if (snapshot) {
          const recs = recordsOf(snapshot);
          const one = await cpu(() => insertRecords(db, "bench", "bench2", recs, new Date()));
          rows.push({ metric: `recorder: first recording of the 100-service snapshot (${recs.events.length} events, ${recs.tasks.length} task states)`, value: ms(one.wallMs), target: "—", result: "info" });
        }
      } finally {
        await db.$disconnect();
      }
    });
  } catch (err) {
    console.error("recorder benchmark failed:", err);
    rows.push({ metric: "recorder: event inserts on PostgreSQL", value: "error (see log)", target: "≥ 10,000 events/s", result: "ERROR" });
  }
  return rows;
}

// `npx tsx bench/measure-monitor.ts` prints the rows on their own.
if (process.argv[1] && /measure-monitor\.ts$/.test(process.argv[1])) {
  measureMonitor().then((rows) => {
    for (const r of rows) console.log(`${r.result.padEnd(5)} ${r.metric}: ${r.value} (target ${r.target})`);
  }, (err) => {
    console.error(err);
    process.exit(1);
  });
}
