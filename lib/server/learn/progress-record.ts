import { lessonById, normaliseCompleted } from "@/lib/domain/learn";
import type { AppContext } from "../context";

/** Until sign-in lands, every progress row belongs to this one learner. */
export const LEARNER_ID = "local";

export type LessonProgressRecord = {
  lessonId: string;
  completedSteps: string[];
  /** The lesson's design, when it was started and the design still exists. */
  designId: string | null;
  startedAt: string | null;
  updatedAt: string | null;
};

export function emptyProgress(lessonId: string): LessonProgressRecord {
  return { lessonId, completedSteps: [], designId: null, startedAt: null, updatedAt: null };
}

/** The stored progress, with steps a lesson no longer has dropped and a deleted design unlinked. */
export async function readProgress(ctx: AppContext, lessonId: string): Promise<LessonProgressRecord> {
  const row = await ctx.db.lessonProgress.findUnique({ where: { learnerId_lessonId: { learnerId: LEARNER_ID, lessonId } } });
  if (!row) return emptyProgress(lessonId);
  const lesson = lessonById(lessonId);
  let designId = row.designId;
  if (designId && !(await ctx.db.design.findUnique({ where: { id: designId }, select: { id: true } }))) designId = null;
  return {
    lessonId,
    completedSteps: lesson ? normaliseCompleted(lesson, row.completedSteps) : row.completedSteps,
    designId,
    startedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function writeProgress(ctx: AppContext, lessonId: string, data: { completedSteps?: string[]; designId?: string | null }): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.lessonProgress.upsert({
    where: { learnerId_lessonId: { learnerId: LEARNER_ID, lessonId } },
    create: { learnerId: LEARNER_ID, lessonId, completedSteps: data.completedSteps ?? [], designId: data.designId ?? null, createdAt: now, updatedAt: now },
    update: { ...data, updatedAt: now },
  });
}
