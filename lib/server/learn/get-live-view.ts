import { lessonById, liveView, type LiveView } from "@/lib/domain/learn";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { lessonDesign } from "./lesson-design";
import type { LessonRef } from "./schemas";
import { sandboxSnapshot } from "./snapshot";

/** The sandbox's services and tasks in the lesson's clusters, for the live panel. */
export async function getLiveView({ ctx, input }: { ctx: AppContext; input: LessonRef }): Promise<LiveView> {
  const lesson = lessonById(input.lessonId);
  if (!lesson) throw new NotFoundError(`Lesson ${input.lessonId} does not exist`);
  const { design } = await lessonDesign(ctx, lesson.id);
  return liveView(await sandboxSnapshot(ctx, design ?? lesson.starter));
}
