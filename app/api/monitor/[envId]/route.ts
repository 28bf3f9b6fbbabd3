import { createAppContext } from "@/lib/server/context";
import { EnvRefSchema, envNotFound, listClusters } from "@/lib/server/monitor";
import { answerRoute } from "@/lib/server/route-input";

export const dynamic = "force-dynamic";

const INPUT = { schema: EnvRefSchema, ids: ["envId"], notFound: envNotFound };

/** The environment's clusters. */
export async function GET(req: Request, context: { params: Promise<{ envId: string }> }) {
  return answerRoute(INPUT, req, context, async (input) => Response.json(await listClusters({ ctx: await createAppContext(), input })));
}
