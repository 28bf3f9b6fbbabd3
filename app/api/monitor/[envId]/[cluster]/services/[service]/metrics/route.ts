import { envNotFound, getServiceMetrics, ServiceMetricsInputSchema } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ServiceMetricsInputSchema, ids: ["envId"], notFound: envNotFound };

/** The service's CPU and memory utilisation (CloudWatch GetMetricData) and its target-tracking targets; ?rangeMinutes=60|180|720|1440|10080. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/services/[service]/metrics", INPUT, async (input, ctx) => Response.json(await getServiceMetrics({ ctx, input })));
