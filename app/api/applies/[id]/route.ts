import { getApply, ApplyRefSchema } from "@/lib/server/applies";
import { createAppContext } from "@/lib/server/context";
import { errorResponse, notFound } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** An apply's progress (ApplyView JSON): the plan page polls it every second while it runs. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!ApplyRefSchema.safeParse({ id }).success) return notFound(`Apply ${id} does not exist`);
  try {
    return Response.json(await getApply({ ctx: await createAppContext(), input: { id } }), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
