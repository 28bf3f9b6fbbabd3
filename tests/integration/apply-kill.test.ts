import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresSandboxStore, type Db } from "@/lib/db";
import { ApplyRunner, getApply, resumeApply, type ApplyProgressDoc } from "@/lib/server/applies";
import type { AppContext } from "@/lib/server/context";
import { createDesign } from "@/lib/server/designs/create-design";
import { createEnvironment, loadEnvironmentRow } from "@/lib/server/environments";
import { leaseHolder, MonitorHub, monitorClientFor } from "@/lib/server/monitor";
import { Mutex } from "@/lib/sandbox/store";
import { testCtx } from "./helpers/fixtures";
import { eventually, webDesignNamed } from "./helpers/gated-ecs";
import { KILL_CHILD } from "./helpers/kill-child";
import { createTestDatabase, usingPostgres, type TestDatabase } from "./helpers/test-database";

// A real server process (helpers/kill-child.ts) applies a design, or polls a cluster, on this
// test's PostgreSQL database with the sandbox's state in it too, and is SIGKILLed at the worst
// moment: right after ECS did something the process had not recorded yet. This process then
// looks, as another instance would: nothing recorded may be lost, nothing done twice.
// Another process needs a database it can reach: PostgreSQL only (an in-memory PGlite is private).

let tdb: TestDatabase;
let db: Db;
let ctx: AppContext;
let envId: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!usingPostgres) return;
  tdb = await createTestDatabase();
  db = await tdb.client();
  const sandbox = { store: new PostgresSandboxStore(db), mutex: new Mutex(), now: () => Date.now() };
  ctx = testCtx(db, { sandbox, applies: new ApplyRunner({ holder: "survivor", heartbeatMs: 200 }) });
  envId = (await createEnvironment({ ctx, input: { name: "sandbox", kind: "sandbox", region: "eu-west-1", readOnly: false } })).id;
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await tdb?.drop();
});

/** Starts the child server and resolves with what it printed after HELD. */
function startChild(mode: "apply" | "monitor", env: Record<string, string>): Promise<{ child: ChildProcess; held: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", KILL_CHILD, mode], {
    cwd: process.cwd(), env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "1", CHILD_DB_URL: tdb.url!, CHILD_ENV_ID: envId, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("HELD ")) resolve({ child, held: line.slice(5) });
    });
    child.on("exit", (code) => reject(new Error(`the ${mode} child exited (${code}) before it was held: ${stderr}`)));
  });
}

async function kill(child: ChildProcess) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

async function counts(prefix: string) {
  const ecs = ctx.aws.ecs(await loadEnvironmentRow(ctx, envId));
  const services = await ecs.describeServices({ cluster: prefix, services: await ecs.listServices({ cluster: prefix }) });
  const revisions = async (family: string) => (await ecs.listTaskDefinitions({ familyPrefix: `${prefix}-${family}`, status: "ACTIVE" })).length;
  return { services: services.services.map((s) => `${s.serviceName}:${s.deployments?.length}`).sort(), web: await revisions("web"), worker: await revisions("worker") };
}

describe.runIf(usingPostgres)("a server killed in the middle", () => {
  it("of an apply: what it recorded stays, another instance reports it interrupted and resumes it without doing anything twice", async () => {
    const { id: designId } = await createDesign({ ctx, input: { name: "Crash", document: webDesignNamed("crash") } });
    const { child, held: id } = await startChild("apply", { CHILD_DESIGN_ID: designId, CHILD_HOLDER: "crashing-server" });
    const before = await db.apply.findUniqueOrThrow({ where: { id } });
    expect(before).toMatchObject({ status: "running", owner: "crashing-server" });
    const recorded = (before.steps as ApplyProgressDoc).steps;
    expect(recorded.filter((s) => s.status === "done").map((s) => s.key)).toEqual(["cluster:crash", "task-definition:crash-web", "task-definition:crash-worker"]);
    expect(await counts("crash")).toEqual({ services: ["web:1"], web: 1, worker: 1 }); // web was created, not recorded
    await kill(child);

    const interrupted = await eventually(async () => {
      const v = await getApply({ ctx, input: { id } });
      return v.status === "interrupted" ? v : undefined;
    }, "the killed server's apply to be reported interrupted");
    expect(interrupted.steps).toEqual(recorded);

    await resumeApply({ ctx, input: { id } });
    await ctx.applies.finished(id);
    const done = await getApply({ ctx, input: { id } });
    expect(done.status).toBe("succeeded");
    // Every step recorded before the kill is as it was; the one under way is marked cut off.
    expect(done.steps.filter((s) => s.status === "done")).toEqual(recorded.filter((s) => s.status === "done"));
    expect(done.steps.find((s) => s.key === "service:crash/web")?.status).toBe("interrupted");
    expect(done.resumes?.[0].steps.map((s) => [s.key, s.status])).toEqual([["service:crash/worker", "done"]]);
    expect(await counts("crash")).toEqual({ services: ["web:1", "worker:1"], web: 1, worker: 1 });
  });

  it("of a monitor poll: the events it recorded stay, another instance takes the lease over and records nothing twice", async () => {
    const events = () => db.monitorEvent.findMany({ where: { environmentId: envId, cluster: "crash" }, select: { key: true, eventId: true } });
    const keys = async () => (await events()).map((e) => e.key).sort();
    const { child } = await startChild("monitor", { CHILD_CLUSTER: "crash", CHILD_HOLDER: "crashing-poller" });
    const recorded = await keys();
    expect(recorded.length).toBeGreaterThan(0);
    expect((await leaseHolder(db, envId, "crash"))?.holder).toBe("crashing-poller");
    await kill(child);
    expect(await keys()).toEqual(recorded);

    const env = await loadEnvironmentRow(ctx, envId);
    const hub = new MonitorHub({ db: async () => db, ecsFor: () => async () => monitorClientFor(ctx, env), holder: "survivor", intervalMs: 200 });
    try {
      const poller = await hub.poller(envId, "crash");
      await eventually(async () => {
        await poller.touch();
        return poller.isHolder && poller.latest?.holder === "survivor" && poller.latest.snapshot ? true : undefined;
      }, "the survivor to take the lease over and poll");
      expect((await leaseHolder(db, envId, "crash"))?.holder).toBe("survivor");
      const after = await keys();
      expect(after).toEqual(expect.arrayContaining(recorded));
      // Both pollers saw the same events; each is recorded once.
      const ids = (await events()).map((e) => e.eventId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await hub.shutdown();
    }
  });
});
