import { getApply, ApplyRefSchema } from "@/lib/server/applies";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ApplyRefSchema, ids: ["id"], notFound: (r: Record<string, unknown>) => `Apply ${r.id} does not exist` };

/** An apply's progress (ApplyView JSON): the plan page polls it every second while it runs. */
export const GET = inputRoute("GET /api/applies/[id]", INPUT, async (input, ctx) =>
  Response.json(await getApply({ ctx, input }), { headers: { "cache-control": "no-store" } }));
