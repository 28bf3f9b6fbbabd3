import { z } from "zod";
import { DesignIdSchema, listRevisions } from "@/lib/server/designs";
import { inputRoute } from "@/lib/server/route";

const INPUT = { schema: z.object({ id: DesignIdSchema }), ids: ["id"], notFound: (r: Record<string, unknown>) => `Design ${r.id} does not exist` };

/** Earlier versions of the design, newest first: `{ version, name, createdAt }[]`. */
export const GET = inputRoute("GET /api/designs/[id]/revisions", INPUT, async (input, ctx) => Response.json(await listRevisions({ ctx, input })));
