import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, TagResourceCommand } from "@aws-sdk/client-ecs";
import { createDb } from "../lib/db";
import { PostgresSandboxStore } from "../lib/db/sandbox-store";
import { handleControl } from "../lib/sandbox/ecs/control";
import { handleOperation } from "../lib/sandbox/ecs/engine";
import { listenSandbox } from "../lib/sandbox/node-server";
import { MemoryStore, Mutex, type SandboxDeps, type SandboxStore } from "../lib/sandbox/store";
import { steppedSandbox } from "../lib/sandbox/testing";
import type { SandboxState } from "../lib/sandbox/core/types";
import { withScratchDatabase } from "./measure-db";
import { sample } from "./stats";

// The sandbox at scale: 100 Fargate services of 10 tasks each (1,000 tasks) in one cluster,
// driven by the real @aws-sdk/client-ecs over HTTP (lib/sandbox/node-server.ts in front of
// handleEcsRequest, as in the integration tests), with a frozen clock so every run sees the
// same world.

export const SERVICES = 100;
export const TASKS_PER_SERVICE = 10;
const CLUSTER = "bench";
const REAL_NOW = 1_700_000_000_000;
/** Services that roll out a new revision during the stepped hour (10 tasks each). */
export const DEPLOYING = 10;

export type SandboxWorld = { state: SandboxState; serviceArns: string[]; taskArns: string[]; bytes: number };

const fargate = (image: string) => ({
  family: "app", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
  containerDefinitions: [{
    name: "app", image, essential: true, portMappings: [{ containerPort: 8080 }],
    healthCheck: { command: ["CMD-SHELL", "curl -f localhost:8080 || exit 1"], interval: 30, retries: 3 },
  }],
});

/** Builds the world through the pure engine (fast), then lets every task reach RUNNING. */
export function buildSandbox(): SandboxWorld {
  const sb = steppedSandbox(42);
  sb.call("CreateCluster", { clusterName: CLUSTER });
  sb.call("RegisterTaskDefinition", fargate("app:1"));
  const serviceArns: string[] = [];
  for (let i = 0; i < SERVICES; i++) {
    const out = sb.call("CreateService", {
      cluster: CLUSTER, serviceName: `svc-${String(i).padStart(3, "0")}`, taskDefinition: "app:1", desiredCount: TASKS_PER_SERVICE,
      launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a", "subnet-b"] } },
    });
    serviceArns.push(out.service.serviceArn);
  }
  sb.step(120);
  const tasks = Object.values(sb.world().tasks);
  const running = tasks.filter((t) => t.lastStatus === "RUNNING").length;
  if (running !== SERVICES * TASKS_PER_SERVICE) throw new Error(`expected ${SERVICES * TASKS_PER_SERVICE} running tasks, got ${running}`);
  return { state: sb.state, serviceArns, taskArns: tasks.map((t) => t.arn), bytes: Buffer.byteLength(JSON.stringify(sb.state)) };
}

/** The world with a rolling deployment to a new revision started on DEPLOYING services. */
function deploying(world: SandboxWorld): SandboxState {
  const call = (state: SandboxState, op: string, input: unknown) => {
    const r = handleOperation(state, { region: "us-east-1", op, input, realNow: REAL_NOW });
    if (r.error) throw r.error;
    return r.state;
  };
  let state = call(world.state, "RegisterTaskDefinition", fargate("app:2"));
  for (const arn of world.serviceArns.slice(0, DEPLOYING)) state = call(state, "UpdateService", { cluster: CLUSTER, service: arn, taskDefinition: "app:2" });
  return state;
}

async function viaSdk(store: SandboxStore, fn: (ecs: ECSClient) => Promise<void>) {
  const deps: SandboxDeps = { store, mutex: new Mutex(), now: () => REAL_NOW };
  const server = await listenSandbox(deps);
  const ecs = new ECSClient({
    endpoint: server.url, region: "us-east-1", maxAttempts: 1,
    credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" },
  });
  try {
    await fn(ecs);
  } finally {
    ecs.destroy();
    await server.close();
  }
}

const chunk = <T>(xs: T[], size: number, i: number) => {
  const start = (i * size) % xs.length;
  return xs.slice(start, start + size);
};

async function describeLatencies(ecs: ECSClient, world: SandboxWorld, runs: number, warmup: number) {
  let i = 0;
  const services = await sample(runs, async () => {
    const out = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: chunk(world.serviceArns, 10, i++) }));
    if (out.services?.length !== 10) throw new Error("DescribeServices answered too few services");
  }, warmup);
  let j = 0;
  const tasks = await sample(runs, async () => {
    const out = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: chunk(world.taskArns, 100, j++) }));
    if (out.tasks?.length !== 100) throw new Error("DescribeTasks answered too few tasks");
  }, warmup);
  return { services, tasks };
}

export type SandboxTimes = { describeServices: number[]; describeTasks: number[] };

/** DescribeServices (10 a call) and DescribeTasks (100 a call) with the in-memory store. */
export async function measureSandboxMemory(world: SandboxWorld, runs: number, warmup: number): Promise<SandboxTimes> {
  const store = new MemoryStore();
  await store.save(world.state);
  let times: SandboxTimes = { describeServices: [], describeTasks: [] };
  await viaSdk(store, async (ecs) => {
    const { services, tasks } = await describeLatencies(ecs, world, runs, warmup);
    times = { describeServices: services, describeTasks: tasks };
  });
  return times;
}

/** The cost of one simulated hour through the engine: a steady world, and one where DEPLOYING services roll out. */
export async function measureStepHour(world: SandboxWorld, runs: number, warmup: number) {
  const step = (state: SandboxState) => {
    const r = handleControl(state, { action: "step", seconds: 3600 }, REAL_NOW);
    if (r.error) throw r.error;
    return r.state;
  };
  const steady = await sample(runs, () => step(world.state), warmup);
  const moving = deploying(world);
  // Check the deployments really finish within the hour: every task of those services replaced.
  const after = Object.values(step(moving).worlds["us-east-1"].tasks);
  const replaced = after.filter((t) => t.lastStatus === "RUNNING" && t.taskDefinitionArn.endsWith(":2")).length;
  if (replaced !== DEPLOYING * TASKS_PER_SERVICE) throw new Error(`deployment incomplete after an hour: ${replaced} tasks on revision 2`);
  const deployment = await sample(Math.min(runs, 10), () => step(moving), Math.min(warmup, 1));
  return { steady, deployment };
}

export type SandboxDbTimes = SandboxTimes & { tagResource: number[]; coldLoad: number[] };

/** The same reads with the state in PostgreSQL (the app's default), a mutating call, and a cold load (restart). */
export async function measureSandboxDb(world: SandboxWorld, runs: number, warmup: number, adminUrl: string): Promise<SandboxDbTimes> {
  return withScratchDatabase(adminUrl, async (url) => {
    const db = await createDb({ url });
    try {
      const store = new PostgresSandboxStore(db, "bench");
      await store.load();
      await store.save(world.state);
      const times: SandboxDbTimes = { describeServices: [], describeTasks: [], tagResource: [], coldLoad: [] };
      await viaSdk(store, async (ecs) => {
        const { services, tasks } = await describeLatencies(ecs, world, runs, warmup);
        times.describeServices = services;
        times.describeTasks = tasks;
        let k = 0;
        // Each call changes one tag, so each one writes the whole state.
        times.tagResource = await sample(runs, async () => {
          await ecs.send(new TagResourceCommand({ resourceArn: world.serviceArns[0], tags: [{ key: "run", value: String(k++) }] }));
        }, warmup);
      });
      times.coldLoad = await sample(Math.max(3, Math.ceil(runs / 4)), async () => {
        if (!(await new PostgresSandboxStore(db, "bench").load())) throw new Error("no stored sandbox");
      }, 1);
      return times;
    } finally {
      await db.$disconnect();
    }
  });
}
