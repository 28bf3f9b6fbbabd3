import { execFile, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import { CreateClusterCommand, ECSClient, ListClustersCommand } from "@aws-sdk/client-ecs";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CreateTargetGroupCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { POST as awsRoute } from "@/app/sandbox/aws/route";
import { POST as controlRoute } from "@/app/sandbox/control/route";
import { POST as ecsRoute } from "@/app/sandbox/ecs/route";
import { getDb, type Db } from "@/lib/db";
import { createAccessKeyAction, revokeAccessKeyAction } from "@/lib/actions/people";
import { createAppContext } from "@/lib/server/context";
import { changeRole, removePerson } from "@/lib/server/people";
import { keyFor, personWithKey, type KeyedPerson } from "./helpers/access-key";
import { requestScope } from "./helpers/request-scope";
import { signedIn } from "./helpers/sign-in";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { rejection, signedRequest, testAccessKey } from "./sandbox/server";

// Personal sandbox access keys against the app's own route handlers (app/sandbox/*/route.ts),
// served over real HTTP so the real AWS SDK clients and the AWS CLI sign and send as they do
// against AWS: a valid key works with its person's current role, a revoked, unknown or wrongly
// used key gets the exception AWS answers, and mutating calls are on record as the person.

type RouteHandler = (req: Request, args: unknown) => Promise<Response>;
const ROUTES: [string, RouteHandler][] = [["/sandbox/ecs", ecsRoute], ["/sandbox/aws", awsRoute], ["/sandbox/control", controlRoute]];

let tdb: TestDatabase;
let db: Db;
let server: Server;
let origin: string;
const saved = { ...process.env };

beforeAll(async () => {
  process.env.STEVEDORE_SANDBOX_STORE = "memory";
  tdb = await createTestDatabase();
  tdb.useForApp();
  db = await getDb();
  // Node's request as the Web Request Next hands a route handler, and its Response back.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const handler = ROUTES.find(([p]) => url.pathname.replace(/\/$/, "") === p)?.[1];
      if (!handler) return void res.writeHead(404).end();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const answer = await handler(new Request(url, { method: req.method, headers, body: Buffer.concat(chunks) }), {});
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  requestScope.clear();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await tdb.drop();
  if (saved.STEVEDORE_SANDBOX_STORE === undefined) delete process.env.STEVEDORE_SANDBOX_STORE;
  else process.env.STEVEDORE_SANDBOX_STORE = saved.STEVEDORE_SANDBOX_STORE;
});

const clients = (credentials: KeyedPerson["credentials"], extra: { systemClockOffset?: number } = {}) => {
  const config = { endpoint: `${origin}/sandbox/aws`, region: "eu-west-1", maxAttempts: 1, credentials, ...extra };
  return {
    ecs: new ECSClient(config), ecsAlone: new ECSClient({ ...config, endpoint: `${origin}/sandbox/ecs` }),
    elbv2: new ElasticLoadBalancingV2Client(config), ec2: new EC2Client(config),
  };
};
type AwsFailure = { name: string; message: string; $metadata: { httpStatusCode?: number } };
const failure = async (call: Promise<unknown>) => {
  const e = await rejection<AwsFailure>(call);
  return `${e.name} ${e.$metadata.httpStatusCode}: ${e.message}`;
};
const INVALID_TOKEN = "The security token included in the request is invalid.";
const auditRows = () => db.auditEvent.findMany({ where: { action: { startsWith: "POST /sandbox/" } }, orderBy: { id: "asc" } });

describe("sandbox access keys on the sandbox's AWS endpoints", () => {
  it("an editor's key works for the real SDK clients, and its mutating calls are on record as the person", async () => {
    const editor = await personWithKey(db, "editor");
    const c = clients(editor.credentials);
    await c.ecs.send(new CreateClusterCommand({ clusterName: "keyed" }));
    expect((await c.ecsAlone.send(new ListClustersCommand({}))).clusterArns).toContain("arn:aws:ecs:eu-west-1:000000000000:cluster/keyed");
    expect((await c.elbv2.send(new DescribeLoadBalancersCommand({}))).LoadBalancers).toEqual([]);
    expect((await c.ec2.send(new DescribeVpcsCommand({}))).Vpcs?.[0]).toMatchObject({ IsDefault: true });
    const rows = (await auditRows()).filter((r) => r.actorId === editor.person.id);
    // The one mutating call is on record; the reads are not.
    expect(rows.map((r) => [r.action, r.outcome, r.actorEmail, r.actorRole, r.signInMethod, r.targetType, r.targetId])).toEqual([
      ["POST /sandbox/aws", "ok", editor.person.email, "editor", "access-key", "sandbox", "ecs:CreateCluster"],
    ]);
    expect(await db.sandboxAccessKey.findUnique({ where: { id: editor.credentials.accessKeyId } })).toMatchObject({ lastUsedAt: expect.any(Date) });
    for (const client of Object.values(c)) client.destroy();
  });

  it("a viewer's key reads, and a mutating call gets AWS's access denied in each protocol; a role change takes effect at once", async () => {
    const viewer = await personWithKey(db, "viewer");
    const c = clients(viewer.credentials);
    expect((await c.ecs.send(new ListClustersCommand({}))).clusterArns).toBeDefined();
    expect(await failure(c.ecs.send(new CreateClusterCommand({ clusterName: "not-mine" })))).toMatch(/^AccessDeniedException 400: User: arn:aws:iam::000000000000:user\/viewer-.* is not authorized to perform: ecs:CreateCluster/);
    expect(await failure(c.elbv2.send(new CreateTargetGroupCommand({ Name: "tg", Protocol: "HTTP", Port: 80, VpcId: "vpc-1" })))).toMatch(/^AccessDenied 403: .*elasticloadbalancing:CreateTargetGroup/);
    const denied = (await auditRows()).filter((r) => r.actorId === viewer.person.id);
    expect(denied.map((r) => [r.outcome, r.signInMethod])).toEqual([["denied", "access-key"], ["denied", "access-key"]]);
    expect(denied[0].reason).toContain("ecs:CreateCluster needs the editor role");

    // The key acts with the person's current role: made an editor, the same key may change things.
    const admin = await createAppContext({ db, actor: { kind: "system", name: "test" } });
    await changeRole({ ctx: admin, input: { personId: viewer.person.id, role: "editor" } });
    await c.ecs.send(new CreateClusterCommand({ clusterName: "mine-now" }));
    for (const client of Object.values(c)) client.destroy();
  });

  it("a revoked key, an unknown key and a wrong secret get the exceptions AWS answers", async () => {
    const editor = await signedIn(db, "editor");
    requestScope.use(editor.headers);
    const made = await createAccessKeyAction({});
    if (!made.ok) throw new Error(made.message);
    const { accessKeyId, secretAccessKey } = made.data;
    expect(accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(secretAccessKey).toHaveLength(40);
    // Sealed at rest: the row does not hold the secret in the clear.
    const row = await db.sandboxAccessKey.findUniqueOrThrow({ where: { id: accessKeyId } });
    expect(row.secretSealed).not.toContain(secretAccessKey);
    const good = clients({ accessKeyId, secretAccessKey });
    expect((await good.ecs.send(new ListClustersCommand({}))).clusterArns).toBeDefined();

    const wrong = clients({ accessKeyId, secretAccessKey: testAccessKey().secretAccessKey });
    expect(await failure(wrong.ecs.send(new ListClustersCommand({})))).toMatch(/^InvalidSignatureException 400: The request signature we calculated does not match the signature you provided\./);
    expect(await failure(wrong.elbv2.send(new DescribeLoadBalancersCommand({})))).toMatch(/^SignatureDoesNotMatch 403: The request signature we calculated/);
    expect(await failure(wrong.ec2.send(new DescribeVpcsCommand({})))).toBe("AuthFailure 401: AWS was not able to validate the provided access credentials");

    expect(await revokeAccessKeyAction({ accessKeyId })).toEqual({ ok: true, data: { accessKeyId } });
    expect(await failure(good.ecs.send(new ListClustersCommand({})))).toBe(`UnrecognizedClientException 400: ${INVALID_TOKEN}`);
    expect(await failure(good.ecsAlone.send(new ListClustersCommand({})))).toBe(`UnrecognizedClientException 400: ${INVALID_TOKEN}`);
    expect(await failure(good.elbv2.send(new DescribeLoadBalancersCommand({})))).toBe(`InvalidClientTokenId 403: ${INVALID_TOKEN}`);
    const stranger = clients(testAccessKey());
    expect(await failure(stranger.ecs.send(new ListClustersCommand({})))).toBe(`UnrecognizedClientException 400: ${INVALID_TOKEN}`);
    for (const c of [good, wrong, stranger]) for (const client of Object.values(c)) client.destroy();
  });

  it("refuses an unsigned call and a signature more than 15 minutes old", async () => {
    const unsigned = await fetch(`${origin}/sandbox/ecs`, { method: "POST", body: "{}", headers: { "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters", "content-type": "application/x-amz-json-1.1" } });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toEqual({ __type: "MissingAuthenticationTokenException", message: "Missing Authentication Token" });
    const query = await fetch(`${origin}/sandbox/aws`, { method: "POST", body: "Action=DescribeLoadBalancers&Version=2015-12-01", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(query.status).toBe(403);
    expect(await query.text()).toContain("<Code>MissingAuthenticationToken</Code>");
    // A session cookie is no credential here: only keys.
    const editor = await signedIn(db, "editor");
    const withCookie = await fetch(`${origin}/sandbox/ecs`, { method: "POST", body: "{}", headers: { cookie: editor.cookie, "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters" } });
    expect((await withCookie.json()).__type).toBe("MissingAuthenticationTokenException");

    const { credentials } = await personWithKey(db, "viewer");
    // The SDK's clock 20 minutes behind: its X-Amz-Date is outside AWS's 15 minutes.
    const late = clients(credentials, { systemClockOffset: -20 * 60_000 });
    expect(await failure(late.ecs.send(new ListClustersCommand({})))).toMatch(/^InvalidSignatureException 400: Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
    for (const client of Object.values(late)) client.destroy();
  });

  it("a key dies with its person, and a person has at most two", async () => {
    const gone = await personWithKey(db, "editor");
    const second = await keyFor(db, gone.person);
    await expect(keyFor(db, gone.person)).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("2 sandbox access keys") });
    const admin = await createAppContext({ db, actor: { kind: "system", name: "test" } });
    await removePerson({ ctx: admin, input: { personId: gone.person.id } });
    expect(await db.sandboxAccessKey.count({ where: { id: { in: [gone.credentials.accessKeyId, second.accessKeyId] } } })).toBe(0);
    const c = clients(gone.credentials);
    expect(await failure(c.ecs.send(new ListClustersCommand({})))).toBe(`UnrecognizedClientException 400: ${INVALID_TOKEN}`);
    for (const client of Object.values(c)) client.destroy();
  });

  it("the control API takes an editor's key (or an editor's session) and refuses a viewer's key", async () => {
    const editor = await personWithKey(db, "editor");
    const viewer = await personWithKey(db, "viewer");
    const body = JSON.stringify({ action: "status" });
    const ok = await signedRequest(`${origin}/sandbox/control`, { service: "sandbox", region: "eu-west-1", body, headers: { "content-type": "application/json" } }, editor.credentials);
    expect(ok.status).toBe(200);
    const refused = await signedRequest(`${origin}/sandbox/control`, { service: "sandbox", region: "eu-west-1", body, headers: { "content-type": "application/json" } }, viewer.credentials);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ __type: "AccessDeniedException" });
    const session = await signedIn(db, "editor");
    const viaSession = await fetch(`${origin}/sandbox/control`, { method: "POST", body, headers: { cookie: session.cookie, "content-type": "application/json" } });
    expect(viaSession.status).toBe(200);
  });

  const awsCli = spawnSync("aws", ["--version"], { encoding: "utf8" }).status === 0;
  it.skipIf(!awsCli)("the AWS CLI works with a person's key through AWS_ENDPOINT_URL, and not with a revoked one", async () => {
    const editor = await personWithKey(db, "editor");
    const env: Record<string, string | undefined> = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_")));
    Object.assign(env, {
      AWS_ENDPOINT_URL: `${origin}/sandbox/aws`, AWS_DEFAULT_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: editor.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: editor.credentials.secretAccessKey,
      AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    });
    const aws = (...args: string[]) => promisify(execFile)("aws", [...args, "--output", "json"], { env: env as NodeJS.ProcessEnv });
    expect(JSON.parse((await aws("ecs", "create-cluster", "--cluster-name", "from-cli")).stdout).cluster.clusterName).toBe("from-cli");
    expect(JSON.parse((await aws("ec2", "describe-vpcs")).stdout).Vpcs[0].IsDefault).toBe(true);
    await db.sandboxAccessKey.delete({ where: { id: editor.credentials.accessKeyId } });
    await expect(aws("ecs", "list-clusters")).rejects.toMatchObject({
      stderr: expect.stringContaining(`An error occurred (UnrecognizedClientException) when calling the ListClusters operation: ${INVALID_TOKEN}`),
    });
  }, 120_000);
});
