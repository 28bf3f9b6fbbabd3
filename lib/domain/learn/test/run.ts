import type { Design } from "../../design";
import { lessonById } from "../lessons";
import { evaluateStep } from "../progress";
import type { Lesson, SandboxSnapshot, Step } from "../types";

export function lesson(id: string): Lesson {
  const l = lessonById(id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

export function step(lessonId: string, stepId: string): Step {
  const s = lesson(lessonId).steps.find((x) => x.id === stepId);
  if (!s) throw new Error(`no step ${stepId}`);
  return s;
}

export const checkDesign = (s: Step, design: Design) => evaluateStep(s, { design });
export const checkSandbox = (s: Step, snapshot: SandboxSnapshot) => evaluateStep(s, { snapshot });

/** The design after solving every design step before `stepId`, from the starter. */
export function solvedUpTo(lessonId: string, stepId: string): Design {
  const l = lesson(lessonId);
  let d = structuredClone(l.starter);
  for (const s of l.steps) {
    if (s.id === stepId) break;
    if (s.check.kind === "design" && s.check.solve) d = s.check.solve(d);
  }
  return d;
}

export function solve(s: Step, design: Design): Design {
  if (s.check.kind !== "design" || !s.check.solve) throw new Error(`${s.id} has no solve`);
  return s.check.solve(design);
}
