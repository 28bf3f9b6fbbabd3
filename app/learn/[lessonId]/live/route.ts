import { createAppContext } from "@/lib/server/context";
import { LessonRefSchema, getLiveView } from "@/lib/server/learn";
import { answerRoute } from "@/lib/server/route-input";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const INPUT = { schema: LessonRefSchema, ids: ["lessonId"], notFound: (r: Record<string, unknown>) => `Lesson ${r.lessonId} does not exist` };

/** The sandbox's services and tasks of a lesson, polled by the lesson player's live panel. */
export async function GET(req: Request, context: { params: Promise<{ lessonId: string }> }) {
  return answerRoute(INPUT, req, context, async (input) =>
    Response.json(await getLiveView({ ctx: await createAppContext(), input }), { headers: { "cache-control": "no-store" } }));
}
