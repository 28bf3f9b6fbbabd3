import { createAppContext } from "@/lib/server/context";
import { DesignIdSchema, getDesign } from "@/lib/server/designs";
import { NotFoundError, toErrorResponse } from "@/lib/server/errors";

/** The design as stored: DesignRecord JSON (document upgraded to the current schema). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A malformed id can name no design; checking here keeps it from reaching Postgres as a uuid cast error.
  if (!DesignIdSchema.safeParse(id).success) return toErrorResponse(new NotFoundError(`Design ${id} does not exist`));
  try {
    return Response.json(await getDesign({ ctx: await createAppContext(), input: { id } }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
