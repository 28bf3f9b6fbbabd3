import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { DesignRef } from "./schemas";
import { readStoredDocument } from "./stored-document";
import type { DesignRecord } from "./types";

export async function getDesign({ ctx, input }: { ctx: AppContext; input: DesignRef }): Promise<DesignRecord> {
  const row = await ctx.db.design.findUnique({ where: { id: input.id } });
  if (!row) throw new NotFoundError(`Design ${input.id} does not exist`);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    document: readStoredDocument(row.document),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
