import { toErrorResponse, ValidationError } from "@/lib/server/errors";
import { createAppContext } from "@/lib/server/context";
import { ClusterViewInputSchema, getClusterView } from "@/lib/server/monitor";
import { searchParams } from "../../respond";

export const dynamic = "force-dynamic";

/** The latest snapshot of the cluster (optionally one service), when it was taken and whether it is stale. */
export async function GET(req: Request, { params }: { params: Promise<{ envId: string; cluster: string }> }) {
  const parsed = ClusterViewInputSchema.safeParse({ ...(await params), ...searchParams(req) });
  if (!parsed.success) return toErrorResponse(ValidationError.ofRequest(parsed.error));
  try {
    return Response.json(await getClusterView({ ctx: await createAppContext(), input: parsed.data }), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
