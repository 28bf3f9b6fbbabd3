import type { Design } from "@/lib/domain/design";

/** What the list shows of a design; pages map lib/server's summaries onto it. */
export type DesignListItem = {
  id: string;
  name: string;
  description: string;
  version: number;
  updatedAt: string;
  counts: { clusters: number; taskDefinitions: number; services: number };
  errors: number;
  warnings: number;
};

export type DesignDetail = {
  id: string;
  name: string;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  document: Design;
};

export type RevisionItem = { version: number; name: string; createdAt: string };
