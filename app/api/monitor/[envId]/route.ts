import { createAppContext } from "@/lib/server/context";
import { toErrorResponse, ValidationError } from "@/lib/server/errors";
import { EnvRefSchema, listClusters } from "@/lib/server/monitor";

export const dynamic = "force-dynamic";

/** The environment's clusters. */
export async function GET(_req: Request, { params }: { params: Promise<{ envId: string }> }) {
  const parsed = EnvRefSchema.safeParse(await params);
  if (!parsed.success) return toErrorResponse(ValidationError.ofRequest(parsed.error));
  try {
    return Response.json(await listClusters({ ctx: await createAppContext(), input: parsed.data }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
