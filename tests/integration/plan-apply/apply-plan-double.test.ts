import type { Service } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { EcsPort, PacerClock } from "@/lib/aws";
import { clientTokenFor, type Plan } from "@/lib/domain/plan";
import { applyPlan } from "@/lib/server/plan";

// applyPlan against a test double of the port, for what the sandbox cannot show quickly: a
// same-name replace waiting for the old service to drain, and a revision other than planned.

function fakeClock(): PacerClock {
  let t = 0;
  return { now: () => t, sleep: async (ms) => { t += ms; } };
}

function fakeEcs(statuses: string[], registeredRevision = 7) {
  const calls: string[] = [];
  const port = {
    describeServices: async () => {
      calls.push("DescribeServices");
      const status = statuses.shift();
      return { services: status ? [{ serviceName: "web", status } as Service] : [], failures: [] };
    },
    describeTaskDefinition: async () => { throw Object.assign(new Error("Unable to describe task definition."), { name: "ClientException" }); },
    registerTaskDefinition: async () => { calls.push("RegisterTaskDefinition"); return { taskDefinition: { revision: registeredRevision } }; },
    deleteService: async () => { calls.push("DeleteService"); return {}; },
    createService: async (input: { taskDefinition?: string; clientToken?: string }) => { calls.push(`CreateService ${input.taskDefinition} ${input.clientToken}`); return {}; },
  } as unknown as EcsPort;
  return { port, calls };
}

const plan = (createInput: Record<string, unknown>): Plan => ({
  designId: "d1", empty: false, errors: [], summary: { create: 0, update: 1, replace: 1, delete: 0, "no-change": 0 },
  steps: [
    { key: "task-definition:web", kind: "task-definition", name: "web", action: "update", changes: [], notes: [],
      calls: [{ operation: "RegisterTaskDefinition", input: { family: "web", containerDefinitions: [{ name: "app", image: "nginx:1.28" }] } }] },
    { key: "service:main/web", kind: "service", name: "main/web", action: "replace", changes: [], notes: [],
      calls: [
        { operation: "DeleteService", input: { cluster: "main", service: "web", force: true } },
        { operation: "CreateService", input: { ...createInput, clientToken: clientTokenFor("d1", "main/web", createInput) } },
      ] },
  ],
});

describe("applyPlan with a test double", () => {
  it("waits for a replaced service to drain, and runs the revision actually registered under a matching token", async () => {
    const { port, calls } = fakeEcs(["DRAINING", "DRAINING", "INACTIVE"]);
    const input = { cluster: "main", serviceName: "web", taskDefinition: "web:2" };
    const r = await applyPlan(port, plan(input), { clock: fakeClock() });
    expect(r).toEqual({ ok: true, done: ["task-definition:web", "service:main/web"] });
    const token = clientTokenFor("d1", "main/web", { ...input, taskDefinition: "web:7" });
    expect(calls).toEqual(["RegisterTaskDefinition", "DeleteService", "DescribeServices", "DescribeServices", "DescribeServices", `CreateService web:7 ${token}`]);
  });

  it("gives up on a service that stays DRAINING, naming the failed step", async () => {
    const { port } = fakeEcs(Array(1000).fill("DRAINING"));
    const r = await applyPlan(port, plan({ cluster: "main", serviceName: "web", taskDefinition: "web:2" }), { clock: fakeClock(), replaceTimeoutMs: 60_000 });
    expect(r).toMatchObject({ ok: false, failedStep: "service:main/web", done: ["task-definition:web"], error: { name: "TimeoutError" } });
  });
});
