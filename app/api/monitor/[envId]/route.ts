import { EnvRefSchema, envNotFound, listClusters } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: EnvRefSchema, ids: ["envId"], notFound: envNotFound };

/** The environment's clusters. */
export const GET = inputRoute("GET /api/monitor/[envId]", INPUT, async (input, ctx) => Response.json(await listClusters({ ctx, input })));
