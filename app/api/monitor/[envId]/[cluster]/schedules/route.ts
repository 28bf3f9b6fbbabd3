import { ClusterRefSchema, envNotFound, getClusterSchedules } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ClusterRefSchema, ids: ["envId"], notFound: envNotFound };

/** The EventBridge Scheduler schedules that run tasks in the cluster: next run, and the tasks they started. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/schedules", INPUT, async (input, ctx) =>
  Response.json(await getClusterSchedules({ ctx, input }), { headers: { "cache-control": "no-store" } }));
