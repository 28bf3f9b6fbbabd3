import { getApply, ApplyRefSchema } from "@/lib/server/applies";
import { createAppContext } from "@/lib/server/context";
import { NotFoundError, toErrorResponse } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

/** An apply's progress (ApplyView JSON): the plan page polls it every second while it runs. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!ApplyRefSchema.safeParse({ id }).success) return toErrorResponse(new NotFoundError(`Apply ${id} does not exist`));
  try {
    return Response.json(await getApply({ ctx: await createAppContext(), input: { id } }), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
