import { parseDesign, type Design } from "@/lib/domain/design";
import { TooLargeError, ValidationError } from "../errors";
import { MAX_DOCUMENT_BYTES } from "./schemas";

export { MAX_DOCUMENT_BYTES };

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

/** Size first: parsing a huge document only to refuse it would be wasted work. */
export function checkDocument(raw: unknown): Design {
  const bytes = jsonBytes(raw);
  if (bytes > MAX_DOCUMENT_BYTES) throw new TooLargeError(bytes, MAX_DOCUMENT_BYTES);
  const parsed = parseDesign(raw);
  if (!parsed.ok) throw new ValidationError(parsed.issues, "The design document is not valid");
  return parsed.design;
}

export function checkText(text: string): void {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) throw new TooLargeError(bytes, MAX_DOCUMENT_BYTES, "The file");
}
