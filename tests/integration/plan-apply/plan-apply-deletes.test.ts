import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PacerClock } from "@/lib/aws";
import type { Design } from "@/lib/domain/design";
import type { Plan } from "@/lib/domain/plan";
import { applyPlan, planAgainstAccount, readLiveState, type ApplyProgress } from "@/lib/server/plan";
import { startPlanSandbox, webDesign } from "./sandbox";

// Deleting what a design created and dropped: clusters (after their services drain) and task
// definition families, never anything the design did not create.

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
beforeEach(async () => { sb = await startPlanSandbox(); });
afterEach(async () => { await sb.close(); });

const designId = "design-1";
const plan = async (d: Design) => (await planAgainstAccount(sb.ecs, d, { designId })).plan;
const changed = (p: Plan) => p.steps.filter((s) => s.action !== "no-change").map((s) => `${s.action} ${s.key}`);

/** web in cluster main, worker in cluster batch: two clusters, two families. */
function twoClusters(): Design {
  const d = webDesign();
  d.clusters.push({ id: "cl-batch", clusterName: "batch" });
  d.services[1].cluster = "batch";
  return d;
}

/** The design without batch, its worker service and the worker family. */
function withoutBatch(): Design {
  const d = twoClusters();
  d.clusters = d.clusters.filter((c) => c.clusterName !== "batch");
  d.services = d.services.filter((s) => s.serviceName !== "worker");
  d.taskDefinitions = d.taskDefinitions.filter((t) => t.family !== "worker");
  return d;
}

/** Apply's waits sleep on this clock, which moves the sandbox's frozen clock as far. */
function sandboxClock(): PacerClock & { slept: number } {
  let t = 0;
  const clock = {
    slept: 0,
    now: () => t,
    sleep: async (ms: number) => { t += ms; clock.slept += ms; await sb.control({ action: "step", seconds: ms / 1000 }); },
  };
  return clock;
}

async function clusterStatus(name: string) {
  const r = await sb.ecs.describeClusters({ clusters: [name] });
  return r.clusters?.[0]?.status ?? "MISSING";
}

async function activeRevisions(family: string) {
  return sb.ecs.listTaskDefinitions({ familyPrefix: family, status: "ACTIVE" });
}

describe("deleting owned clusters and task definition families against the sandbox", () => {
  it("deletes the dropped cluster (after its service drains) and family, keeps foreign ones, then plans zero changes", async () => {
    expect((await applyPlan(sb.ecs, await plan(twoClusters()))).ok).toBe(true);
    // A second revision of worker: every ACTIVE revision is deregistered.
    const d2 = twoClusters();
    d2.taskDefinitions[1].containerDefinitions[0].image = "busybox:1.37";
    expect((await applyPlan(sb.ecs, await plan(d2)))).toMatchObject({ ok: true });
    expect(await activeRevisions("worker")).toHaveLength(2);
    // Let the services start tasks, so the cluster has something to drain.
    await sb.control({ action: "step", seconds: 120 });
    expect(await sb.ecs.listTasks({ cluster: "batch", desiredStatus: "RUNNING" })).not.toHaveLength(0);

    // Not created by this design: an empty cluster and a family, both untagged, and a family of another design.
    await sb.ecs.createCluster({ clusterName: "manual" });
    await sb.ecs.registerTaskDefinition({ family: "manual-td", containerDefinitions: [{ name: "c", image: "busybox", memory: 128 }] });
    await sb.ecs.registerTaskDefinition({ family: "other-td", containerDefinitions: [{ name: "c", image: "busybox", memory: 128 }],
      tags: [{ key: "stevedore:design", value: "design-2" }] });
    expect((await plan(d2)).empty).toBe(true);

    const p = await plan(withoutBatch());
    expect(changed(p)).toEqual(["delete service:batch/worker", "delete task-definition:worker", "delete cluster:batch"]);
    expect(p.steps.flatMap((s) => s.calls.map((c) => c.operation))).toEqual([
      "DeleteService", "DeregisterTaskDefinition", "DeregisterTaskDefinition", "DeleteCluster",
    ]);

    const clock = sandboxClock();
    const waiting: string[] = [];
    const onProgress = (e: ApplyProgress) => { if (e.type === "waiting") waiting.push(e.message); };
    const r = await applyPlan(sb.ecs, p, { clock, onProgress });
    expect(r).toEqual({ ok: true, done: p.steps.filter((s) => s.calls.length > 0).map((s) => s.key) });
    expect(clock.slept).toBeGreaterThan(0);
    expect(waiting[0]).toMatch(/^waiting for cluster batch to empty: \d+ services? and \d+ tasks? left$/);

    expect(await clusterStatus("batch")).toBe("INACTIVE");
    expect(await activeRevisions("worker")).toEqual([]);
    expect(await clusterStatus("manual")).toBe("ACTIVE");
    expect(await clusterStatus("main")).toBe("ACTIVE");
    expect(await activeRevisions("manual-td")).toHaveLength(1);
    expect(await activeRevisions("other-td")).toHaveLength(1);
    expect(await activeRevisions("web")).toHaveLength(1);

    const again = await plan(withoutBatch());
    expect(changed(again)).toEqual([]);
    expect(again.empty).toBe(true);
  });

  it("times out with a clear error when the cluster does not empty in time", async () => {
    expect((await applyPlan(sb.ecs, await plan(twoClusters()))).ok).toBe(true);
    await sb.control({ action: "step", seconds: 120 });
    const p = await plan(withoutBatch());
    let t = 0;
    const frozen: PacerClock = { now: () => t, sleep: async (ms) => { t += ms; } }; // the sandbox clock does not move
    const r = await applyPlan(sb.ecs, p, { clock: frozen, clusterDrainTimeoutMs: 30_000 });
    expect(r).toMatchObject({ ok: false, failedStep: "cluster:batch", error: { name: "TimeoutError" } });
    expect(await clusterStatus("batch")).toBe("ACTIVE");
    // Once time moves on, applying the re-plan finishes the job.
    await sb.control({ action: "step", seconds: 600 });
    const rest = await plan(withoutBatch());
    expect(changed(rest)).toEqual(["delete cluster:batch"]);
    expect((await applyPlan(sb.ecs, rest, { clock: sandboxClock() })).ok).toBe(true);
    expect((await plan(withoutBatch())).empty).toBe(true);
  });

  it("readLiveState reports owned leftovers only with a design id", async () => {
    expect((await applyPlan(sb.ecs, await plan(twoClusters()))).ok).toBe(true);
    const without = await readLiveState(sb.ecs, withoutBatch());
    expect(without.ownedClusters).toBeUndefined();
    const live = await readLiveState(sb.ecs, withoutBatch(), { designId });
    expect(Object.keys(live.ownedClusters ?? {})).toEqual(["batch"]);
    expect(Object.keys(live.ownedFamilies ?? {})).toEqual(["worker"]);
    expect(live.services.map((s) => s.serviceName).sort()).toEqual(["web", "worker"]);
    const other = await readLiveState(sb.ecs, withoutBatch(), { designId: "design-2" });
    expect(other.ownedClusters).toEqual({});
    expect(other.ownedFamilies).toEqual({});
  });
});
