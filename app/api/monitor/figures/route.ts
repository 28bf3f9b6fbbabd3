import { toErrorResponse } from "@/lib/server/errors";
import { getFigures } from "@/lib/server/monitor";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** ECS calls per minute by operation, for every cluster this instance watches. */
export const GET = route("GET /api/monitor/figures", async (_req: Request, _args: unknown, ctx) => {
  try {
    return Response.json(await getFigures({ ctx }));
  } catch (err) {
    return toErrorResponse(err);
  }
});
