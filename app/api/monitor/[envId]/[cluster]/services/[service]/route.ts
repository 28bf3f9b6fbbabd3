import { envNotFound, ServiceRefSchema, getServiceHistory } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ServiceRefSchema, ids: ["envId"], notFound: envNotFound };

/** The service's recorded timeline, running-vs-desired samples and stopped tasks. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/services/[service]", INPUT, async (input, ctx) => Response.json(await getServiceHistory({ ctx, input })));
