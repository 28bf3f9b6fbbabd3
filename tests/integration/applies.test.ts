import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { Design } from "@/lib/domain/design";
import { planActionsRecord } from "@/lib/domain/plan";
import { getApply, listApplies, planForEnvironment, startApply } from "@/lib/server/applies";
import { createDesign } from "@/lib/server/designs/create-design";
import { saveDesign } from "@/lib/server/designs/save-design";
import type { AppContext } from "@/lib/server/context";
import { createEnvironment } from "@/lib/server/environments";
import { PlanChangedError, ReadOnlyEnvironmentError } from "@/lib/server/errors";
import { importCluster, listLiveClusters } from "@/lib/server/import-cluster";
import { withDbAndSandbox, type PlanSandbox } from "./helpers/db-and-sandbox";
import { webDesign } from "./plan-apply/sandbox";

// Applies against the built-in sandbox over HTTP through the real ECSClient; the database is real.

let db: Db;
let sb: PlanSandbox;
let ctx: AppContext;
withDbAndSandbox(async (t) => {
  ({ db, sb, ctx } = t);
  await sb.control({ action: "setSpeed", speed: 200 });
});

async function env(readOnly = false) {
  return createEnvironment({ ctx, input: { name: `sb-${Math.random().toString(36).slice(2, 8)}`, kind: "sandbox", region: "eu-west-1", readOnly } });
}

async function planAndApply(designId: string, environmentId: string, waitForSteady = false) {
  const p = await planForEnvironment({ ctx, input: { designId, environmentId } });
  const { id } = await startApply({ ctx, input: { designId, environmentId, designVersion: p.designVersion, fingerprint: p.fingerprint, waitForSteady } });
  await ctx.applies.finished(id);
  return { plan: p, apply: await getApply({ ctx, input: { id } }) };
}

describe("applies", () => {
  it("records each step of an apply, waits for steady state, and a re-plan shows no changes", async () => {
    const e = await env();
    const { id: designId } = await createDesign({ ctx, input: { name: "Web", document: webDesign() } });
    const { plan, apply } = await planAndApply(designId, e.id, true);
    expect(plan.plan.summary).toMatchObject({ create: 5 });
    expect(planActionsRecord(plan.plan)).toEqual({ "cl-main": "create", "td-web": "create", "td-worker": "create", "svc-web": "create", "svc-worker": "create" });
    expect(apply.status).toBe("succeeded");
    expect(apply.finishedAt).toBeDefined();
    expect(apply.steps.map((s) => [s.key, s.status])).toEqual([
      ["cluster:main", "done"], ["task-definition:web", "done"], ["task-definition:worker", "done"], ["service:main/web", "done"], ["service:main/worker", "done"],
    ]);
    expect(apply.steps.every((s) => s.calls.every((c) => c.status === "done"))).toBe(true);
    expect(apply.steady?.status).toBe("steady");
    expect(apply.steady?.services.find((s) => s.service.service === "web")).toMatchObject({ desired: 2, running: 2 });
    const again = await planForEnvironment({ ctx, input: { designId, environmentId: e.id } });
    expect(again.plan.empty).toBe(true);
    const history = await listApplies({ ctx, input: { designId, limit: 20 } });
    expect(history).toEqual([expect.objectContaining({ id: apply.id, status: "succeeded", designVersion: 1, environmentName: e.name })]);
  });

  it("refuses to apply to a read-only environment on the server", async () => {
    const e = await env(true);
    const { id: designId } = await createDesign({ ctx, input: { name: "RO", document: { ...webDesign(), clusters: [{ id: "cl-ro", clusterName: "ro" }], services: [] } } });
    const p = await planForEnvironment({ ctx, input: { designId, environmentId: e.id } });
    expect(p.readOnly).toBe(true);
    await expect(startApply({ ctx, input: { designId, environmentId: e.id, designVersion: 1, fingerprint: p.fingerprint, waitForSteady: false } }))
      .rejects.toBeInstanceOf(ReadOnlyEnvironmentError);
    expect(await db.apply.count({ where: { designId } })).toBe(0);
  });

  it("refuses a plan the user did not see, and records a failing step with ECS's message; re-plan shows what is left", async () => {
    const e = await env();
    const design: Design = webDesign();
    design.clusters = [{ id: "cl-fail", clusterName: "fail" }];
    design.services = design.services.map((s) => ({ ...s, cluster: "fail" }));
    design.taskDefinitions[1] = { ...design.taskDefinitions[1], family: "fail-worker", cpu: "256", memory: "4096" }; // not a Fargate size
    design.services[1] = { ...design.services[1], taskDefinition: "fail-worker" };
    const { id: designId } = await createDesign({ ctx, input: { name: "Fails", document: design } });
    const p = await planForEnvironment({ ctx, input: { designId, environmentId: e.id } });
    await expect(startApply({ ctx, input: { designId, environmentId: e.id, designVersion: 1, fingerprint: "nope", waitForSteady: false } }))
      .rejects.toBeInstanceOf(PlanChangedError);
    // The validator flags the size too; applying anyway lets ECS have its say.
    const { id } = await startApply({ ctx, input: { designId, environmentId: e.id, designVersion: 1, fingerprint: p.fingerprint, waitForSteady: false, allowErrors: true } });
    await ctx.applies.finished(id);
    const apply = await getApply({ ctx, input: { id } });
    expect(apply.status).toBe("failed");
    const failed = apply.steps.find((s) => s.status === "failed");
    expect(failed).toMatchObject({ key: "task-definition:fail-worker", error: { name: "ClientException" } });
    expect(failed?.error?.message).toMatch(/cpu|memory/i);
    expect(apply.error).toMatch(/ClientException/);
    expect(apply.steps.filter((s) => s.status === "done").map((s) => s.key)).toEqual(["cluster:fail"]); // "web" is registered already (first test)
    const left = await planForEnvironment({ ctx, input: { designId, environmentId: e.id } });
    expect(left.plan.steps.filter((s) => s.calls.length > 0).map((s) => s.key)).toEqual(["task-definition:fail-worker", "service:fail/web", "service:fail/worker"]);

    // A design saved after the plan is refused too.
    await saveDesign({ ctx, input: { id: designId, expectedVersion: 1, document: webDesign() } });
    await expect(startApply({ ctx, input: { designId, environmentId: e.id, designVersion: 1, fingerprint: left.fingerprint, waitForSteady: false } }))
      .rejects.toBeInstanceOf(PlanChangedError);
  });

  it("imports a live cluster into a new design that plans to zero changes", async () => {
    const e = await env();
    const source = webDesign();
    source.clusters = [{ id: "cl-live", clusterName: "live", tags: [{ key: "team", value: "shop" }] }];
    source.services = source.services.map((s) => ({ ...s, cluster: "live", tags: [{ key: "app", value: s.serviceName }] }));
    source.taskDefinitions = source.taskDefinitions.map((t) => ({ ...t, family: `live-${t.family}` }));
    source.services = source.services.map((s) => ({ ...s, taskDefinition: `live-${s.taskDefinition}` }));
    const { id: sourceId } = await createDesign({ ctx, input: { name: "Source", document: source } });
    expect((await planAndApply(sourceId, e.id)).apply.status).toBe("succeeded");

    expect(await listLiveClusters({ ctx, input: { environmentId: e.id } })).toContain("live");
    const imported = await importCluster({ ctx, input: { environmentId: e.id, cluster: "live" } });
    const stored = await db.design.findUniqueOrThrow({ where: { id: imported.id } });
    const doc = stored.document as unknown as Design;
    expect(doc.services.map((s) => s.serviceName).sort()).toEqual(["web", "worker"]);
    expect(doc.taskDefinitions.map((t) => t.family).sort()).toEqual(["live-web", "live-worker"]);
    expect(Object.keys(doc.layout).length).toBeGreaterThanOrEqual(5);
    const plan = await planForEnvironment({ ctx, input: { designId: imported.id, environmentId: e.id } });
    expect(plan.plan.steps.filter((s) => s.action !== "no-change")).toEqual([]);
    expect(plan.plan.empty).toBe(true);
  });
});
