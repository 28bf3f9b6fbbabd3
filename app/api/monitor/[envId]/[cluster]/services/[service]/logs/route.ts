import { envNotFound, getServiceLogs, ServiceLogsInputSchema } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ServiceLogsInputSchema, ids: ["envId"], notFound: envNotFound };

/** The service's container logs (CloudWatch Logs FilterLogEvents), or with ?tail=1 the shared live tail's new lines. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/services/[service]/logs", INPUT, async (input, ctx) => Response.json(await getServiceLogs({ ctx, input })));
