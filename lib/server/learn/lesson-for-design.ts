import { lessonBarView, lessonById, type LessonBarView } from "@/lib/domain/learn";
import type { AppContext } from "../context";
import { learnerId } from "./progress-record";
import { DesignLessonRefSchema, type DesignLessonRef } from "./schemas";

/**
 * The lesson a design was started for, and where the learner stands in it, for the bar on that
 * design's canvas. Null for an ordinary design (or an id that is not a design's).
 */
export async function lessonForDesign({ ctx, input }: { ctx: AppContext; input: DesignLessonRef }): Promise<LessonBarView | null> {
  const parsed = DesignLessonRefSchema.safeParse(input);
  if (!parsed.success) return null;
  // "Start lesson" links a fresh design per lesson, so at most one row names it; take the latest to be safe.
  const row = await ctx.db.lessonProgress.findFirst({
    where: { learnerId: learnerId(ctx), designId: parsed.data.designId },
    orderBy: { updatedAt: "desc" },
  });
  const lesson = row && lessonById(row.lessonId);
  return lesson ? lessonBarView(lesson, row.completedSteps) : null;
}
