import { envNotFound, getRunTaskChoices, RunTaskChoicesInputSchema } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: RunTaskChoicesInputSchema, ids: ["envId"], notFound: envNotFound };

/** What the Run task dialog offers: task definition families and revisions, the chosen one's containers, the service's defaults, the designs' task definitions. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/run-task", INPUT, async (input, ctx) => Response.json(await getRunTaskChoices({ ctx, input })));
