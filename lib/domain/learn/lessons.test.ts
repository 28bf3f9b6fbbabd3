import { describe, expect, it } from "vitest";
import { DesignSchema } from "../design";
import { CONCEPTS } from "./concepts";
import { LESSONS } from "./lessons";
import { evaluateStep } from "./progress";
import { solvedUpTo } from "./test/run";

describe("lessons as data", () => {
  it("has at least 8 lessons with unique ids, unique step ids and known concepts", () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(new Set(l.steps.map((s) => s.id)).size, l.id).toBe(l.steps.length);
      expect(l.steps.length, l.id).toBeGreaterThan(0);
      for (const c of l.concepts) expect(CONCEPTS[c], `${l.id}: ${c}`).toBeDefined();
      for (const s of l.steps) expect(s.hints.length, `${l.id}/${s.id}`).toBeGreaterThan(0);
    }
  });

  it("ends every lesson with a recap of 2–4 sentences the learner can now explain", () => {
    for (const l of LESSONS) {
      expect(l.recap.length, l.id).toBeGreaterThanOrEqual(2);
      expect(l.recap.length, l.id).toBeLessThanOrEqual(4);
      for (const sentence of l.recap) expect(sentence, l.id).toMatch(/^\S.{19,}[.!?]$/);
    }
  });

  it("starts every lesson from a design the app can store", () => {
    for (const l of LESSONS) expect(DesignSchema.safeParse(l.starter).success, l.id).toBe(true);
  });

  // Each design step fails on the design the learner has when reaching it, and passes after "Show me".
  for (const l of LESSONS) {
    for (const s of l.steps.filter((x) => x.check.kind === "design")) {
      it(`${l.id}/${s.id}: fails before, passes after its solution`, () => {
        const before = solvedUpTo(l.id, s.id);
        const failed = evaluateStep(s, { design: before });
        expect(failed.done).toBe(false);
        expect(failed.hint).toBeTruthy();
        if (s.check.kind !== "design" || !s.check.solve) throw new Error("design steps offer a solution");
        const after = s.check.solve(before);
        expect(DesignSchema.safeParse(after).success).toBe(true);
        expect(evaluateStep(s, { design: after })).toEqual({ done: true });
      });
    }
  }
});
