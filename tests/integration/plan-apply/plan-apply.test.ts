import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planDesign, type Plan } from "@/lib/domain/plan";
import { applyPlan, planAgainstAccount, readLiveState, servicesToWatch, waitForSteady } from "@/lib/server/plan";
import { startPlanSandbox, webDesign } from "./sandbox";
import type { Design } from "@/lib/domain/design";
import { CreateHttpNamespaceCommand, ServiceDiscoveryClient } from "@aws-sdk/client-servicediscovery";
import { clientConfig } from "@/lib/aws/client-config";

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
beforeEach(async () => { sb = await startPlanSandbox(); });
afterEach(async () => { await sb.close(); });

const designId = "design-1";
const plan = async (d: Design) => (await planAgainstAccount(sb.ecs, d, { designId })).plan;
const actions = (p: Plan) => p.steps.map((s) => `${s.action} ${s.key}`);

/** ACTIVE services of a cluster (ListServices also lists DRAINING ones, as ECS does). */
async function serviceNames(cluster = "main") {
  const arns = await sb.ecs.listServices({ cluster });
  const { services } = await sb.ecs.describeServices({ cluster, services: arns });
  return services.filter((s) => s.status === "ACTIVE").map((s) => s.serviceName).sort();
}

describe("plan and apply against the sandbox", () => {
  it("applies a new design, after which the plan is empty (round trip through DescribeTaskDefinition/Services)", async () => {
    const first = await plan(webDesign());
    expect(actions(first)).toEqual([
      "create cluster:main", "create task-definition:web", "create task-definition:worker", "create service:main/web", "create service:main/worker",
    ]);
    const progress: string[] = [];
    const r = await applyPlan(sb.ecs, first, { onProgress: (p) => p.type === "call" && progress.push(p.call.operation) });
    expect(r).toEqual({ ok: true, done: first.steps.map((s) => s.key) });
    expect(progress).toEqual(["CreateCluster", "RegisterTaskDefinition", "RegisterTaskDefinition", "CreateService", "CreateService"]);

    const again = await plan(webDesign());
    expect(again.steps.filter((s) => s.action !== "no-change")).toEqual([]);
    expect(again.empty).toBe(true);

    const live = await readLiveState(sb.ecs, webDesign());
    expect(live.services.find((s) => s.serviceName === "web")?.tags).toContainEqual({ key: "stevedore:design", value: designId });
    expect(live.clusters.main.tags).toContainEqual({ key: "stevedore:design", value: designId });
    expect(live.taskDefinitions.web.tags).toContainEqual({ key: "stevedore:id", value: "td-web" });
  });

  it("a new image plans a task definition update and a service update, and applying it leaves no changes", async () => {
    await applyPlan(sb.ecs, await plan(webDesign()));
    const d = webDesign();
    d.taskDefinitions[0].containerDefinitions[0].image = "nginx:1.28";
    const p = await plan(d);
    expect(actions(p)).toEqual([
      "no-change cluster:main", "update task-definition:web", "no-change task-definition:worker", "update service:main/web", "no-change service:main/worker",
    ]);
    expect(p.steps[1].changes).toEqual([{ path: "containerDefinitions[app].image", old: "nginx:1.27", new: "nginx:1.28" }]);
    expect(p.steps[3].calls).toEqual([{ operation: "UpdateService", input: { cluster: "main", service: "web", taskDefinition: "web:2" } }]);
    expect((await applyPlan(sb.ecs, p)).ok).toBe(true);
    expect((await plan(d)).empty).toBe(true);
    const svc = (await sb.ecs.describeServices({ cluster: "main", services: ["web"] })).services[0];
    expect(svc.taskDefinition).toMatch(/task-definition\/web:2$/);
  });

  it("a deployment strategy is planned as an UpdateService and, once applied, plans no changes", async () => {
    await applyPlan(sb.ecs, await plan(webDesign()));
    const d = webDesign();
    d.services[0].deploymentConfiguration = { ...d.services[0].deploymentConfiguration, strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 } };
    const p = await plan(d);
    expect(actions(p).filter((a) => !a.startsWith("no-change"))).toEqual(["update service:main/web"]);
    expect(p.steps.find((s) => s.key === "service:main/web")?.calls[0].input).toMatchObject({ deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 10 } } });
    expect((await applyPlan(sb.ecs, p)).ok).toBe(true);
    expect((await plan(d)).empty).toBe(true);
  });

  it("Service Connect is planned as an UpdateService, read back from the PRIMARY deployment, and converges", async () => {
    await applyPlan(sb.ecs, await plan(webDesign()));
    // The namespace a service names must exist (ECS answers NamespaceNotFoundException otherwise).
    const sd = new ServiceDiscoveryClient(clientConfig(sb.target({ region: sb.region }, "/sandbox/aws")));
    await sd.send(new CreateHttpNamespaceCommand({ Name: "shop.local" }));
    sd.destroy();
    const d = webDesign();
    d.services[0].serviceConnectConfiguration = { enabled: true, namespace: "shop.local" };
    const p = await plan(d);
    expect(actions(p).filter((a) => !a.startsWith("no-change"))).toEqual(["update service:main/web"]);
    expect((await applyPlan(sb.ecs, p)).ok).toBe(true);
    const svc = (await sb.ecs.describeServices({ cluster: "main", services: ["web"] })).services[0];
    expect(svc.deployments?.find((x) => x.status === "PRIMARY")?.serviceConnectConfiguration).toEqual({ enabled: true, namespace: "shop.local" });
    expect((await plan(d)).empty).toBe(true);
  });

  it("stops at the first failing call with ECS's message and what was done; re-planning shows only the rest", async () => {
    const broken = webDesign();
    broken.services[0].cluster = "nowhere";
    const p = await plan(broken);
    const r = await applyPlan(sb.ecs, p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failedStep).toBe("service:nowhere/web");
    expect(r.error).toEqual({ name: "ClusterNotFoundException", message: "Cluster not found." });
    expect(r.done).toEqual(["cluster:main", "task-definition:web", "task-definition:worker"]);

    const fixed = await plan(webDesign());
    expect(actions(fixed).filter((a) => !a.startsWith("no-change"))).toEqual(["create service:main/web", "create service:main/worker"]);
    expect((await applyPlan(sb.ecs, fixed)).ok).toBe(true);
    expect(await serviceNames()).toEqual(["web", "worker"]);
    expect((await plan(webDesign())).empty).toBe(true);
  });

  it("retrying the same plan after it went through duplicates nothing (client token, revision reuse)", async () => {
    const p = await plan(webDesign());
    expect((await applyPlan(sb.ecs, p)).ok).toBe(true);
    const retry = await applyPlan(sb.ecs, p);
    expect(retry).toEqual({ ok: true, done: p.steps.map((s) => s.key) });
    expect(await serviceNames()).toEqual(["web", "worker"]);
    const td = await sb.ecs.describeTaskDefinition({ taskDefinition: "web" });
    expect(td.taskDefinition?.revision).toBe(1);
  });

  it("deletes a service the design created and dropped, and never one it did not create", async () => {
    await applyPlan(sb.ecs, await plan(webDesign()));
    await sb.ecs.createService({ cluster: "main", serviceName: "manual", taskDefinition: "worker:1", desiredCount: 0, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"] } } });
    const d = webDesign();
    d.services = d.services.filter((s) => s.serviceName !== "worker");
    const p = await plan(d);
    expect(actions(p).filter((a) => !a.startsWith("no-change"))).toEqual(["delete service:main/worker"]);
    expect((await applyPlan(sb.ecs, p)).ok).toBe(true);
    expect(await serviceNames()).toEqual(["manual", "web"]);
    expect((await plan(d)).empty).toBe(true);
  });

  it("replaces a renamed service: the old one is deleted, the new one created, nothing else", async () => {
    await applyPlan(sb.ecs, await plan(webDesign()));
    const d = webDesign();
    d.services[1].serviceName = "worker-v2";
    const p = await plan(d);
    expect(actions(p).filter((a) => !a.startsWith("no-change"))).toEqual(["replace service:main/worker-v2"]);
    expect((await applyPlan(sb.ecs, p)).ok).toBe(true);
    expect(await serviceNames()).toEqual(["web", "worker-v2"]);
    expect((await plan(d)).empty).toBe(true);
  });

  it("waits for the services to reach a steady state, reporting progress", async () => {
    const p = await plan(webDesign());
    await applyPlan(sb.ecs, p);
    await sb.control({ action: "setSpeed", speed: 200 });
    const seen: number[] = [];
    const r = await waitForSteady(sb.ecs, servicesToWatch(p), { timeoutMs: 20_000, pollMs: 50, onProgress: (ps) => seen.push(ps.reduce((n, x) => n + x.running, 0)) });
    expect(r).toEqual({ ok: true });
    expect(seen.at(-1)).toBe(3);
  });

  it("reports a timeout when services do not settle", async () => {
    const p = await plan(webDesign());
    await applyPlan(sb.ecs, p);
    const r = await waitForSteady(sb.ecs, servicesToWatch(p), { timeoutMs: 100, pollMs: 20 });
    expect(r).toMatchObject({ ok: false, reason: "timeout" });
  });

  it("plans purely from the live state readLiveState returns", async () => {
    await applyPlan(sb.ecs, await plan(webDesign()));
    const live = await readLiveState(sb.ecs, webDesign());
    expect(planDesign(webDesign(), live, { designId }).empty).toBe(true);
    expect(planDesign(webDesign(), live, { designId: "another-design" }).empty).toBe(true);
  });
});
