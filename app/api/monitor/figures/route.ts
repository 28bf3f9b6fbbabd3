import { toErrorResponse } from "@/lib/server/errors";
import { createAppContext } from "@/lib/server/context";
import { getFigures } from "@/lib/server/monitor";

export const dynamic = "force-dynamic";

/** ECS calls per minute by operation, for every cluster this instance watches. */
export async function GET() {
  try {
    return Response.json(await getFigures({ ctx: await createAppContext() }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
