import { z } from "zod";
import { pageAfter } from "../core/paging";
import type { Tag } from "../core/types";
import { parseQueryInput, queryInt, queryList } from "../protocols/query";
import { iamError } from "./errors";

// IAM's inputs as awsQuery sends them (`Tags.member.1.Key`), parsed with zod; a malformed member
// answers ValidationError in AWS's words. Constraints from the API reference's request parameters.

export const parseInput = parseQueryInput;

/** RoleName: 1–64 of [\w+=,.@-]. */
export const RoleName = z.string().min(1).max(64).regex(/^[\w+=,.@-]+$/, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
/** Path: `/` or `/a/b/`, at most 512 characters. */
export const PathSchema = z.string().min(1).max(512).regex(/^\/(?:[\u0021-\u007E]+\/)?$/, "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
export const PolicyArn = z.string().min(20).max(2048);

export const TagsSchema = queryList(z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256) }), { max: 50 });

/** The request's tags; a key given twice is refused as IAM refuses it. */
export function tagsOf(tags: z.infer<typeof TagsSchema> | undefined): Tag[] {
  const out: Tag[] = [];
  for (const t of tags ?? []) {
    if (out.some((o) => o.key.toLowerCase() === t.Key.toLowerCase())) throw iamError("InvalidInput", `Duplicate tag keys found. Please note that Tag keys are case insensitive.`);
    out.push({ key: t.Key, value: t.Value });
  }
  return out;
}

export const Paging = { Marker: z.string().min(1).optional(), MaxItems: queryInt().pipe(z.number().min(1).max(1000)).optional() };

/** A page as IAM's List calls page: MaxItems 1–1000 (default 100), Marker → IsTruncated + Marker. */
export function page<T>(items: T[], input: { Marker?: string; MaxItems?: number }) {
  const { page: out, next } = pageAfter(items, input.Marker, input.MaxItems ?? 100, () => iamError("ValidationError", "Invalid Marker."));
  return { items: out, IsTruncated: next !== undefined, ...(next ? { Marker: next } : {}) };
}
