import { createAppContext } from "@/lib/server/context";
import { DesignIdSchema, listRevisions } from "@/lib/server/designs";
import { NotFoundError, toErrorResponse } from "@/lib/server/errors";

/** Earlier versions of the design, newest first: `{ version, name, createdAt }[]`. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!DesignIdSchema.safeParse(id).success) return toErrorResponse(new NotFoundError(`Design ${id} does not exist`));
  try {
    return Response.json(await listRevisions({ ctx: await createAppContext(), input: { id } }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
