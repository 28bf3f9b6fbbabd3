import type { AppContext } from "../context";
import { readProgress, type LessonProgressRecord } from "./progress-record";
import type { LessonRef } from "./schemas";

export async function getLessonProgress({ ctx, input }: { ctx: AppContext; input: LessonRef }): Promise<LessonProgressRecord> {
  return readProgress(ctx, input.lessonId);
}
