import { lessonById } from "@/lib/domain/learn";
import type { AppContext } from "../context";
import { learnerId } from "./progress-record";
import { lessonSandbox, sandboxControl } from "./sandbox";
import { lessonDesign } from "./lesson-design";
import type { LessonRef } from "./schemas";

/**
 * Forgets the lesson's progress and unlinks its design (the design stays in the designs list:
 * it is the learner's work). The lesson's services leave the sandbox, so its checks start over.
 */
export async function resetLessonProgress({ ctx, input }: { ctx: AppContext; input: LessonRef }): Promise<{ lessonId: string }> {
  const lesson = lessonById(input.lessonId);
  if (lesson?.steps.some((s) => s.check.kind === "sandbox")) {
    const { design } = await lessonDesign(ctx, lesson.id);
    const services = [...lesson.starter.services, ...(design?.services ?? [])];
    const { ecs } = await lessonSandbox(ctx);
    let deleted = 0;
    for (const key of new Set(services.map((s) => `${s.cluster}\n${s.serviceName}`))) {
      const [cluster, service] = key.split("\n");
      // Best effort: the service may never have been applied.
      deleted += await ecs.deleteService({ cluster, service, force: true }).then(() => 1, () => 0);
    }
    // A deleted service drains until its tasks stop, and its name cannot be reused until then:
    // skip the sandbox's clock past that, so the restarted lesson can apply straight away.
    if (deleted > 0) await sandboxControl(ctx, { action: "step", seconds: 30 });
  }
  await ctx.db.lessonProgress.deleteMany({ where: { learnerId: learnerId(ctx), lessonId: input.lessonId } });
  return { lessonId: input.lessonId };
}
