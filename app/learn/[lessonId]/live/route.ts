import { createAppContext } from "@/lib/server/context";
import { NotFoundError, toErrorResponse } from "@/lib/server/errors";
import { LessonIdSchema, getLiveView } from "@/lib/server/learn";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The sandbox's services and tasks of a lesson, polled by the lesson player's live panel. */
export async function GET(_req: Request, { params }: { params: Promise<{ lessonId: string }> }) {
  const { lessonId } = await params;
  if (!LessonIdSchema.safeParse(lessonId).success) return toErrorResponse(new NotFoundError(`Lesson ${lessonId} does not exist`));
  try {
    return Response.json(await getLiveView({ ctx: await createAppContext(), input: { lessonId } }), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
