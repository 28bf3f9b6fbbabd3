import { parseDesign, type Design } from "@/lib/domain/design";
import { ValidationError } from "../errors";

/** Reads a stored document, upgrading older schema versions in memory (the row is rewritten on the next save). */
export function readStoredDocument(raw: unknown): Design {
  const parsed = parseDesign(raw);
  if (!parsed.ok) throw new ValidationError(parsed.issues, "The stored design can no longer be read");
  return parsed.design;
}
