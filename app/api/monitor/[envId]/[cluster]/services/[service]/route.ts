import { createAppContext } from "@/lib/server/context";
import { envNotFound, ServiceRefSchema, getServiceHistory } from "@/lib/server/monitor";
import { answerRoute } from "@/lib/server/route-input";

export const dynamic = "force-dynamic";

const INPUT = { schema: ServiceRefSchema, ids: ["envId"], notFound: envNotFound };

/** The service's recorded timeline, running-vs-desired samples and stopped tasks. */
export async function GET(req: Request, context: { params: Promise<{ envId: string; cluster: string; service: string }> }) {
  return answerRoute(INPUT, req, context, async (input) => Response.json(await getServiceHistory({ ctx: await createAppContext(), input })));
}
