import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MonitorView } from "@/lib/domain/monitor";
import { SANDBOX_ENVIRONMENT_ID, SANDBOX_REGION } from "@/lib/server/environments";
import { appMonitorHub } from "@/lib/server/monitor/app-hub";
import { TARGET_PREFIX, handleControlRequest, handleEcsRequest } from "@/lib/sandbox/http";
import { defaultSandbox } from "@/lib/sandbox/store";
import { GET as getView } from "@/app/api/monitor/[envId]/[cluster]/route";
import { GET as getClusters } from "@/app/api/monitor/[envId]/route";
import { GET as getHistory } from "@/app/api/monitor/[envId]/[cluster]/history/route";
import { GET as getService } from "@/app/api/monitor/[envId]/[cluster]/services/[service]/route";
import { GET as getFigures } from "@/app/api/monitor/figures/route";
import { GET as getInstances } from "@/app/api/monitor/[envId]/[cluster]/instances/route";
import { clearContainerInstanceCache } from "@/lib/server/monitor";
import type { InstancesView } from "@/lib/domain/monitor";
import { getDb } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { ORIGIN, signedIn } from "./helpers/sign-in";

// The routes end to end over the app's own sandbox (in-process, as the environments code serves
// it) and the app's database.

let tdb: TestDatabase;
const env = SANDBOX_ENVIRONMENT_ID;
const auth = `AWS4-HMAC-SHA256 Credential=x/20260101/${SANDBOX_REGION}/ecs/aws4_request, SignedHeaders=host, Signature=0`;
const ecs = async (op: string, input: object) => {
  const r = await handleEcsRequest({ headers: { "x-amz-target": `${TARGET_PREFIX}${op}`, authorization: auth }, body: JSON.stringify(input) }, defaultSandbox());
  expect(r.status).toBe(200);
  return JSON.parse(r.body);
};
const control = (input: object) => handleControlRequest({ headers: {}, body: JSON.stringify({ region: SANDBOX_REGION, ...input }) }, defaultSandbox());
// Every monitor route needs a signed-in viewer.
let viewer: Headers;
const req = (path: string) => new Request(`${ORIGIN}${path}`, { headers: viewer });

beforeAll(async () => {
  process.env.STEVEDORE_SANDBOX_STORE = "memory";
  tdb = await createTestDatabase();
  tdb.useForApp();
  viewer = (await signedIn(await getDb(), "viewer")).headers;
  await control({ action: "reset" });
  await control({ action: "setSpeed", speed: 0 });
  await ecs("CreateCluster", { clusterName: "shop" });
  await control({ action: "addInstances", cluster: "shop", count: 1 });
  await ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "app", image: "web:1", memory: 128 }] });
  await ecs("CreateService", { cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 2 });
  await control({ action: "step", seconds: 30 });
});
afterAll(async () => {
  await appMonitorHub().shutdown();
  await tdb?.drop();
  delete process.env.STEVEDORE_SANDBOX_STORE;
});

describe("monitor routes", () => {
  it("shows a cluster's EC2 capacity: registered vs remaining, tasks, and draining", async () => {
    const get = async () => (await (await getInstances(req(`/api/monitor/${env}/shop/instances`), { params: Promise.resolve({ envId: env, cluster: "shop" }) })).json()) as InstancesView;
    clearContainerInstanceCache();
    const first = await get();
    expect(first.instances).toHaveLength(1);
    const [i] = first.instances;
    expect(i).toMatchObject({ status: "ACTIVE", agentConnected: true, runningTasks: 2 });
    expect(i.memory.registered - i.memory.remaining).toBe(256); // two tasks reserving 128 MiB each
    expect(i.cpu.registered).toBeGreaterThan(0);
    // Every viewer within the cache window shares one read.
    expect((await get()).refreshedAt).toBe(first.refreshedAt);

    await control({ action: "drainInstance", cluster: "shop", containerInstance: i.arn });
    clearContainerInstanceCache();
    expect((await get()).instances[0].status).toBe("DRAINING");
    await ecs("UpdateContainerInstancesState", { cluster: "shop", containerInstances: [i.arn], status: "ACTIVE" });
    clearContainerInstanceCache();
  });

  it("lists the environment's clusters and answers a cluster's snapshot with freshness", async () => {
    const clusters = await (await getClusters(req(`/api/monitor/${env}`), { params: Promise.resolve({ envId: env }) })).json();
    expect(clusters).toMatchObject({ envId: env, clusters: ["shop"] });
    const res = await getView(req(`/api/monitor/${env}/shop`), { params: Promise.resolve({ envId: env, cluster: "shop" }) });
    expect(res.status).toBe(200);
    const view = (await res.json()) as MonitorView;
    expect(view).toMatchObject({ cluster: "shop", stale: false, unreachable: false });
    expect(view.lastRefreshedAt).toEqual(expect.any(String));
    expect(view.services[0]).toMatchObject({ serviceName: "web", desiredCount: 2, runningCount: 2, health: { level: "healthy" } });
    expect(view.tasks.filter((t) => t.lastStatus === "RUNNING")).toHaveLength(2);
  });

  it("rejects names ECS would not accept", async () => {
    const res = await getView(req(`/api/monitor/${env}/bad%20name`), { params: Promise.resolve({ envId: env, cluster: "bad name" }) });
    expect(res.status).toBe(422);
  });

  it("exports the recorded history as CSV and JSON, and serves the service timeline and figures", async () => {
    const csv = await getHistory(req(`/api/monitor/${env}/shop/history?kind=tasks&format=csv`), { params: Promise.resolve({ envId: env, cluster: "shop" }) });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/shop-tasks\.csv/);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toMatch(/^serviceName,taskId,taskArn,lastStatus/);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
    const json = await (await getHistory(req(`/api/monitor/${env}/shop/history?kind=events&format=json&service=web`), { params: Promise.resolve({ envId: env, cluster: "shop" }) })).json();
    expect(json.length).toBeGreaterThan(0);
    const svc = await (await getService(req(`/api/monitor/${env}/shop/services/web`), { params: Promise.resolve({ envId: env, cluster: "shop", service: "web" }) })).json();
    expect(svc.samples.at(-1)).toMatchObject({ desired: 2, running: 2 });
    expect(svc.timeline.length).toBeGreaterThan(0);
    // The recorder saw the service's two tasks start.
    expect(svc.tasks.filter((t: { startedAt?: string }) => t.startedAt).length).toBeGreaterThanOrEqual(2);
    const figures = await (await getFigures(req("/api/monitor/figures"), {})).json();
    const mine = figures.pollers.find((p: { cluster: string }) => p.cluster === "shop");
    expect(mine).toMatchObject({ thisInstanceHolds: true, totals: { ListServices: 1, DescribeServices: 1, ListTasks: 2, DescribeTasks: 1 } });
    const bad = await getHistory(req(`/api/monitor/${env}/shop/history?from=yesterday`), { params: Promise.resolve({ envId: env, cluster: "shop" }) });
    expect(bad.status).toBe(422);
  });
});
