import { lessonById } from "@/lib/domain/learn";
import { createDesign } from "../designs";
import { NotFoundError } from "../errors";
import type { AppContext } from "../context";
import { readProgress, writeProgress } from "./progress-record";
import type { LessonRef } from "./schemas";

/**
 * Creates the lesson's design (named after the lesson, through the designs' own operation) and
 * links it to the progress. Starting again while that design exists returns it unchanged.
 */
export async function startLesson({ ctx, input }: { ctx: AppContext; input: LessonRef }): Promise<{ designId: string }> {
  const lesson = lessonById(input.lessonId);
  if (!lesson) throw new NotFoundError(`Lesson ${input.lessonId} does not exist`);
  const progress = await readProgress(ctx, lesson.id);
  if (progress.designId) return { designId: progress.designId };
  const { id } = await createDesign({
    ctx,
    input: { name: `Lesson: ${lesson.title}`, description: lesson.summary, document: structuredClone(lesson.starter) },
  });
  await writeProgress(ctx, lesson.id, { designId: id, completedSteps: progress.completedSteps });
  return { designId: id };
}
