import { z } from "zod";
import { DesignIdSchema, getRevision, VersionSchema } from "@/lib/server/designs";
import { inputRoute } from "@/lib/server/route";

const INPUT = {
  // The version arrives as path text: whole digits only ("1e3", "0x10" or "2.0" name no revision).
  schema: z.object({ id: DesignIdSchema, version: z.string().regex(/^\d{1,9}$/).transform(Number).pipe(VersionSchema) }),
  ids: ["id", "version"],
  notFound: (r: Record<string, unknown>) => `Design ${r.id} has no revision ${r.version}`,
};

/** One earlier version of the design with its document: `{ id, version, name, createdAt, document }`. */
export const GET = inputRoute("GET /api/designs/[id]/revisions/[version]", INPUT, async (input, ctx) => Response.json(await getRevision({ ctx, input })));
