import { lessonById, liveView, type LiveView } from "@/lib/domain/learn";
import { NotFoundError } from "../errors";
import { sandboxOf, type LearnCtx } from "./context";
import { lessonDesign } from "./lesson-design";
import type { LessonRef } from "./schemas";
import { readSnapshot } from "./snapshot";

/** The sandbox's services and tasks in the lesson's clusters, for the live panel. */
export async function getLiveView({ ctx, input }: { ctx: LearnCtx; input: LessonRef }): Promise<LiveView> {
  const lesson = lessonById(input.lessonId);
  if (!lesson) throw new NotFoundError(`Lesson ${input.lessonId} does not exist`);
  const { design } = await lessonDesign(ctx, lesson.id);
  return liveView(await readSnapshot(sandboxOf(ctx), design ?? lesson.starter));
}
