import { createAppContext } from "@/lib/server/context";
import { getRevision, RevisionRefSchema } from "@/lib/server/designs";
import { NotFoundError, toErrorResponse } from "@/lib/server/errors";

/** One earlier version of the design with its document: `{ id, version, name, createdAt, document }`. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; version: string }> }) {
  const { id, version } = await params;
  const ref = RevisionRefSchema.safeParse({ id, version: Number(version) });
  if (!ref.success) return toErrorResponse(new NotFoundError(`Design ${id} has no revision ${version}`));
  try {
    return Response.json(await getRevision({ ctx: await createAppContext(), input: ref.data }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
