import { createAppContext } from "@/lib/server/context";
import { ClusterViewInputSchema, envNotFound, getClusterView } from "@/lib/server/monitor";
import { answerRoute } from "@/lib/server/route-input";

export const dynamic = "force-dynamic";

const INPUT = { schema: ClusterViewInputSchema, ids: ["envId"], notFound: envNotFound };

/** The latest snapshot of the cluster (optionally one service, `?service=`), when it was taken and whether it is stale. */
export async function GET(req: Request, context: { params: Promise<{ envId: string; cluster: string }> }) {
  return answerRoute(INPUT, req, context, async (input) =>
    Response.json(await getClusterView({ ctx: await createAppContext(), input }), { headers: { "cache-control": "no-store" } }));
}
