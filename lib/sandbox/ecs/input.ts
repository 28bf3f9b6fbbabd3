import { z } from "zod";
import { parseOr } from "../core/input";
import { pageAfter } from "../core/paging";
import { ecsError, invalidParameter } from "./errors";

// Every operation parses its input with zod. A shape error becomes the validation message ECS
// gives for malformed members (one problem per call, like ECS).
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseOr(schema, input, (issue) => ecsError(
    "ClientException",
    `1 validation error detected: Value at '${issue.path.join(".") || "input"}' failed to satisfy constraint: ${issue.message}`,
  ));
}

/**
 * What makes two requests "the same parameters" for a client token: the input without the token,
 * key order ignored (ECS compares the request, not its serialisation).
 */
export function requestFingerprint(input: Record<string, unknown>): string {
  const { clientToken: _ignored, ...rest } = input;
  const sort = (v: unknown): unknown => Array.isArray(v) ? v.map(sort)
    : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(rest));
}

const str = z.string();
export const TagListSchema = z.array(z.object({ key: str.min(1).max(128), value: str.max(256).default("") })).max(50);
export const PagingSchema = { nextToken: str.optional(), maxResults: z.number().int().optional() };

/** Pages a list the way ECS's List* calls do: opaque nextToken, maxResults 1–100. */
export function paginate<T>(items: T[], nextToken: string | undefined, maxResults: number | undefined, max = 100) {
  if (maxResults !== undefined && (maxResults < 1 || maxResults > max)) {
    throw invalidParameter(`maxResults must be between 1 and ${max}.`);
  }
  const { page, next } = pageAfter(items, nextToken, maxResults ?? max, () => invalidParameter("Invalid nextToken."));
  return { page, nextToken: next };
}

export function checkBatch(items: unknown[] | undefined, max: number, what: string) {
  if (items && items.length > max) throw invalidParameter(`${what} cannot contain more than ${max} elements.`);
}
