import { describe, expect, it } from "vitest";
import { splitPlan } from "./split-plan";
import type { Plan, PlanStep } from "./types";

const step = (key: string, kind: PlanStep["kind"], action: PlanStep["action"], calls = 1): PlanStep => ({
  key, kind, name: key, action, changes: [], notes: [], calls: Array.from({ length: calls }, () => ({ operation: "CreateCluster", input: {} })),
});

describe("splitPlan", () => {
  it("keeps the order inside each part and recounts each part's summary", () => {
    const steps = [step("cluster:a", "cluster", "create"), step("td:web", "task-definition", "update"), step("cluster:b", "cluster", "no-change", 0), step("service:web", "service", "create")];
    const plan: Plan = { designId: "d", steps, summary: { create: 2, update: 1, replace: 0, delete: 0, "no-change": 1 }, empty: false, errors: [] };
    const [clusters, rest] = splitPlan(plan, (s) => s.kind === "cluster");
    expect(clusters.steps.map((s) => s.key)).toEqual(["cluster:a", "cluster:b"]);
    expect(rest.steps.map((s) => s.key)).toEqual(["td:web", "service:web"]);
    expect(clusters.summary).toMatchObject({ create: 1, "no-change": 1 });
    expect(rest).toMatchObject({ designId: "d", empty: false, summary: { create: 1, update: 1 } });
    expect(splitPlan(plan, () => false)[0].empty).toBe(true);
  });
});
