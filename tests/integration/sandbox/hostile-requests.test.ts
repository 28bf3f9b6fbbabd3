import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { formatPath } from "@/lib/domain/design";
import { hostileValue, mutationOf, namesPlace, type Mutation } from "@/lib/domain/design/test-arbitraries";
import { ECS_HANDLERS } from "@/lib/sandbox/ecs/handlers";
import { TARGET_PREFIX } from "@/lib/sandbox/http";
import { MAX_BODY_BYTES } from "@/lib/sandbox/protocols/http-message";
import { stateFingerprint } from "@/lib/sandbox/store";
import { startSandbox } from "./server";

// The sandbox's ECS endpoint (and its control API) over real HTTP, with random operations and
// random, mutated, truncated and oversized bodies: every answer is ECS's own shape (200, or a
// 4xx with `__type` and a message), never a 5xx; a validation error names the field that was
// changed; and a refused call leaves the stored state exactly as it was.

let sb: Awaited<ReturnType<typeof startSandbox>>;
const REGION = "us-east-1";
const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };

const fargate = {
  family: "api", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
  executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
  containerDefinitions: [{
    name: "api", image: "public.ecr.aws/nginx/nginx:1.27", essential: true,
    portMappings: [{ containerPort: 80, protocol: "tcp" }],
    environment: [{ name: "MODE", value: "prod" }],
    healthCheck: { command: ["CMD-SHELL", "true"], interval: 30, timeout: 5, retries: 3 },
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-region": REGION, "awslogs-stream-prefix": "api" } },
  }],
  tags: [{ key: "team", value: "shop" }],
};

/** A valid input of each operation the tests change in one place (the others get random bodies only). */
const VALID: Record<string, unknown> = {
  CreateCluster: { clusterName: "other", tags: [{ key: "env", value: "test" }], settings: [{ name: "containerInsights", value: "enabled" }] },
  DescribeClusters: { clusters: ["shop"], include: ["TAGS", "SETTINGS"] },
  ListClusters: { maxResults: 10 },
  RegisterTaskDefinition: fargate,
  DescribeTaskDefinition: { taskDefinition: "web:1", include: ["TAGS"] },
  ListTaskDefinitions: { familyPrefix: "web", status: "ACTIVE", sort: "DESC", maxResults: 5 },
  CreateService: {
    cluster: "shop", serviceName: "worker", taskDefinition: "web", desiredCount: 1, launchType: "EC2",
    deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
    placementStrategy: [{ type: "spread", field: "attribute:ecs.availability-zone" }], tags: [{ key: "team", value: "shop" }],
  },
  UpdateService: { cluster: "shop", service: "web", desiredCount: 2, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } },
  DescribeServices: { cluster: "shop", services: ["web"], include: ["TAGS"] },
  ListServices: { cluster: "shop", launchType: "EC2", maxResults: 10 },
  RunTask: { cluster: "shop", taskDefinition: "web", count: 1, launchType: "EC2", startedBy: "test" },
  ListTasks: { cluster: "shop", serviceName: "web", desiredStatus: "RUNNING", maxResults: 10 },
  DescribeTasks: { cluster: "shop", tasks: ["0123456789abcdef0123456789abcdef"] },
  StopTask: { cluster: "shop", task: "0123456789abcdef0123456789abcdef", reason: "test" },
  TagResource: { resourceArn: `arn:aws:ecs:${REGION}:000000000000:cluster/shop`, tags: [{ key: "a", value: "b" }] },
  UntagResource: { resourceArn: `arn:aws:ecs:${REGION}:000000000000:cluster/shop`, tagKeys: ["a"] },
  ListContainerInstances: { cluster: "shop", status: "ACTIVE" },
};
const OPERATIONS = Object.keys(ECS_HANDLERS);

type Answer = { status: number; type?: string; message?: string; headerType?: string };

async function send(target: string | undefined, body: string | Uint8Array, region = REGION): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.1" };
  if (target !== undefined) headers["x-amz-target"] = target;
  const res = await sb.signedFetch("/", { service: "ecs", region, body, headers });
  const text = await res.text();
  const json = JSON.parse(text) as { __type?: string; message?: string };
  return { status: res.status, type: json.__type, message: json.message, headerType: res.headers.get("x-amzn-errortype") ?? undefined };
}

async function fingerprint() {
  const state = await sb.deps.store.load();
  return state ? stateFingerprint(state) : "";
}

/** Sends, and checks what every answer must be; a refused call must have stored nothing. */
async function sendChecked(target: string | undefined, body: string | Uint8Array, region = REGION): Promise<Answer> {
  const before = await fingerprint();
  const a = await send(target, body, region);
  expect(a.status, `${target}: ${a.type} ${a.message}`).toBeLessThan(500);
  if (a.status >= 400) {
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.type).toMatch(/^[A-Za-z]+Exception$/);
    expect(a.headerType).toBe(a.type);
    expect(typeof a.message === "string" && a.message.trim() !== "").toBe(true);
    expect(await fingerprint(), `${target} was refused (${a.type}: ${a.message}) but changed the stored state`).toBe(before);
  } else {
    expect(a.status).toBe(200);
  }
  return a;
}

/** "Value at 'containerDefinitions.0.image'" names the field it found wrong; it must be the one changed. */
function expectFieldNamed(a: Answer, m: Mutation) {
  const at = /Value at '([^']+)'/.exec(a.message ?? "")?.[1];
  if (at === undefined || at === "input") return;
  const path = formatPath(at.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  expect(namesPlace(path, m), `the answer names ${path}, the change was at ${JSON.stringify(m.path)}`).toBe(true);
}

const operation = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...OPERATIONS).map((op) => `${TARGET_PREFIX}${op}`) },
  { weight: 1, arbitrary: fc.constantFrom("", "__proto__", "constructor", "toString", "Nope", "createcluster", "CreateCluster ").map((op) => `${TARGET_PREFIX}${op}`) },
  { weight: 1, arbitrary: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }) },
);

beforeAll(async () => {
  sb = await startSandbox(REGION);
  await sb.ecs.send(new CreateClusterCommand({ clusterName: "shop" }));
  await sb.control({ action: "addInstances", cluster: "shop", count: 2 });
  await sb.ecs.send(new RegisterTaskDefinitionCommand({
    family: "web", containerDefinitions: [{ name: "web", image: "nginx:1.27", memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
  }));
  await sb.ecs.send(new CreateServiceCommand({ cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 1 }));
  await sb.step(30);
});
afterAll(async () => { await sb?.close(); });

describe("the sandbox ECS endpoint with hostile requests", { timeout: 120_000 }, () => {
  it("a valid input changed in one place: answered as ECS would, a validation error names that place, a refusal stores nothing", async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...Object.keys(VALID)).chain((op) => fc.tuple(fc.constant(op), mutationOf(VALID[op]))),
      async ([op, m]) => {
        const a = await sendChecked(`${TARGET_PREFIX}${op}`, JSON.stringify(m.value) ?? "");
        if (a.status >= 400) expectFieldNamed(a, m);
      },
    ), runs);
  });

  it("random operations with random JSON bodies, in a region seen before or not", async () => {
    await fc.assert(fc.asyncProperty(operation, hostileValue, fc.constantFrom(REGION, "eu-west-3", "constructor"), async (target, v, region) => {
      await sendChecked(target, JSON.stringify(v) ?? "", region);
    }), runs);
  });

  it("truncated, spliced and binary bodies", async () => {
    const body = fc.oneof(
      fc.constantFrom(...Object.entries(VALID)).chain(([, v]) => {
        const text = JSON.stringify(v);
        return fc.nat({ max: text.length - 1 }).map((cut) => text.slice(0, cut));
      }),
      fc.constantFrom(...Object.values(VALID)).chain((v) => {
        const text = JSON.stringify(v);
        return fc.tuple(fc.nat({ max: text.length }), fc.string({ unit: "binary", maxLength: 10 })).map(([at, junk]) => text.slice(0, at) + junk + text.slice(at));
      }),
      fc.uint8Array({ maxLength: 200 }),
    );
    await fc.assert(fc.asyncProperty(operation, body, async (target, b) => {
      await sendChecked(target, b);
    }), runs);
  });

  it("bodies over 1 MiB are refused with 413, whatever they hold, and store nothing", async () => {
    const big = JSON.stringify({ clusterName: "x".repeat(MAX_BODY_BYTES) });
    const padded = JSON.stringify(VALID.CreateCluster) + " ".repeat(MAX_BODY_BYTES);
    const deep = "[".repeat(MAX_BODY_BYTES / 2 + 1) + "]".repeat(MAX_BODY_BYTES / 2 + 1);
    for (const body of [big, padded, deep]) {
      const a = await sendChecked(`${TARGET_PREFIX}CreateCluster`, body);
      expect([a.status, a.type]).toEqual([413, "ClientException"]);
    }
  });

  it("deep nesting within the limit is refused as a client error, not a crash", async () => {
    const a = await sendChecked(`${TARGET_PREFIX}CreateCluster`, `{"clusterName":"x","tags":${"[".repeat(50_000)}${"]".repeat(50_000)}}`);
    expect([a.status, a.type]).toEqual([400, "ClientException"]);
  });

  it("null members mean not set: a console export registers as it is", async () => {
    const a = await sendChecked(`${TARGET_PREFIX}RegisterTaskDefinition`, JSON.stringify({
      family: "nulls", cpu: null, networkMode: null, taskRoleArn: null,
      containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 128, ulimits: null, dnsServers: null, environment: [null, { name: "A", value: "1" }] }],
    }));
    expect(a.status).toBe(200);
  });

  it("the control API: random bodies get a 200 or a 4xx, never a 5xx", async () => {
    const body = fc.oneof(
      hostileValue.map((v) => JSON.stringify(v) ?? ""),
      fc.constantFrom("addInstances", "crashTask", "failHealthCheck", "drainInstance", "setDelays", "status", "nope").chain((action) =>
        fc.dictionary(fc.constantFrom("region", "cluster", "task", "count", "image", "containerInstance", "delays", "seconds"), hostileValue, { maxKeys: 3 })
          .map((rest) => JSON.stringify({ ...rest, action }))),
    );
    await fc.assert(fc.asyncProperty(body, async (b) => {
      const before = await fingerprint();
      const res = await fetch(`${sb.url}/control`, { method: "POST", body: b, headers: { "content-type": "application/json" } });
      const json = await res.json();
      expect(res.status, `${b}: ${JSON.stringify(json)}`).toBeLessThan(500);
      if (res.status >= 400) {
        expect(typeof json.__type === "string" && typeof json.message === "string").toBe(true);
        expect(await fingerprint()).toBe(before);
      }
    }), runs);
  });
});
