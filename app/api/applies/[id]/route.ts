import { getApply, ApplyRefSchema } from "@/lib/server/applies";
import { createAppContext } from "@/lib/server/context";
import { answerRoute } from "@/lib/server/route-input";

export const dynamic = "force-dynamic";

const INPUT = { schema: ApplyRefSchema, ids: ["id"], notFound: (r: Record<string, unknown>) => `Apply ${r.id} does not exist` };

/** An apply's progress (ApplyView JSON): the plan page polls it every second while it runs. */
export async function GET(req: Request, context: { params: Promise<{ id: string }> }) {
  return answerRoute(INPUT, req, context, async (input) =>
    Response.json(await getApply({ ctx: await createAppContext(), input }), { headers: { "cache-control": "no-store" } }));
}
