import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { ServiceMetricsView } from "@/lib/domain/monitor";
import { appAwsPorts } from "@/lib/server/aws-ports";
import type { AppContext } from "@/lib/server/context";
import { createEnvironment } from "@/lib/server/environments";
import { RefusedError } from "@/lib/server/errors";
import { getServiceMetrics, ServiceMetricsInputSchema, setSimulatedLoad, SetSimulatedLoadInputSchema } from "@/lib/server/monitor";
import { handleControlRequest } from "@/lib/sandbox/http";
import { MemoryStore, Mutex } from "@/lib/sandbox/store";
import { testCtx } from "./helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

// The service page's metrics read against the app's own sandbox, through the real CloudWatch,
// Application Auto Scaling and ECS clients in-process: the simulated load raises the AWS/ECS
// CPU utilisation above the target-tracking target, the scaler raises the desired count, and
// twenty viewers of one service cost the GetMetricData calls of one.

let tdb: TestDatabase;
let db: Db;
let ctx: AppContext;
let envId: string;
let calls = 0;

const sandbox = { store: new MemoryStore(), mutex: new Mutex(), now: () => 1_700_000_000_000 };
const control = async (body: Record<string, unknown>) => JSON.parse(String((await handleControlRequest({ headers: {}, body: JSON.stringify({ region: "eu-west-1", ...body }) }, sandbox)).body));
const env = () => ({ id: envId, region: "eu-west-1", kind: "sandbox" }) as Parameters<typeof ctx.aws.ecs>[0];

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
  const ports = appAwsPorts(sandbox);
  // Our clock stands still (the shared read's 15 s are ours); the sandbox's is stepped.
  ctx = testCtx(db, {
    sandbox, clock: { now: () => new Date(1_700_000_000_000) },
    aws: { ...ports, cloudwatch: (e) => { const p = ports.cloudwatch(e); return { ...p, getMetricData: (input) => { calls++; return p.getMetricData(input); } }; } },
  });
  await control({ action: "setSpeed", speed: 0 });
  envId = (await createEnvironment({ ctx, input: { name: "metrics-sb", kind: "sandbox", region: "eu-west-1", readOnly: false } })).id;
  const ecs = ctx.aws.ecs(env());
  await ecs.createCluster({ clusterName: "shop" });
  await ecs.registerTaskDefinition({
    family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: [{ name: "app", image: "web:1", essential: true, portMappings: [{ containerPort: 8080 }] }],
  });
  await ecs.createService({
    cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
  });
  const aas = ctx.aws.autoscaling(env());
  await aas.registerScalableTarget({ ServiceNamespace: "ecs", ResourceId: "service/shop/web", ScalableDimension: "ecs:service:DesiredCount", MinCapacity: 2, MaxCapacity: 6 });
  await aas.putScalingPolicy({
    ServiceNamespace: "ecs", ResourceId: "service/shop/web", ScalableDimension: "ecs:service:DesiredCount", PolicyName: "cpu-at-50", PolicyType: "TargetTrackingScaling",
    TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleOutCooldown: 60, ScaleInCooldown: 300 },
  });
  await control({ action: "step", seconds: 60 });
});
afterAll(async () => { await tdb.drop(); });

const read = (rangeMinutes: 60 | 180 = 60): Promise<ServiceMetricsView> => getServiceMetrics({ ctx, input: { envId, cluster: "shop", service: "web", rangeMinutes } });

describe("the service's utilisation", () => {
  it("reads AWS/ECS CPU and memory on the sandbox's clock, with the target-tracking target", async () => {
    const v = await read();
    expect(v.error).toBeUndefined();
    expect(v).toMatchObject({ source: "AWS/ECS", containerInsights: false, period: 60, targets: [{ metric: "cpu", value: 50, policyName: "cpu-at-50" }] });
    const now = (await control({ action: "status" })).now * 1000;
    expect(Date.parse(v.now)).toBe(now);
    expect(Date.parse(v.endTime)).toBeGreaterThan(now);
    expect(Date.parse(v.endTime) - Date.parse(v.startTime)).toBeGreaterThanOrEqual(60 * 60_000);
    expect(v.cpu.length).toBeGreaterThan(0);
    expect(v.cpu.every((p) => p.value < 50)).toBe(true);
    // Only people set the load (the page shows the form to an editor; e2e/auto-scaling-ramp.spec.ts).
    expect(v.load).toEqual({ canSet: false, cannotSetBecause: expect.stringMatching(/done by people/) });
  });

  it("ramps the load: CPU rises above the target and the scaler adds tasks", async () => {
    await setSimulatedLoad({ ctx, input: SetSimulatedLoadInputSchema.parse({ envId, cluster: "shop", service: "web", shape: { kind: "ramp", from: 10, to: 60, minutes: 3 } }) });
    for (let i = 0; i < 10; i++) await control({ action: "step", seconds: 60 });
    const v = await read();
    const peak = Math.max(...v.cpu.map((p) => p.value));
    expect(peak).toBeGreaterThan(50);
    const { services } = await ctx.aws.ecs(env()).describeServices({ cluster: "shop", services: ["web"] });
    expect(services[0].desiredCount).toBeGreaterThan(2);
  });

  it("shares one read between twenty viewers", async () => {
    await control({ action: "step", seconds: 60 });
    const before = calls;
    const views = await Promise.all(Array.from({ length: 20 }, () => read()));
    expect(calls - before).toBe(1);
    expect(new Set(views.map((v) => JSON.stringify(v.cpu))).size).toBe(1);
  });

  it("says when the service has no datapoints, and names a bad range", async () => {
    const v = await getServiceMetrics({ ctx, input: { envId, cluster: "shop", service: "nothing-here", rangeMinutes: 180 } });
    expect(v).toMatchObject({ cpu: [], memory: [], targets: [] });
    expect(v.error).toBeUndefined();
    const bad = ServiceMetricsInputSchema.safeParse({ envId, cluster: "shop", service: "web", rangeMinutes: "7" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["rangeMinutes"], message: expect.stringMatching(/rangeMinutes is one of 60, 180/) });
  });

  it("refuses simulated load for an AWS environment, and a bad shape by its field", async () => {
    const aws = await createEnvironment({ ctx, input: { name: "metrics-aws", kind: "aws", region: "eu-west-1", readOnly: false } });
    await expect(setSimulatedLoad({ ctx, input: { envId: aws.id, cluster: "shop", service: "web", shape: { kind: "constant", rps: 5 } } })).rejects.toBeInstanceOf(RefusedError);
    const bad = SetSimulatedLoadInputSchema.safeParse({ envId, cluster: "shop", service: "web", shape: { kind: "ramp", from: 1, to: -3, minutes: 2 } });
    expect(bad.error?.issues[0]).toMatchObject({ path: ["shape", "to"], message: "to is at least 0" });
  });
});
