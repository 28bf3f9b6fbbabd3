import type { AppContext } from "../context";
import { checkDocument } from "./limits";
import { replaceDocument } from "./replace-document";
import type { SaveDesignInput } from "./schemas";

/** Saves a new version; refused with ConflictError when `expectedVersion` is no longer the stored one. */
export async function saveDesign({ ctx, input }: { ctx: AppContext; input: SaveDesignInput }): Promise<{ version: number }> {
  const { json } = checkDocument(input.document);
  return replaceDocument(ctx, { id: input.id, expectedVersion: input.expectedVersion, json, name: input.name });
}
