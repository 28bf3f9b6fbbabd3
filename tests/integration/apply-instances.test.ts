import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { planDesign, emptyLiveState } from "@/lib/domain/plan";
import { ApplyRunner, getApply, listApplies, planForEnvironment, resumeApply, startApply } from "@/lib/server/applies";
import { appAwsPorts } from "@/lib/server/aws-ports";
import type { AppContext } from "@/lib/server/context";
import { createDesign } from "@/lib/server/designs/create-design";
import { createEnvironment } from "@/lib/server/environments";
import { ApplyRunningError, RefusedError } from "@/lib/server/errors";
import { realScheduler } from "@/lib/server/monitor";
import { applyPlan } from "@/lib/server/plan";
import { MemoryStore, Mutex, type SandboxDeps } from "@/lib/sandbox/store";
import { testCtx } from "./helpers/fixtures";
import { eventually, freezableScheduler, gatedPorts, webDesignNamed } from "./helpers/gated-ecs";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

// Two app instances (two database clients, two apply runners with their own holder ids) on one
// database and one sandbox, as two Stevedore servers behind a load balancer would be.

let tdb: TestDatabase;
let dbA: Db;
let dbB: Db;
let sandbox: SandboxDeps;
let envId: string;

const HEARTBEAT_MS = 100;

beforeAll(async () => {
  tdb = await createTestDatabase();
  dbA = await tdb.client();
  dbB = await tdb.client({ migrate: false });
  sandbox = { store: new MemoryStore(), mutex: new Mutex(), now: () => Date.now() };
  const env = await createEnvironment({ ctx: testCtx(dbA, { sandbox }), input: { name: "shared sandbox", kind: "sandbox", region: "eu-west-1", readOnly: false } });
  envId = env.id;
});
afterAll(() => tdb.drop());

/** Instance A runs applies through ports that hold the CreateService of `held` once ECS did it. */
function instanceA(held: string) {
  const gate = gatedPorts(appAwsPorts(sandbox), (op, input) => op === "createService" && input.serviceName === held);
  const clock = freezableScheduler(realScheduler);
  const ctx = testCtx(dbA, { sandbox, aws: gate.aws, applies: new ApplyRunner({ holder: "instance-a", heartbeatMs: HEARTBEAT_MS, scheduler: clock.scheduler }) });
  return { ctx, gate, kill: clock.freeze };
}

/** Instance B; `ttlMs` is how stale a heartbeat it takes for a dead owner's. */
const instanceB = (ttlMs = 4 * HEARTBEAT_MS): AppContext =>
  testCtx(dbB, { sandbox, applies: new ApplyRunner({ holder: "instance-b", heartbeatMs: HEARTBEAT_MS, ttlMs }) });

async function start(ctx: AppContext, designId: string) {
  const p = await planForEnvironment({ ctx, input: { designId, environmentId: envId } });
  return startApply({ ctx, input: { designId, environmentId: envId, designVersion: p.designVersion, fingerprint: p.fingerprint, waitForSteady: false } });
}

async function sandboxCounts(ctx: AppContext, prefix: string) {
  const ecs = ctx.aws.ecs(await ctx.db.environment.findUniqueOrThrow({ where: { id: envId } }));
  const services = await ecs.describeServices({ cluster: prefix, services: await ecs.listServices({ cluster: prefix }) });
  const revisions = async (family: string) => (await ecs.listTaskDefinitions({ familyPrefix: `${prefix}-${family}`, status: "ACTIVE" })).length;
  return {
    services: services.services.map((s) => `${s.serviceName}:${s.deployments?.length}`).sort(),
    revisions: { web: await revisions("web"), worker: await revisions("worker") },
  };
}

describe("applies across two instances on one database", () => {
  it("runs one apply of a design to an environment at a time, and a live owner's apply stays running for the other instance", async () => {
    const a = instanceA("web");
    // A TTL far above any stall of a loaded machine: here A is alive, and B must never think otherwise.
    const b = instanceB(60_000);
    const { id: designId } = await createDesign({ ctx: a.ctx, input: { name: "One at a time", document: webDesignNamed("one") } });
    const { id } = await start(a.ctx, designId);
    await a.gate.reached;

    // A heart-beats while its call is under way, and B, which runs nothing of it, sees it running.
    const first = await dbB.apply.findUniqueOrThrow({ where: { id } });
    await eventually(async () => {
      const row = await dbB.apply.findUniqueOrThrow({ where: { id } });
      return row.heartbeatAt!.getTime() - first.heartbeatAt!.getTime() >= 3 * HEARTBEAT_MS ? row : undefined;
    }, "a few heartbeats of instance A");
    expect(await getApply({ ctx: b, input: { id } })).toMatchObject({ status: "running" });
    expect((await listApplies({ ctx: b, input: { designId, limit: 20 } })).map((s) => s.status)).toEqual(["running"]);

    const second = await start(b, designId).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ApplyRunningError);
    expect(second).toMatchObject({ code: "APPLY_RUNNING", runningApplyId: id });
    expect((second as Error).message).toContain(id);
    await expect(resumeApply({ ctx: b, input: { id } })).rejects.toBeInstanceOf(RefusedError);
    expect(await dbB.apply.count({ where: { designId } })).toBe(1);

    a.gate.release();
    await a.ctx.applies.finished(id);
    expect(await getApply({ ctx: b, input: { id } })).toMatchObject({ status: "succeeded" });
    expect(await sandboxCounts(b, "one")).toEqual({ services: ["web:1", "worker:1"], revisions: { web: 1, worker: 1 } });
  });

  it("reports a killed owner's apply interrupted on the other instance, which resumes it to completion without duplicates", async () => {
    const a = instanceA("web");
    const b = instanceB();
    const { id: designId } = await createDesign({ ctx: a.ctx, input: { name: "Killed", document: webDesignNamed("killed") } });
    const { id } = await start(a.ctx, designId);
    await a.gate.reached; // ECS created the web service; A never learns it
    a.kill();

    const interrupted = await eventually(async () => {
      const v = await getApply({ ctx: b, input: { id } });
      return v.status === "interrupted" ? v : undefined;
    }, "instance B to report the apply interrupted");
    expect(interrupted.error).toMatch(/^Interrupted/);
    expect(interrupted.steps.map((s) => [s.key, s.status])).toEqual([
      ["cluster:killed", "done"], ["task-definition:killed-web", "done"], ["task-definition:killed-worker", "done"],
      ["service:killed/web", "running"], ["service:killed/worker", "pending"],
    ]);
    // Another start is not blocked by a dead owner: the interrupted apply no longer counts as running.
    expect((await listApplies({ ctx: b, input: { designId, limit: 20 } })).map((s) => s.status)).toEqual(["interrupted"]);

    await resumeApply({ ctx: b, input: { id } });
    await b.applies.finished(id);
    const done = await getApply({ ctx: b, input: { id } });
    expect(done.status).toBe("succeeded");
    // What A recorded is kept; the call under way is marked cut off; the resume did only what was left.
    expect(done.steps.map((s) => [s.key, s.status])).toEqual([
      ["cluster:killed", "done"], ["task-definition:killed-web", "done"], ["task-definition:killed-worker", "done"],
      ["service:killed/web", "interrupted"], ["service:killed/worker", "pending"],
    ]);
    expect(done.resumes).toHaveLength(1);
    expect(done.resumes![0].steps.map((s) => [s.key, s.status])).toEqual([["service:killed/worker", "done"]]);
    expect(done.resumes![0].interruptedAt).toBeDefined();
    expect(await sandboxCounts(b, "killed")).toEqual({ services: ["web:1", "worker:1"], revisions: { web: 1, worker: 1 } });

    // A comes back to life: its held call returns, and it stops before making another.
    a.gate.release();
    await a.ctx.applies.finished(id);
    expect(a.gate.state.after).toEqual([]);
    expect(await getApply({ ctx: b, input: { id } })).toEqual(done);
    expect(await dbB.apply.findUniqueOrThrow({ where: { id } })).toMatchObject({ owner: "instance-b", status: "succeeded" });
  });

  it("gives a retried CreateService of the same apply the same token, so ECS answers with the service it made", async () => {
    const b = instanceB();
    const ecs = b.aws.ecs(await dbB.environment.findUniqueOrThrow({ where: { id: envId } }));
    const plan = planDesign(webDesignNamed("retry"), emptyLiveState(), { designId: "d-retry" });
    expect(await applyPlan(ecs, plan, { tokenScope: "apply-1" })).toMatchObject({ ok: true });
    // The same plan run again by the same apply, as a retry after a lost answer would be.
    expect(await applyPlan(ecs, plan, { tokenScope: "apply-1" })).toMatchObject({ ok: true });
    expect(await sandboxCounts(b, "retry")).toEqual({ services: ["web:1", "worker:1"], revisions: { web: 1, worker: 1 } });
    // Another apply's request for the same name is a different request: ECS refuses it.
    const other = await applyPlan(ecs, plan, { tokenScope: "apply-2" });
    expect(other).toMatchObject({ ok: false, failedStep: "service:retry/web", error: { name: "InvalidParameterException", message: "Creation of service was not idempotent." } });
  });
});
