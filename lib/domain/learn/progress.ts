import type { Design } from "../design";
import { validateDesign } from "../rules";
import type { CheckResult, LabRun, Lesson, SandboxSnapshot, Step } from "./types";

/** Completed step ids in the lesson's order, without unknown or repeated ids. */
export function normaliseCompleted(lesson: Lesson, completed: readonly string[]): string[] {
  const set = new Set(completed);
  return lesson.steps.filter((s) => set.has(s.id)).map((s) => s.id);
}

/** The step to work on: the first one not yet done (steps build on each other). */
export function currentStep(lesson: Lesson, completed: readonly string[]): Step | undefined {
  const set = new Set(completed);
  return lesson.steps.find((s) => !set.has(s.id));
}

export function isLessonComplete(lesson: Lesson, completed: readonly string[]): boolean {
  return currentStep(lesson, completed) === undefined;
}

export function withStepDone(lesson: Lesson, completed: readonly string[], stepId: string): string[] {
  return normaliseCompleted(lesson, [...completed, stepId]);
}

export type CheckInput = { design?: Design; snapshot?: SandboxSnapshot; answer?: string; lab?: LabRun };

/**
 * Runs a step's check. A failed check without its own hint falls back to the step's first
 * hint, so the learner always gets something to act on.
 */
export function evaluateStep(step: Step, input: CheckInput): CheckResult {
  let result: CheckResult;
  if (step.check.kind === "design") {
    if (!input.design) return { done: false, hint: "Start the lesson first: it creates the design you work in." };
    result = step.check.check(input.design, validateDesign(input.design));
  } else if (step.check.kind === "question") {
    const choice = step.check.choices.find((c) => c.id === input.answer);
    if (!choice) return { done: false, hint: "Pick one of the answers first." };
    result = choice.correct ? { done: true } : { done: false, hint: choice.why };
  } else if (step.check.kind === "lab") {
    if (!input.lab || input.lab.builds.length === 0) return { done: false, hint: "Press Build in the lab first: the check reads your builds." };
    result = step.check.check(input.lab);
  } else {
    if (!input.snapshot) return { done: false, hint: "The sandbox could not be read. Try again in a moment." };
    result = step.check.check(input.snapshot);
  }
  return result.done ? { done: true } : { done: false, hint: result.hint ?? step.hints[0] };
}
