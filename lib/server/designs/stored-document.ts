import { CURRENT_SCHEMA_VERSION, parseDesign, type Design } from "@/lib/domain/design";
import { ValidationError } from "../errors";

/**
 * Reads a stored document. Every write parses the document first, so a row of the current
 * schema version is trusted as is (re-parsing a 1,000-resource design would double the cost
 * of every load); older versions are upgraded in memory and rewritten on the next save.
 */
export function readStoredDocument(raw: unknown): Design {
  if (isCurrent(raw)) return raw as Design;
  const parsed = parseDesign(raw);
  if (!parsed.ok) throw new ValidationError(parsed.issues, "The stored design can no longer be read");
  return parsed.design;
}

function isCurrent(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && (raw as { schemaVersion?: unknown }).schemaVersion === CURRENT_SCHEMA_VERSION;
}
