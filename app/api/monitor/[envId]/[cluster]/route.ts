import { ClusterViewInputSchema, envNotFound, getClusterView } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ClusterViewInputSchema, ids: ["envId"], notFound: envNotFound };

/** The latest snapshot of the cluster (optionally one service, `?service=`), when it was taken and whether it is stale. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]", INPUT, async (input, ctx) =>
  Response.json(await getClusterView({ ctx, input }), { headers: { "cache-control": "no-store" } }));
