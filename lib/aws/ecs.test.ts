import { describe, expect, it } from "vitest";
import { ECS_LIMITS } from "../domain/aws-limits";
import { ecsPortOver } from "./ecs";
import { createPacer, type PacerClock } from "./pacer";

// The port against a stand-in SDK client that answers like ECS: pages of 100, describes of at
// most the documented batch. Every call is paced in its own bucket before it goes out.

type Sent = { op: string; input: Record<string, unknown> };

function fakeClient(answer: (op: string, input: Record<string, unknown>) => unknown) {
  const sent: Sent[] = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const op = command.constructor.name.replace(/Command$/, "");
      sent.push({ op, input: command.input });
      return answer(op, command.input);
    },
    destroy() {},
  };
  return { client: client as never, sent };
}

function fakeClock(): PacerClock {
  let t = 0;
  return { now: () => t, sleep: async (ms) => { t += ms; } };
}

const arns = (n: number, kind: string) => Array.from({ length: n }, (_, i) => `arn:aws:ecs:eu-west-1:000000000000:${kind}/main/${i}`);

describe("ECS port", () => {
  it("follows nextToken through every page of a list, 100 at a time", async () => {
    const all = arns(250, "task");
    const { client, sent } = fakeClient((_op, input) => {
      const start = Number(input.nextToken ?? 0);
      const next = start + 100;
      return { taskArns: all.slice(start, next), ...(next < all.length ? { nextToken: String(next) } : {}) };
    });
    const port = ecsPortOver(client, createPacer(ECS_LIMITS.buckets, fakeClock()));
    expect(await port.listTasks({ cluster: "main", desiredStatus: "RUNNING" })).toEqual(all);
    expect(sent.map((s) => [s.op, s.input.maxResults, s.input.nextToken])).toEqual([
      ["ListTasks", 100, undefined], ["ListTasks", 100, "100"], ["ListTasks", 100, "200"],
    ]);
  });

  it("splits describes into ECS's batch sizes and joins answers and failures; no ids, no call", async () => {
    const { client, sent } = fakeClient((op, input) => op === "DescribeServices"
      ? { services: (input.services as string[]).map((s) => ({ serviceArn: s })), failures: [{ arn: "x", reason: "MISSING" }] }
      : { clusters: (input.clusters as string[]).map((c) => ({ clusterName: c })), failures: [] });
    const port = ecsPortOver(client, createPacer(ECS_LIMITS.buckets, fakeClock()));
    const r = await port.describeServices({ cluster: "main", services: arns(25, "service"), includeTags: true });
    expect(r.services).toHaveLength(25);
    expect(r.failures).toHaveLength(3);
    expect(sent.map((s) => (s.input.services as string[]).length)).toEqual([10, 10, 5]);
    expect(sent[0].input.include).toEqual(["TAGS"]);
    sent.length = 0;
    expect((await port.describeClusters({ clusters: Array.from({ length: 150 }, (_, i) => `c${i}`) })).clusters).toHaveLength(150);
    expect(sent.map((s) => (s.input.clusters as string[]).length)).toEqual([100, 50]);
    sent.length = 0;
    expect(await port.describeTasks({ cluster: "main", tasks: [] })).toEqual({ tasks: [], failures: [] });
    expect(sent).toEqual([]);
  });

  it("paces each operation in its bucket before the call goes out", async () => {
    const clock = fakeClock();
    const { client } = fakeClient(() => ({ taskDefinition: { family: "web", revision: 1 } }));
    const port = ecsPortOver(client, createPacer(ECS_LIMITS.buckets, clock));
    for (let i = 0; i < ECS_LIMITS.buckets["task-definition-write"].burst; i++) await port.registerTaskDefinition({ family: "web", containerDefinitions: [] });
    expect(clock.now()).toBe(0);
    await port.registerTaskDefinition({ family: "web", containerDefinitions: [] });
    expect(clock.now()).toBe(1000);
    await port.describeTaskDefinition({ taskDefinition: "web" });
    expect(clock.now()).toBe(1000);
  });

  it("passes a plain call on with its input as given and its answer as returned; destroy destroys the client", async () => {
    const { client, sent } = fakeClient((op, input) => ({ op, echoed: input }));
    let destroyed = 0;
    (client as { destroy(): void }).destroy = () => { destroyed++; };
    const port = ecsPortOver(client, createPacer(ECS_LIMITS.buckets, fakeClock()));
    const input = { service: "web", cluster: "main", desiredCount: 3 };
    expect(await port.updateService(input)).toEqual({ op: "UpdateService", echoed: input });
    expect(await port.stopServiceDeployment({ serviceDeploymentArn: "arn:d", stopType: "ROLLBACK" })).toMatchObject({ op: "StopServiceDeployment" });
    expect(sent).toEqual([{ op: "UpdateService", input }, { op: "StopServiceDeployment", input: { serviceDeploymentArn: "arn:d", stopType: "ROLLBACK" } }]);
    port.destroy();
    expect(destroyed).toBe(1);
  });

  it("lists service deployments page by page and describes deployments and revisions 20 ARNs a call", async () => {
    const all = arns(130, "service-deployment").map((a) => ({ serviceDeploymentArn: a, status: "SUCCESSFUL" }));
    const { client, sent } = fakeClient((op, input) => {
      if (op === "ListServiceDeployments") {
        const start = Number(input.nextToken ?? 0);
        return { serviceDeployments: all.slice(start, start + 100), ...(start + 100 < all.length ? { nextToken: String(start + 100) } : {}) };
      }
      if (op === "DescribeServiceDeployments") return { serviceDeployments: (input.serviceDeploymentArns as string[]).map((a) => ({ serviceDeploymentArn: a })), failures: [] };
      return { serviceRevisions: (input.serviceRevisionArns as string[]).map((a) => ({ serviceRevisionArn: a })), failures: [{ arn: "gone", reason: "MISSING" }] };
    });
    const port = ecsPortOver(client, createPacer(ECS_LIMITS.buckets, fakeClock()));
    expect(await port.listServiceDeployments({ cluster: "main", service: "web", status: ["IN_PROGRESS"] })).toEqual(all);
    expect(sent.map((s) => [s.input.service, s.input.status, s.input.maxResults])).toEqual([["web", ["IN_PROGRESS"], 100], ["web", ["IN_PROGRESS"], 100]]);
    sent.length = 0;
    const d = await port.describeServiceDeployments({ serviceDeploymentArns: all.slice(0, 45).map((x) => x.serviceDeploymentArn) });
    expect(d.serviceDeployments).toHaveLength(45);
    expect(sent.map((s) => (s.input.serviceDeploymentArns as string[]).length)).toEqual([20, 20, 5]);
    sent.length = 0;
    const r = await port.describeServiceRevisions({ serviceRevisionArns: arns(21, "service-revision") });
    expect(r.serviceRevisions).toHaveLength(21);
    expect(r.failures).toHaveLength(2);
    expect(sent.map((s) => (s.input.serviceRevisionArns as string[]).length)).toEqual([20, 1]);
  });

  it("describes every capacity provider 10 a page, and named ones 10 a call", async () => {
    const names = Array.from({ length: 23 }, (_, i) => `cp-${i}`);
    const { client, sent } = fakeClient((_op, input) => {
      if (input.capacityProviders) return { capacityProviders: (input.capacityProviders as string[]).map((name) => ({ name })), failures: [] };
      const start = Number(input.nextToken ?? 0);
      const next = start + Number(input.maxResults);
      return { capacityProviders: names.slice(start, next).map((name) => ({ name })), failures: [], ...(next < names.length ? { nextToken: String(next) } : {}) };
    });
    const port = ecsPortOver(client, createPacer(ECS_LIMITS.buckets, fakeClock()));
    const all = await port.describeCapacityProviders({ includeTags: true });
    expect(all.capacityProviders.map((p) => p.name)).toEqual(names);
    expect(sent.map((c) => [c.op, c.input.maxResults, c.input.include])).toEqual(Array(3).fill(["DescribeCapacityProviders", 10, ["TAGS"]]));
    sent.length = 0;
    const named = await port.describeCapacityProviders({ capacityProviders: names.slice(0, 12), cluster: "main" });
    expect(named.capacityProviders).toHaveLength(12);
    expect(sent.map((c) => [(c.input.capacityProviders as string[]).length, c.input.cluster])).toEqual([[10, "main"], [2, "main"]]);
  });
});
