import { LessonRefSchema, getLiveView } from "@/lib/server/learn";
import { inputRoute } from "@/lib/server/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const INPUT = { schema: LessonRefSchema, ids: ["lessonId"], notFound: (r: Record<string, unknown>) => `Lesson ${r.lessonId} does not exist` };

/** The sandbox's services and tasks of a lesson, polled by the lesson player's live panel. */
export const GET = inputRoute("GET /learn/[lessonId]/live", INPUT, async (input, ctx) =>
  Response.json(await getLiveView({ ctx, input }), { headers: { "cache-control": "no-store" } }));
