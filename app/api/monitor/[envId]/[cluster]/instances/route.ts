import { ClusterRefSchema, envNotFound, getContainerInstances } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ClusterRefSchema, ids: ["envId"], notFound: envNotFound };

/** The cluster's EC2 container instances: registered vs remaining cpu and memory, tasks, status. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/instances", INPUT, async (input, ctx) =>
  Response.json(await getContainerInstances({ ctx, input }), { headers: { "cache-control": "no-store" } }));
