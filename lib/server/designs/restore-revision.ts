import type { AppContext } from "../context";
import { getRevision } from "./get-revision";
import { replaceDocument } from "./replace-document";
import type { RestoreRevisionInput } from "./schemas";

/**
 * Restoring never rewrites history: the old document becomes a new version and the current
 * one is kept as a revision, so a restore can itself be undone. Only the document is restored;
 * the design keeps its current name.
 */
export async function restoreRevision({ ctx, input }: { ctx: AppContext; input: RestoreRevisionInput }): Promise<{ version: number }> {
  const revision = await getRevision({ ctx, input: { id: input.id, version: input.version } });
  return replaceDocument(ctx, { id: input.id, expectedVersion: input.expectedVersion, json: JSON.stringify(revision.document) });
}
