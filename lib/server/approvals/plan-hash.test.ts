import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { LiveState, Plan } from "@/lib/domain/plan";
import type { EnvironmentRow } from "../environments";
import { planHash } from "./plan-hash";

const env: EnvironmentRow = {
  id: "00000000-0000-4000-8000-000000000001", name: "prod", kind: "aws", region: "eu-west-1", profile: null, roleArn: "arn:aws:iam::123456789012:role/deploy",
  externalIdSecret: "sealed", endpoint: null, readOnly: false, protected: true, requiredApprovals: 1, approvalExpiryMinutes: 60,
  createdAt: new Date(0), updatedAt: new Date(0),
};
const plan: Plan = {
  designId: "d", empty: false, errors: [], summary: { create: 0, update: 1, replace: 0, delete: 0, "no-change": 0 },
  steps: [{
    key: "service:main/web", kind: "service", name: "main/web", action: "update", notes: [],
    changes: [{ path: "desiredCount", old: 2, new: 3 }],
    calls: [{ operation: "UpdateService", input: { cluster: "main", service: "web", desiredCount: 3 } }],
  }],
};
const live: LiveState = {
  clusters: { main: { clusterName: "main", clusterArn: "arn:aws:ecs:eu-west-1:123456789012:cluster/main", runningTasksCount: 2 } },
  services: [{ serviceName: "web", serviceArn: "arn:aws:ecs:eu-west-1:123456789012:service/main/web", taskDefinition: "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:4", status: "ACTIVE", runningCount: 2 }],
  taskDefinitions: {},
};
const base = { plan, design: { id: "d", version: 7 }, environment: env, live, allowErrors: false };

describe("planHash", () => {
  it("is the SHA-256 of canonical JSON: 64 hex digits, the same whatever the key order", () => {
    const h = planHash(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { ...plan, steps: plan.steps.map((s) => ({ calls: s.calls, notes: s.notes, action: s.action, changes: s.changes, name: s.name, kind: s.kind, key: s.key })) };
    expect(planHash({ ...base, plan: reordered })).toBe(h);
    expect(h).not.toBe(createHash("sha256").update("").digest("hex"));
  });

  it("changes with the calls, the design version, the environment's settings and the account the live resources are in", () => {
    const h = planHash(base);
    const otherCall = { ...plan, steps: [{ ...plan.steps[0], calls: [{ operation: "UpdateService" as const, input: { cluster: "main", service: "web", desiredCount: 4 } }] }] };
    expect(planHash({ ...base, plan: otherCall })).not.toBe(h);
    expect(planHash({ ...base, design: { id: "d", version: 8 } })).not.toBe(h);
    expect(planHash({ ...base, environment: { ...env, roleArn: "arn:aws:iam::210987654321:role/deploy" } })).not.toBe(h);
    expect(planHash({ ...base, environment: { ...env, requiredApprovals: 2 } })).not.toBe(h);
    expect(planHash({ ...base, allowErrors: true })).not.toBe(h);
    const otherAccount = { ...live, clusters: { main: { ...live.clusters.main, clusterArn: "arn:aws:ecs:eu-west-1:210987654321:cluster/main" } } };
    expect(planHash({ ...base, live: otherAccount })).not.toBe(h);
  });

  it("ignores what changes by the second: counts and the environment's name", () => {
    const h = planHash(base);
    const busier = { ...live, clusters: { main: { ...live.clusters.main, runningTasksCount: 5 } }, services: [{ ...live.services[0], runningCount: 1 }] };
    expect(planHash({ ...base, live: busier })).toBe(h);
    expect(planHash({ ...base, environment: { ...env, name: "production" } })).toBe(h);
    // The sealed external id is hashed, never included as it is.
    expect(planHash({ ...base, environment: { ...env, externalIdSecret: "sealed again" } })).not.toBe(h);
  });
});
