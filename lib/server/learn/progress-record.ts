import { lessonById, normaliseCompleted } from "@/lib/domain/learn";
import type { AppContext } from "../context";
import { UnauthenticatedError } from "../errors";

/**
 * Whose progress this is: the signed-in person's own (their id), so two people doing the same
 * lesson do not share it. The server's own work (tests, scripts) keeps its progress under its
 * name. Rows from before sign-in say "local" and belong to nobody who signs in.
 */
export function learnerId(ctx: AppContext): string {
  if (ctx.actor.kind === "person") return ctx.actor.person.id;
  if (ctx.actor.kind === "system") return `system:${ctx.actor.name}`;
  throw new UnauthenticatedError("Sign in first: lesson progress is kept per person.");
}

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
  const row = await ctx.db.lessonProgress.findUnique({ where: { learnerId_lessonId: { learnerId: learnerId(ctx), lessonId } } });
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
  const learner = learnerId(ctx);
  await ctx.db.lessonProgress.upsert({
    where: { learnerId_lessonId: { learnerId: learner, lessonId } },
    create: { learnerId: learner, lessonId, completedSteps: data.completedSteps ?? [], designId: data.designId ?? null, createdAt: now, updatedAt: now },
    update: { ...data, updatedAt: now },
  });
}
