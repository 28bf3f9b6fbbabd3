import { toErrorResponse, ValidationError } from "@/lib/server/errors";
import { createAppContext } from "@/lib/server/context";
import { ClusterRefSchema, getContainerInstances } from "@/lib/server/monitor";

export const dynamic = "force-dynamic";

/** The cluster's EC2 container instances: registered vs remaining cpu and memory, tasks, status. */
export async function GET(_req: Request, { params }: { params: Promise<{ envId: string; cluster: string }> }) {
  const parsed = ClusterRefSchema.safeParse(await params);
  if (!parsed.success) return toErrorResponse(ValidationError.ofRequest(parsed.error));
  try {
    return Response.json(await getContainerInstances({ ctx: await createAppContext(), input: parsed.data }), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
