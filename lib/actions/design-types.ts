// What the design actions and reads return, for client components, which may not import lib/server.
export type { DesignSummary, DesignRecord, RevisionSummary } from "@/lib/server/designs/types";
export type { ImageTarget } from "@/lib/server/designs/list-image-targets";
