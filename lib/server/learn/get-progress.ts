import type { LearnCtx } from "./context";
import { readProgress, type LessonProgressRecord } from "./progress-record";
import type { LessonRef } from "./schemas";

export async function getLessonProgress({ ctx, input }: { ctx: LearnCtx; input: LessonRef }): Promise<LessonProgressRecord> {
  return readProgress(ctx, input.lessonId);
}
