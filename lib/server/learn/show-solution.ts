import { lessonById } from "@/lib/domain/learn";
import { saveDesign } from "../designs";
import { NotFoundError } from "../errors";
import type { AppContext } from "../context";
import { lessonDesign } from "./lesson-design";
import type { StepRef } from "./schemas";

/** "Show me": saves the step's solution onto the lesson's design, as a new version the learner can undo. */
export async function showSolution({ ctx, input }: { ctx: AppContext; input: StepRef }): Promise<{ version: number }> {
  const lesson = lessonById(input.lessonId);
  const step = lesson?.steps.find((s) => s.id === input.stepId);
  if (!lesson || !step || step.check.kind !== "design" || !step.check.solve) {
    throw new NotFoundError(`Step ${input.stepId} of ${input.lessonId} has no solution to show`);
  }
  const { progress, design, version } = await lessonDesign(ctx, lesson.id);
  if (!design || !progress.designId || version === undefined) throw new NotFoundError("Start the lesson first: it creates the design you work in.");
  return saveDesign({ ctx, input: { id: progress.designId, expectedVersion: version, document: step.check.solve(design) } });
}
