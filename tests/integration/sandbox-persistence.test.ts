import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresSandboxStore, type Db } from "@/lib/db";
import { initialState } from "@/lib/sandbox/core/state";
import { handleAwsRequest, handleControlRequest, handleEcsRequest, TARGET_PREFIX } from "@/lib/sandbox/http";
import { Mutex, type SandboxDeps, type SandboxStore } from "@/lib/sandbox/store";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

// The sandbox's state in the database survives a restart: what one store instance wrote
// through the real handlers, a fresh instance (a fresh client, an empty cache) reads back.

const REAL_NOW = 1_700_000_000_000;
const ID = "it-sandbox";

let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
});
afterAll(() => tdb.drop());

/** A "process": its own store (and cache), its own mutex, a frozen real clock. */
function processOn(client: Db, store: SandboxStore = new PostgresSandboxStore(client, ID)): SandboxDeps {
  return { store, mutex: new Mutex(), now: () => REAL_NOW };
}

async function ecs(deps: SandboxDeps, op: string, input: unknown = {}) {
  const res = await handleEcsRequest({ headers: { "x-amz-target": `${TARGET_PREFIX}${op}` }, body: JSON.stringify(input) }, deps);
  return { status: res.status, body: JSON.parse(res.body) };
}

async function ok(deps: SandboxDeps, op: string, input: unknown = {}) {
  const res = await ecs(deps, op, input);
  if (res.status !== 200) throw new Error(`${op}: ${res.body.__type}: ${res.body.message}`);
  return res.body;
}

async function control(deps: SandboxDeps, input: Record<string, unknown>) {
  const res = await handleControlRequest({ headers: {}, body: JSON.stringify(input) }, deps);
  const body = JSON.parse(res.body);
  if (res.status !== 200) throw new Error(`${input.action}: ${body.__type}: ${body.message}`);
  return body;
}

const storedVersion = async () => (await db.sandboxState.findUnique({ where: { id: ID } }))?.version;

async function createShop(deps: SandboxDeps) {
  await ok(deps, "CreateCluster", { clusterName: "prod" });
  await ok(deps, "RegisterTaskDefinition", {
    family: "shop", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
    containerDefinitions: [{ name: "app", image: "nginx" }],
  });
  await ok(deps, "CreateService", {
    cluster: "prod", serviceName: "shop", taskDefinition: "shop", desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
  });
}

describe("the sandbox's state in the database", () => {
  it("survives a restart: a fresh store instance sees what the first one wrote", async () => {
    const first = processOn(db);
    // A frozen clock, so simulated time moves only by stepping.
    await first.store.save({ ...initialState(REAL_NOW, 7), clock: { speed: 0, realAnchor: REAL_NOW, simAnchor: REAL_NOW } });
    await createShop(first);
    await control(first, { action: "step", seconds: 30 });

    // "Restart": a new Prisma client and a new store with nothing cached.
    const client = await tdb.client({ migrate: false });
    const second = processOn(client);
    const { services, failures } = await ok(second, "DescribeServices", { cluster: "prod", services: ["shop"] });
    expect(failures).toEqual([]);
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({ serviceName: "shop", status: "ACTIVE", desiredCount: 2, runningCount: 2, launchType: "FARGATE" });
    const { taskArns } = await ok(second, "ListTasks", { cluster: "prod", serviceName: "shop" });
    expect(taskArns).toHaveLength(2);
    const { tasks } = await ok(second, "DescribeTasks", { cluster: "prod", tasks: taskArns });
    expect(tasks.map((t: { lastStatus: string }) => t.lastStatus)).toEqual(["RUNNING", "RUNNING"]);
    // The clock came back too: still frozen, at the stepped time.
    expect((await control(second, { action: "status" })).now).toBe(REAL_NOW / 1000 + 30);
  });

  it("writes only when a request changed the state", async () => {
    const deps = processOn(db);
    const before = await storedVersion();
    await ok(deps, "DescribeServices", { cluster: "prod", services: ["shop"] });
    await ok(deps, "ListClusters");
    await control(deps, { action: "status" });
    expect(await storedVersion()).toBe(before);
    await ok(deps, "TagResource", { resourceArn: (await ok(deps, "ListClusters")).clusterArns[0], tags: [{ key: "team", value: "web" }] });
    expect(await storedVersion()).toBe(before! + 1);
  });

  it("reruns a request that lost a race with another process, losing no update", async () => {
    const other = processOn(db);
    const inner = new PostgresSandboxStore(db, ID);
    let raced = false;
    // Between this process's load and save, the other process creates a cluster.
    const racing: SandboxStore = {
      async load() {
        const state = await inner.load();
        if (!raced) {
          raced = true;
          await ok(other, "CreateCluster", { clusterName: "theirs" });
        }
        return state;
      },
      save: (state) => inner.save(state),
    };
    const mine = processOn(db, racing);
    await ok(mine, "CreateCluster", { clusterName: "mine" });
    expect(raced).toBe(true);
    const { clusterArns } = await ok(processOn(db), "ListClusters");
    expect(clusterArns.map((a: string) => a.split("/").pop()).sort()).toEqual(["mine", "prod", "theirs"]);
  });

  it("keeps every answered update when two processes write concurrently", async () => {
    const a = processOn(db);
    const b = processOn(db);
    const names = Array.from({ length: 8 }, (_, i) => [`a${i}`, `b${i}`]).flat();
    const results = await Promise.all(names.map((name) => ecs(name.startsWith("a") ? a : b, "CreateCluster", { clusterName: name })));
    // A request that lost twice answers ServerException (the SDK retries those); none is lost silently.
    const answered = names.filter((_, i) => results[i].status === 200);
    for (const r of results) if (r.status !== 200) expect(r.body.__type).toBe("ServerException");
    expect(answered.length).toBeGreaterThan(0);
    const { clusterArns } = await ok(processOn(db), "ListClusters");
    const stored = new Set(clusterArns.map((arn: string) => arn.split("/").pop()));
    for (const name of answered) expect(stored.has(name)).toBe(true);
  });

  it("reset clears the stored state", async () => {
    const deps = processOn(db);
    expect((await ok(deps, "ListClusters")).clusterArns.length).toBeGreaterThan(0);
    await control(deps, { action: "reset" });

    const fresh = processOn(await tdb.client({ migrate: false }));
    expect((await ok(fresh, "ListClusters")).clusterArns).toEqual([]);
    const res = await ecs(fresh, "DescribeServices", { cluster: "prod", services: ["shop"] });
    expect(res.body.__type).toBe("ClusterNotFoundException");
    expect((await control(fresh, { action: "status" })).services).toBe(0);
    // The seed survives a reset (as in memory); the world does not.
    const row = await db.sandboxState.findUniqueOrThrow({ where: { id: ID } });
    const stored = row.state as { seed: number; worlds: Record<string, { clusters: object; services: object }> };
    expect(stored.seed).toBe(7);
    // updated_at is UTC, as Prisma's @updatedAt writes it.
    expect(Math.abs(row.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(Object.keys(stored.worlds["us-east-1"]?.clusters ?? {})).toEqual([]);
  });

  it("keeps ELBv2's and EC2's resources too, and loads a state stored before they existed", async () => {
    const query = async (deps: SandboxDeps, service: string, form: string) => {
      const authorization = `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=x`;
      const res = await handleAwsRequest({ headers: { authorization }, body: form }, deps);
      if (res.status !== 200) throw new Error(`${form}: ${res.body}`);
      return res.body;
    };
    const first = processOn(db);
    const subnets = [...(await query(first, "ec2", "Action=DescribeSubnets&Version=2016-11-15")).matchAll(/<subnetId>([^<]+)</g)].map((m) => m[1]);
    expect(subnets).toHaveLength(3);
    await query(first, "elasticloadbalancing", `Action=CreateLoadBalancer&Version=2015-12-01&Name=kept&Subnets.member.1=${subnets[0]}&Subnets.member.2=${subnets[1]}`);

    const second = processOn(await tdb.client({ migrate: false }));
    expect(await query(second, "elasticloadbalancing", "Action=DescribeLoadBalancers&Version=2015-12-01&Names.member.1=kept")).toContain("<LoadBalancerName>kept</LoadBalancerName>");
    const again = [...(await query(second, "ec2", "Action=DescribeSubnets&Version=2016-11-15")).matchAll(/<subnetId>([^<]+)</g)].map((m) => m[1]);
    expect(again).toEqual(subnets);

    // A row written before EC2 and ELBv2 joined: its worlds lack their maps.
    const state = JSON.parse(JSON.stringify(await new PostgresSandboxStore(db, ID).load()));
    for (const key of ["vpcs", "subnets", "securityGroups", "loadBalancers", "targetGroups", "listeners", "rules"]) delete state.worlds["us-east-1"][key];
    await ok(second, "CreateCluster", { clusterName: "before" });
    const row = await db.sandboxState.findUniqueOrThrow({ where: { id: ID } });
    state.worlds["us-east-1"].clusters = (row.state as typeof state).worlds["us-east-1"].clusters;
    await db.$executeRaw`UPDATE "sandbox_states" SET "state" = ${JSON.stringify(state)}::json, "version" = "version" + 1 WHERE "id" = ${ID}`;
    const third = processOn(await tdb.client({ migrate: false }));
    expect((await ok(third, "ListClusters")).clusterArns).toContain("arn:aws:ecs:us-east-1:000000000000:cluster/before");
    expect(await query(third, "ec2", "Action=DescribeVpcs&Version=2016-11-15")).toContain("<cidrBlock>172.31.0.0/16</cidrBlock>");
  });
});
