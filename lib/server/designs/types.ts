import type { Design } from "@/lib/domain/design";

/** One row of the design list. Dates are ISO strings so the value crosses the server/client boundary as is. */
export type DesignSummary = {
  id: string;
  name: string;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  counts: { clusters: number; taskDefinitions: number; services: number };
  /** From validateDesign; a stored document that no longer parses counts its parse issues as errors. */
  errors: number;
  warnings: number;
};

export type DesignRecord = {
  id: string;
  name: string;
  description: string;
  version: number;
  document: Design;
  createdAt: string;
  updatedAt: string;
};

export type RevisionSummary = { version: number; name: string; createdAt: string };

export type RevisionRecord = RevisionSummary & { id: string; document: Design };
