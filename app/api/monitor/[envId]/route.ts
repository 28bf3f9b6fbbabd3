import { createAppContext } from "@/lib/server/context";
import { errorResponse } from "@/lib/server/http";
import { EnvRefSchema, listClusters } from "@/lib/server/monitor";
import { invalid } from "../respond";

export const dynamic = "force-dynamic";

/** The environment's clusters. */
export async function GET(_req: Request, { params }: { params: Promise<{ envId: string }> }) {
  const parsed = EnvRefSchema.safeParse(await params);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return Response.json(await listClusters({ ctx: await createAppContext(), input: parsed.data }));
  } catch (err) {
    return errorResponse(err);
  }
}
