// What the design actions and reads return, for client components, which may not import lib/server.
export type { DesignSummary, DesignRecord, RevisionSummary, RevisionRecord } from "@/lib/server/designs/types";
export type { ImportNote } from "@/lib/server/designs/import-design";
export {
  CreateDesignInputSchema, SaveDesignInputSchema, RenameDesignInputSchema, DuplicateDesignInputSchema,
  RestoreRevisionInputSchema, ImportDesignInputSchema, DesignRefSchema, DesignNameSchema,
  type CreateDesignInput, type SaveDesignInput, type RenameDesignInput, type DuplicateDesignInput,
  type RestoreRevisionInput, type ImportDesignInput, type DesignRef, MAX_DOCUMENT_BYTES,
} from "@/lib/server/designs/schemas";
