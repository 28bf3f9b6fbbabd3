import { z } from "zod";
import { DesignIdSchema, getDesign } from "@/lib/server/designs";
import { inputRoute } from "@/lib/server/route";

const INPUT = { schema: z.object({ id: DesignIdSchema }), ids: ["id"], notFound: (r: Record<string, unknown>) => `Design ${r.id} does not exist` };

/** The design as stored: DesignRecord JSON (document upgraded to the current schema). */
export const GET = inputRoute("GET /api/designs/[id]", INPUT, async (input, ctx) => Response.json(await getDesign({ ctx, input })));
