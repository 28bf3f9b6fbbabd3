import { createAppContext } from "@/lib/server/context";
import { ClusterRefSchema, envNotFound, getContainerInstances } from "@/lib/server/monitor";
import { answerRoute } from "@/lib/server/route-input";

export const dynamic = "force-dynamic";

const INPUT = { schema: ClusterRefSchema, ids: ["envId"], notFound: envNotFound };

/** The cluster's EC2 container instances: registered vs remaining cpu and memory, tasks, status. */
export async function GET(req: Request, context: { params: Promise<{ envId: string; cluster: string }> }) {
  return answerRoute(INPUT, req, context, async (input) =>
    Response.json(await getContainerInstances({ ctx: await createAppContext(), input }), { headers: { "cache-control": "no-store" } }));
}
