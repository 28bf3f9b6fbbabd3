import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { RevisionRef } from "./schemas";
import { readStoredDocument } from "./stored-document";
import type { RevisionRecord } from "./types";

export async function getRevision({ ctx, input }: { ctx: AppContext; input: RevisionRef }): Promise<RevisionRecord> {
  const row = await ctx.db.designRevision.findUnique({
    where: { designId_version: { designId: input.id, version: input.version } },
  });
  if (!row) throw new NotFoundError(`Design ${input.id} has no revision ${input.version}`);
  return {
    id: row.designId,
    version: row.version,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    document: readStoredDocument(row.document),
  };
}
