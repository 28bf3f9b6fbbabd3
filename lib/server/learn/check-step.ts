import { evaluateStep, lessonById, replayLab, withStepDone } from "@/lib/domain/learn";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { lessonDesign } from "./lesson-design";
import { writeProgress } from "./progress-record";
import type { StepRef } from "./schemas";
import { sandboxSnapshot } from "./snapshot";

export type CheckStepResult = { done: boolean; hint?: string; completedSteps: string[] };

/**
 * Evaluates a step against the lesson's design, the sandbox, the learner's answer, or (image lab
 * steps, which need no design) the lab's builds replayed here; a passed step is saved.
 */
export async function checkStep({ ctx, input }: { ctx: AppContext; input: StepRef }): Promise<CheckStepResult> {
  const lesson = lessonById(input.lessonId);
  const step = lesson?.steps.find((s) => s.id === input.stepId);
  if (!lesson || !step) throw new NotFoundError(`Lesson ${input.lessonId} has no step ${input.stepId}`);
  const { progress, design } = await lessonDesign(ctx, lesson.id);
  const needsDesign = step.check.kind === "design" || step.check.kind === "sandbox";
  if (!design && needsDesign) return { done: false, hint: "Start the lesson first: it creates the design you work in.", completedSteps: progress.completedSteps };
  const result = step.check.kind === "design" ? evaluateStep(step, { design })
    : step.check.kind === "question" ? evaluateStep(step, { answer: input.answer })
    : step.check.kind === "lab" ? evaluateStep(step, { lab: replayLab(input.lab?.builds ?? []) })
    : evaluateStep(step, { snapshot: await sandboxSnapshot(ctx, design!) });
  if (!result.done) return { ...result, completedSteps: progress.completedSteps };
  const completedSteps = withStepDone(lesson, progress.completedSteps, step.id);
  await writeProgress(ctx, lesson.id, { completedSteps });
  return { done: true, completedSteps };
}

