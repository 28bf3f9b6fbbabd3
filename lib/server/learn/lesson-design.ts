import type { Design } from "@/lib/domain/design";
import { getDesign } from "../designs";
import type { AppContext } from "../context";
import { readProgress, type LessonProgressRecord } from "./progress-record";

/** The progress and, once started, the lesson's design as stored. */
export async function lessonDesign(ctx: AppContext, lessonId: string): Promise<{ progress: LessonProgressRecord; design?: Design; version?: number }> {
  const progress = await readProgress(ctx, lessonId);
  if (!progress.designId) return { progress };
  const record = await getDesign({ ctx, input: { id: progress.designId } });
  return { progress, design: record.document, version: record.version };
}
