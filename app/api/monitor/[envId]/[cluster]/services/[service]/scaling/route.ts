import { envNotFound, getScalingActivities, ServiceRefSchema } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ServiceRefSchema, ids: ["envId"], notFound: envNotFound };

/** The service's auto scaling range and scaling activities (why its desired count changed). */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/services/[service]/scaling", INPUT, async (input, ctx) => Response.json(await getScalingActivities({ ctx, input })));
