import { envNotFound, getServiceDeployments, ServiceRefSchema } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ServiceRefSchema, ids: ["envId"], notFound: envNotFound };

/** The service's deployments from ECS's service deployments API, with their timelines and revision diffs. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/services/[service]/deployments", INPUT, async (input, ctx) => Response.json(await getServiceDeployments({ ctx, input })));
