import { describe, expect, it } from "vitest";
import { DesignSchema } from "../design";
import { CONCEPTS } from "./concepts";
import { LESSONS } from "./lessons";
import { LESSON_CATALOG } from "./catalog";
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

  it("lists every lesson in the catalog, in the course's order, under its own id and title", () => {
    expect(LESSONS.map((l) => ({ id: l.id, title: l.title }))).toEqual(LESSON_CATALOG.map((e) => ({ id: e.id, title: e.title })));
  });

  it("ends every lesson with a recap of 2–4 sentences the learner can now explain", () => {
    for (const l of LESSONS) {
      expect(l.recap.length, l.id).toBeGreaterThanOrEqual(2);
      expect(l.recap.length, l.id).toBeLessThanOrEqual(4);
      for (const sentence of l.recap) expect(sentence, l.id).toMatch(/^\S.{19,}[.!?]$/);
    }
  });

  it("asks questions with one right answer and a reason for every wrong one, and checks them on the answer alone", () => {
    const questions = LESSONS.flatMap((l) => l.steps.filter((s) => s.check.kind === "question").map((s) => ({ l, s })));
    expect(questions.length).toBeGreaterThanOrEqual(2);
    for (const { l, s } of questions) {
      if (s.check.kind !== "question") continue;
      const where = `${l.id}/${s.id}`;
      expect(s.check.choices.filter((c) => c.correct), where).toHaveLength(1);
      expect(new Set(s.check.choices.map((c) => c.id)).size, where).toBe(s.check.choices.length);
      for (const c of s.check.choices) {
        const r = evaluateStep(s, { answer: c.id });
        expect(r, `${where}: ${c.id}`).toEqual(c.correct ? { done: true } : { done: false, hint: c.why });
      }
      expect(evaluateStep(s, {}).hint).toMatch(/Pick one/);
      expect(evaluateStep(s, { answer: "no-such-choice" }).done).toBe(false);
    }
  });

  it("sends a question's choices to the player, never which is right or why", async () => {
    const { lessonView } = await import("./view");
    const step = lessonView(LESSONS.find((l) => l.id === "service-self-healing")!).steps.find((s) => s.kind === "question")!;
    expect(step.question!.choices.length).toBeGreaterThan(1);
    expect(JSON.stringify(step)).not.toMatch(/"correct"|"why"/);
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
