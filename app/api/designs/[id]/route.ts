import { z } from "zod";
import { createAppContext } from "@/lib/server/context";
import { DesignIdSchema, getDesign } from "@/lib/server/designs";
import { answerRoute } from "@/lib/server/route-input";

const INPUT = { schema: z.object({ id: DesignIdSchema }), ids: ["id"], notFound: (r: Record<string, unknown>) => `Design ${r.id} does not exist` };

/** The design as stored: DesignRecord JSON (document upgraded to the current schema). */
export async function GET(req: Request, context: { params: Promise<{ id: string }> }) {
  return answerRoute(INPUT, req, context, async (input) => Response.json(await getDesign({ ctx: await createAppContext(), input })));
}
