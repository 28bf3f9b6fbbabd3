import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import type { LogsPort } from "@/lib/aws";
import type { LogsView } from "@/lib/domain/monitor";
import { appAwsPorts } from "@/lib/server/aws-ports";
import type { AppContext } from "@/lib/server/context";
import { createEnvironment } from "@/lib/server/environments";
import { getServiceLogs, LogTailHub, tailCursor } from "@/lib/server/monitor";
import { handleControlRequest } from "@/lib/sandbox/http";
import { MemoryStore, Mutex } from "@/lib/sandbox/store";
import { testCtx } from "./helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

// The monitor's log view read against the app's own sandbox, through the real
// CloudWatchLogsClient and ECSClient in-process: a crashing container's last lines next to its
// stop, FireLens and missing groups said plainly, and a live tail whose twenty viewers cost the
// CloudWatch Logs calls of one.

let tdb: TestDatabase;
let db: Db;
let ctx: AppContext;
let envId: string;
const calls: string[] = [];

const sandbox = { store: new MemoryStore(), mutex: new Mutex(), now: () => 1_700_000_000_000 };
const control = async (body: Record<string, unknown>) => JSON.parse(String((await handleControlRequest({ headers: {}, body: JSON.stringify({ region: "eu-west-1", ...body }) }, sandbox)).body));

function counted(port: LogsPort): LogsPort {
  return {
    filterLogEvents: (input) => { calls.push("FilterLogEvents"); return port.filterLogEvents(input); },
    getLogEvents: (input) => { calls.push("GetLogEvents"); return port.getLogEvents(input); },
    startLiveTail: (input, signal) => { calls.push("StartLiveTail"); return port.startLiveTail(input, signal); },
    destroy: () => port.destroy(),
  };
}

const awslogs = (group: string) => ({ logDriver: "awslogs" as const, options: { "awslogs-group": group, "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "shop", "awslogs-create-group": "true" } });

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
  const ports = appAwsPorts(sandbox);
  ctx = testCtx(db, { sandbox, aws: { ...ports, logs: (env) => counted(ports.logs(env)) } });
  await control({ action: "setSpeed", speed: 0 });
  envId = (await createEnvironment({ ctx, input: { name: "logs-sb", kind: "sandbox", region: "eu-west-1", readOnly: false } })).id;
  const env = { id: envId, region: "eu-west-1", kind: "sandbox" } as Parameters<typeof ctx.aws.ecs>[0];
  const ecs = ctx.aws.ecs(env);
  await ecs.createCluster({ clusterName: "shop" });
  await ecs.registerTaskDefinition({
    family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
    containerDefinitions: [
      { name: "app", image: "web:1", essential: true, portMappings: [{ containerPort: 8080 }], logConfiguration: awslogs("/ecs/web") },
      { name: "log-router", image: "fluent-bit:1", essential: false, firelensConfiguration: { type: "fluentbit" } },
      { name: "worker", image: "worker:1", essential: false, logConfiguration: { logDriver: "awsfirelens", options: { Name: "cloudwatch" } } },
    ],
  });
  await ecs.createService({
    cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
  });
  await control({ action: "step", seconds: 30 });
});
afterAll(async () => { await tdb.drop(); });

const read = (q: Record<string, unknown> = {}, tails?: LogTailHub): Promise<LogsView> =>
  getServiceLogs({ ctx, input: { envId, cluster: "shop", service: "web", ...q }, ...(tails ? { tails } : {}) });

describe("the service's container logs", () => {
  it("shows a crashing container's last lines, interleaved with its name and task, and why the sidecar has none", async () => {
    const tasks = await ctx.aws.ecs({ id: envId, region: "eu-west-1", kind: "sandbox" } as never).listTasks({ cluster: "shop", desiredStatus: "RUNNING" });
    const taskArn = tasks[0];
    const taskId = taskArn.split("/").pop()!;
    await control({ action: "crashTask", cluster: "shop", task: taskArn, container: "app", exitCode: 1, reason: "database connection refused" });
    await control({ action: "step", seconds: 5 });
    const view = await read({ task: taskId });
    expect(view.error).toBeUndefined();
    expect(view.lines.map((l) => [l.container, l.taskId, l.message])).toEqual([
      ["app", taskId, "Starting app (web:1)"], ["app", taskId, "app listening on port 8080"],
      ["app", taskId, "Error: database connection refused"], ["app", taskId, "    at main (/app/app/index.js:42:11)"],
      ["app", taskId, "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)"], ["app", taskId, "app exited with code 1"],
    ]);
    expect(view.sources.find((s) => s.container === "worker")?.reason).toMatch(/FireLens/);
    expect(view.sources.find((s) => s.container === "log-router")?.reason).toMatch(/no log driver/);
    const errors = await read({ filterPattern: "Error" });
    expect(errors.lines.map((l) => l.message)).toEqual(["Error: database connection refused"]);
  });

  it("twenty viewers of one live tail cost the CloudWatch Logs calls of one", async () => {
    const tails = new LogTailHub(() => 0, 1000);
    const alone = new LogTailHub(() => 0, 1000);
    try {
      calls.length = 0;
      await read({ tail: "1" }, alone);
      const one = [...calls].sort();
      expect(one).toEqual(["FilterLogEvents", "StartLiveTail"]);
      calls.length = 0;
      const views = await Promise.all(Array.from({ length: 20 }, () => read({ tail: "1" }, tails)));
      expect([...calls].sort()).toEqual(one);
      expect(new Set(views.map((v) => v.lines.length)).size).toBe(1);
      const last = views[0].lines[views[0].lines.length - 1];
      const after = await read({ tail: "1", after: tailCursor(last) }, tails);
      expect(after.lines).toEqual([]);
    } finally {
      tails.close();
      alone.close();
    }
  });

  it("a live tail holds one StartLiveTail session: what a container prints on the sandbox clock arrives through it", async () => {
    const tails = new LogTailHub();
    try {
      calls.length = 0;
      await vi.waitFor(async () => expect((await read({ tail: "1" }, tails)).tailMode).toBe("live"), { timeout: 10_000, interval: 200 });
      await read({ tail: "1" }, tails); // the one catch-up poll of what came before the session opened
      const since = calls.filter((c) => c === "FilterLogEvents").length;
      const [taskArn] = await ctx.aws.ecs({ id: envId, region: "eu-west-1", kind: "sandbox" } as never).listTasks({ cluster: "shop", desiredStatus: "RUNNING" });
      await control({ action: "crashTask", cluster: "shop", task: taskArn, container: "app", exitCode: 1, reason: "seen live" });
      await control({ action: "step", seconds: 5 });
      await vi.waitFor(async () => {
        const view = await read({ tail: "1" }, tails);
        expect(view.lines.map((l) => l.message)).toContain("Error: seen live");
      }, { timeout: 10_000, interval: 200 });
      expect(calls.filter((c) => c === "StartLiveTail")).toHaveLength(1);
      // No poll since: the line came through the session.
      expect(calls.filter((c) => c === "FilterLogEvents")).toHaveLength(since);
    } finally {
      tails.close();
    }
  });

  it("says the group does not exist when no task has written to it", async () => {
    const env = { id: envId, region: "eu-west-1", kind: "sandbox" } as never;
    const ecs = ctx.aws.ecs(env);
    await ecs.registerTaskDefinition({
      family: "quiet", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
      containerDefinitions: [{ name: "job", image: "job:1", logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/quiet", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "q" } } }],
    });
    await ecs.createService({ cluster: "shop", serviceName: "quiet", taskDefinition: "quiet", desiredCount: 0, launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } } });
    const view = await getServiceLogs({ ctx, input: { envId, cluster: "shop", service: "quiet" } });
    expect(view.lines).toEqual([]);
    expect(view.sources[0].reason).toMatch(/^The log group \/ecs\/quiet does not exist/);
  });

  it("a service under simulated load prints an access line per request, at most one per task every 5 s", async () => {
    await control({ action: "setLoad", cluster: "shop", service: "web", load: { kind: "constant", rps: 0.1 } });
    await control({ action: "step", seconds: 180 });
    const [taskArn] = await ctx.aws.ecs({ id: envId, region: "eu-west-1", kind: "sandbox" } as never).listTasks({ cluster: "shop", desiredStatus: "RUNNING" });
    const taskId = taskArn.split("/").pop()!;
    const view = await read({ task: taskId });
    const access = view.lines.filter((l) => /^(GET|POST) \/\S* \d{3} \d+ms$/.test(l.message));
    // 0.1 a second is 6 requests a simulated minute: at least two whole minutes have ended, each request with its line.
    expect(access.length).toBeGreaterThanOrEqual(12);
    expect(access.every((l) => l.container === "app" && l.taskId === taskId)).toBe(true);
    const perMinute = new Map<number, number>();
    for (const l of access) perMinute.set(Math.floor(l.timestamp / 60_000), (perMinute.get(Math.floor(l.timestamp / 60_000)) ?? 0) + 1);
    expect(Math.max(...perMinute.values())).toBe(6);
    // A filter pattern finds them as it finds any line.
    const posts = await read({ task: taskId, filterPattern: "POST" });
    expect(posts.lines.length).toBeGreaterThan(0);
    expect(posts.lines.every((l) => l.message.startsWith("POST /api/orders 201 "))).toBe(true);
    await control({ action: "setLoad", cluster: "shop", service: "web", load: { kind: "off" } });
  });
});
