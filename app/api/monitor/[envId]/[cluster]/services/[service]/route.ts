import { createAppContext } from "@/lib/server/context";
import { toErrorResponse, ValidationError } from "@/lib/server/errors";
import { ServiceRefSchema, getServiceHistory } from "@/lib/server/monitor";

export const dynamic = "force-dynamic";

/** The service's recorded timeline, running-vs-desired samples and stopped tasks. */
export async function GET(_req: Request, { params }: { params: Promise<{ envId: string; cluster: string; service: string }> }) {
  const parsed = ServiceRefSchema.safeParse(await params);
  if (!parsed.success) return toErrorResponse(ValidationError.ofRequest(parsed.error));
  try {
    return Response.json(await getServiceHistory({ ctx: await createAppContext(), input: parsed.data }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
