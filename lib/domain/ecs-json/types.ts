import type { DesignIssue } from "../design";

/** Something the user should know about an import: what was stripped, kept as is, or could not be converted. */
export type ImportNote = { severity: "warning" | "info"; path: string; message: string };

/** A reason an input could not be imported; `path` names the field (or `line L, column C`). */
export type ImportIssue = DesignIssue;

export type ImportFormat = "design" | "task-definition" | "service" | "compose";
