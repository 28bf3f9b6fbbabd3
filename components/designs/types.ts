import type { DesignRecord, DesignSummary, RevisionSummary } from "@/lib/actions/design-types";

// The UI's names for what the design reads return: one definition, in lib/server/designs/types.ts.

/** What the list shows of a design. */
export type DesignListItem = Omit<DesignSummary, "createdAt">;
export type DesignDetail = DesignRecord;
export type RevisionItem = RevisionSummary;
