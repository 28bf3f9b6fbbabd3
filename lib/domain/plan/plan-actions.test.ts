import { describe, expect, it } from "vitest";
import { planActionsByResourceId, planActionsRecord, planFingerprint } from "./plan-actions";
import type { Plan } from "./types";

const plan: Plan = {
  designId: "d1", empty: false, errors: [], summary: { create: 1, update: 0, replace: 0, delete: 1, "no-change": 1 },
  steps: [
    { key: "cluster:main", kind: "cluster", name: "main", designId: "cl-main", action: "no-change", changes: [], notes: [], calls: [] },
    { key: "service:main/web", kind: "service", name: "main/web", designId: "svc-web", action: "create", changes: [], notes: [], calls: [{ operation: "CreateService", input: { serviceName: "web" } }] },
    { key: "service:main/old", kind: "service", name: "main/old", action: "delete", changes: [], notes: [], calls: [{ operation: "DeleteService", input: { service: "old" } }] },
  ],
};

describe("planActionsByResourceId", () => {
  it("maps design resource ids to their action and leaves deletes out", () => {
    expect([...planActionsByResourceId(plan)]).toEqual([["cl-main", "no-change"], ["svc-web", "create"]]);
    expect(planActionsRecord(plan)).toEqual({ "cl-main": "no-change", "svc-web": "create" });
  });

  it("fingerprints the calls, not the notes", () => {
    const renoted = { ...plan, steps: plan.steps.map((s) => ({ ...s, notes: ["x"] })) };
    expect(planFingerprint(renoted)).toBe(planFingerprint(plan));
    const changed = { ...plan, steps: plan.steps.map((s) => ({ ...s, calls: [] })) };
    expect(planFingerprint(changed)).not.toBe(planFingerprint(plan));
  });
});
