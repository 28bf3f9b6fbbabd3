import { LESSONS } from "@/lib/domain/learn";
import type { AppContext } from "../context";
import { learnerId } from "./progress-record";

/** Completed step counts per lesson, for the lesson index. */
export async function listLessonProgress({ ctx }: { ctx: AppContext }): Promise<Record<string, { completed: number; total: number }>> {
  const rows = await ctx.db.lessonProgress.findMany({ where: { learnerId: learnerId(ctx) } });
  const out: Record<string, { completed: number; total: number }> = {};
  for (const lesson of LESSONS) {
    const row = rows.find((r) => r.lessonId === lesson.id);
    const ids = new Set(lesson.steps.map((s) => s.id));
    out[lesson.id] = { completed: row ? row.completedSteps.filter((id) => ids.has(id)).length : 0, total: lesson.steps.length };
  }
  return out;
}
