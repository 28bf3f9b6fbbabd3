import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getDb, type Db } from "@/lib/db";
import type { ServiceDeploymentsView } from "@/lib/domain/monitor";
import { createEnvironment } from "@/lib/server/environments";
import { GET as getDeployments } from "@/app/api/monitor/[envId]/[cluster]/services/[service]/deployments/route";
import { requestScope } from "./helpers/request-scope";
import { ORIGIN, signedIn, type SignedIn } from "./helpers/sign-in";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

// The monitor's deployment actions and route, as the app runs them: a real sign-in, runAction's
// authorisation (the deployer grant on an AWS environment), the real ECSClient over HTTP. The
// environment's ECS endpoint is a small fake that answers the service deployments API in its
// real JSON shapes (the sandbox on main does not serve that API yet); it records every call, so
// a refusal is shown to reach nothing.

const ACCOUNT = "111122223333";
const DEP = `arn:aws:ecs:eu-west-1:${ACCOUNT}:service-deployment/shop/web/dep1`;
const REV1 = `arn:aws:ecs:eu-west-1:${ACCOUNT}:service-revision/shop/web/1`;
const REV2 = `arn:aws:ecs:eu-west-1:${ACCOUNT}:service-revision/shop/web/2`;
const td = (n: number, image: string) => ({
  taskDefinitionArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:${n}`, family: "web", revision: n, cpu: "256", memory: "512",
  containerDefinitions: [{ name: "app", image, portMappings: [{ containerPort: 80, protocol: "tcp" }] }],
});

type Call = { op: string; input: Record<string, unknown> };
const calls: Call[] = [];
const secs = (iso: string) => Date.parse(iso) / 1000;
const state = { weight: 10, hook: "AWAITING_ACTION", status: "IN_PROGRESS", stage: "PRODUCTION_TRAFFIC_SHIFT" };

function deployment() {
  return {
    serviceDeploymentArn: DEP, serviceArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/shop/web`, clusterArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/shop`,
    createdAt: secs("2026-12-06T10:00:00Z"), startedAt: secs("2026-12-06T10:00:01Z"), updatedAt: Date.now() / 1000,
    status: state.status, lifecycleStage: state.stage,
    sourceServiceRevisions: [{ arn: REV1, requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0, requestedProductionTrafficWeight: 100 - state.weight }],
    targetServiceRevision: { arn: REV2, requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0, requestedProductionTrafficWeight: state.weight },
    deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } },
    deploymentCircuitBreaker: { status: "MONITORING", failureCount: 0, threshold: 2 },
    lifecycleHookDetails: [{ hookId: "pause-1", targetType: "PAUSE", status: state.hook, expiresAt: Date.now() / 1000 + 600, timeoutAction: "ROLLBACK" }],
  };
}

function answer(op: string, input: Record<string, unknown>): [number, unknown] {
  switch (op) {
    case "ListServiceDeployments":
      return [200, { serviceDeployments: [{ serviceDeploymentArn: DEP, status: state.status, createdAt: secs("2026-12-06T10:00:00Z"), targetServiceRevisionArn: REV2 }] }];
    case "DescribeServiceDeployments":
      return [200, { serviceDeployments: (input.serviceDeploymentArns as string[]).includes(DEP) ? [deployment()] : [], failures: [] }];
    case "DescribeServiceRevisions":
      return [200, { serviceRevisions: (input.serviceRevisionArns as string[]).map((arn) => ({ serviceRevisionArn: arn, taskDefinition: td(arn === REV1 ? 1 : 2, "x").taskDefinitionArn, launchType: "FARGATE" })), failures: [] }];
    case "DescribeTaskDefinition":
      return [200, { taskDefinition: String(input.taskDefinition).endsWith(":1") ? td(1, "web:1") : td(2, "web:2") }];
    case "ContinueServiceDeployment":
      if (input.serviceDeploymentArn !== DEP) return [400, { __type: "ServiceDeploymentNotFoundException", message: "The service deployment does not exist." }];
      state.hook = "SUCCEEDED";
      state.weight = input.action === "CONTINUE" ? 100 : 0;
      return [200, { serviceDeploymentArn: DEP }];
    case "StopServiceDeployment":
      state.status = "ROLLBACK_REQUESTED";
      return [200, { serviceDeploymentArn: DEP }];
    case "UpdateService":
      return [200, { service: { serviceArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/shop/web`, desiredCount: input.desiredCount ?? 2 } }];
    default:
      return [400, { __type: "InvalidParameterException", message: `The fake does not answer ${op}.` }];
  }
}

let server: Server;
let tdb: TestDatabase;
let db: Db;
let envId: string;
const people = {} as Record<"viewer" | "editor" | "deployer", SignedIn>;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const op = String(req.headers["x-amz-target"] ?? "").split(".").pop()!;
      const input = JSON.parse(Buffer.concat(chunks).toString() || "{}");
      calls.push({ op, input });
      const [status, body] = answer(op, input);
      res.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]) saved[k] = process.env[k];
  process.env.AWS_ACCESS_KEY_ID = "AKIAMONITORDEPLOY";
  process.env.AWS_SECRET_ACCESS_KEY = "monitor-deployments";
  tdb = await createTestDatabase();
  tdb.useForApp();
  db = await getDb();
  const admin = await signedIn(db, "admin");
  people.viewer = await signedIn(db, "viewer");
  people.editor = await signedIn(db, "editor");
  people.deployer = await signedIn(db, "editor");
  const { systemActor } = await import("@/lib/domain/access");
  const { testCtx } = await import("./helpers/fixtures");
  const env = await createEnvironment({
    ctx: testCtx(db, { actor: systemActor("test") }),
    input: { name: "prod-deploys", kind: "aws", region: "eu-west-1", readOnly: false, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
  });
  envId = env.id;
  requestScope.use(admin.headers);
  const { addGrantAction } = await import("@/lib/actions/approvals");
  expect(await addGrantAction({ environmentId: envId, subjectKind: "person", subject: people.deployer.person.id, role: "deployer" })).toMatchObject({ ok: true });
});

afterAll(async () => {
  requestScope.clear();
  await new Promise((r) => server.close(r));
  await tdb?.drop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const ref = () => ({ envId, cluster: "shop", service: "web" });
const view = async (who: SignedIn) => {
  const res = await getDeployments(new Request(`${ORIGIN}/api/monitor/${envId}/shop/services/web/deployments`, { headers: who.headers }), { params: Promise.resolve({ ...ref() }) });
  expect(res.status).toBe(200);
  return (await res.json()) as ServiceDeploymentsView;
};
const sent = (op: string) => calls.filter((c) => c.op === op);

describe("the service page's deployment timeline", () => {
  it("shows a viewer the paused canary (traffic, hook, revision diff) without the right to act on it; a deployer may", async () => {
    const v = await view(people.viewer);
    expect(v.error).toBeUndefined();
    expect(v.canDeploy).toBe(false);
    expect(v.cannotDeployBecause).toMatch(/editor role/);
    const [d] = v.deployments;
    expect(d).toMatchObject({ arn: DEP, strategy: "CANARY", status: "IN_PROGRESS", active: true, traffic: { target: 10, source: 90 } });
    expect(d.hooks).toMatchObject([{ hookId: "pause-1", targetType: "PAUSE", stage: "PRODUCTION_TRAFFIC_SHIFT", timeoutAction: "ROLLBACK" }]);
    expect(d.hooks[0].secondsLeft).toBeGreaterThan(500);
    expect(d.changes).toEqual(expect.arrayContaining([{ area: "container", what: "app image", from: "web:1", to: "web:2" }]));
    expect((await view(people.editor)).cannotDeployBecause).toMatch(/needs the deployer grant/);
    expect((await view(people.deployer)).canDeploy).toBe(true);
  });
});

describe("deployment actions", () => {
  it("a viewer cannot continue a paused hook, nor an editor without the deployer grant: ECS is never called", async () => {
    const { continueServiceDeploymentAction } = await import("@/lib/actions/monitor");
    const before = calls.length;
    requestScope.use(people.viewer.headers);
    expect(await continueServiceDeploymentAction({ ...ref(), serviceDeploymentArn: DEP, hookId: "pause-1", action: "CONTINUE" }))
      .toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringContaining("Deploying services needs the editor role") });
    requestScope.use(people.editor.headers);
    expect(await continueServiceDeploymentAction({ ...ref(), serviceDeploymentArn: DEP, hookId: "pause-1", action: "CONTINUE" }))
      .toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringContaining("needs the deployer grant") });
    expect(calls.slice(before).filter((c) => c.op === "ContinueServiceDeployment")).toEqual([]);
  });

  it("names the field of a malformed request: another service's deployment, an empty hook id, a negative desired count", async () => {
    const { continueServiceDeploymentAction, setDesiredCountAction } = await import("@/lib/actions/monitor");
    requestScope.use(people.deployer.headers);
    const other = await continueServiceDeploymentAction({ ...ref(), serviceDeploymentArn: DEP.replace("/web/", "/api/"), hookId: "", action: "CONTINUE" });
    expect(other).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!other.ok && other.issues?.map((i) => i.path).sort()).toEqual(["hookId", "serviceDeploymentArn"]);
    const scale = await setDesiredCountAction({ ...ref(), desiredCount: -1 });
    expect(!scale.ok && scale.issues).toEqual([{ path: "desiredCount", message: "desiredCount is at least 0" }]);
  });

  it("a deployer continues the hook: ECS gets ContinueServiceDeployment, the audit trail names them, and the timeline shows the traffic move", async () => {
    const { continueServiceDeploymentAction } = await import("@/lib/actions/monitor");
    requestScope.use(people.deployer.headers);
    expect(await continueServiceDeploymentAction({ ...ref(), serviceDeploymentArn: DEP, hookId: "pause-1", action: "CONTINUE" })).toEqual({ ok: true, data: { serviceDeploymentArn: DEP } });
    expect(sent("ContinueServiceDeployment").at(-1)?.input).toEqual({ serviceDeploymentArn: DEP, hookId: "pause-1", action: "CONTINUE" });
    const rows = await db.auditEvent.findMany({ where: { action: "continueServiceDeploymentAction", outcome: "ok" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ environmentId: envId, actorEmail: people.deployer.person.email });
    const v = await view(people.deployer);
    expect(v.deployments[0].traffic.target).toBe(100);
    expect(v.deployments[0].traffic.over.map((p) => p.target)).toEqual([10, 100]);
    expect(v.deployments[0].hooks).toEqual([]);
    expect(await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "monitor_service_deployments" WHERE "environment_id" = $1`, envId)).toEqual([{ n: 2 }]);
  });

  it("ECS's own refusal comes back in its words", async () => {
    const { continueServiceDeploymentAction } = await import("@/lib/actions/monitor");
    requestScope.use(people.deployer.headers);
    expect(await continueServiceDeploymentAction({ ...ref(), serviceDeploymentArn: DEP.replace("dep1", "gone"), hookId: "pause-1", action: "ROLLBACK" }))
      .toMatchObject({ ok: false, code: "AWS", message: "ServiceDeploymentNotFoundException: The service deployment does not exist." });
  });

  it("a deployer rolls back a deployment (StopServiceDeployment ROLLBACK), forces a new one and sets the desired count", async () => {
    const { forceNewDeploymentAction, rollBackServiceDeploymentAction, setDesiredCountAction } = await import("@/lib/actions/monitor");
    requestScope.use(people.deployer.headers);
    expect(await rollBackServiceDeploymentAction({ ...ref(), serviceDeploymentArn: DEP })).toMatchObject({ ok: true });
    expect(sent("StopServiceDeployment").at(-1)?.input).toEqual({ serviceDeploymentArn: DEP, stopType: "ROLLBACK" });
    expect(await forceNewDeploymentAction(ref())).toMatchObject({ ok: true });
    expect(await setDesiredCountAction({ ...ref(), desiredCount: 4 })).toEqual({ ok: true, data: { serviceArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/shop/web`, desiredCount: 4 } });
    expect(sent("UpdateService").map((c) => c.input)).toEqual([{ cluster: "shop", service: "web", forceNewDeployment: true }, { cluster: "shop", service: "web", desiredCount: 4 }]);
    const actions = (await db.auditEvent.findMany({ where: { environmentId: envId, outcome: "ok" }, orderBy: { id: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["rollBackServiceDeploymentAction", "forceNewDeploymentAction", "setDesiredCountAction"]));
  });
});
