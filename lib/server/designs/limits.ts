import { parseDesign, type Design } from "@/lib/domain/design";
import { TooLargeError, ValidationError } from "../errors";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/design/limits";

/** A parsed design and its JSON text, serialised once and reused for the size check and the write. */
export type CheckedDocument = { design: Design; json: string };

/**
 * Shape first, then size of what will be stored. The request body itself is already bounded
 * (next.config.js `serverActions.bodySizeLimit`), so parsing before measuring costs little, and
 * it lets one JSON.stringify serve both the limit and the database write.
 */
export function checkDocument(raw: unknown): CheckedDocument {
  const parsed = parseDesign(raw);
  if (!parsed.ok) throw new ValidationError(parsed.issues, "The design document is not valid");
  const json = JSON.stringify(parsed.design);
  const bytes = Buffer.byteLength(json, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) throw new TooLargeError(bytes, MAX_DOCUMENT_BYTES);
  return { design: parsed.design, json };
}

export function checkText(text: string): void {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) throw new TooLargeError(bytes, MAX_DOCUMENT_BYTES, "The file");
}
