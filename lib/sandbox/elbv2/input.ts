import { z } from "zod";
import { pageAfter } from "../core/paging";
import type { Tag } from "../core/types";
import { parseQueryInput, queryInt, queryList } from "../protocols/query";
import { elbError, validation } from "./errors";

// ELBv2's inputs as awsQuery sends them (`Names.member.1`, `Tags.member.1.Key`), parsed with zod
// (parseQueryInput: a malformed member answers ValidationError in AWS's words).

export const parseInput = parseQueryInput;

export const str = z.string();
export const arnList = (max: number) => queryList(str, { max });

export const TagsSchema = queryList(z.object({ Key: str.min(1).max(128), Value: str.max(256).optional() }));
type TagsIn = z.infer<typeof TagsSchema>;

/** The request's tags as the sandbox keeps them; one key twice answers DuplicateTagKeys. */
export function tagsOf(tags: TagsIn | undefined): Tag[] {
  const out: Tag[] = [];
  for (const t of tags ?? []) {
    if (out.some((o) => o.key === t.Key)) throw elbError("DuplicateTagKeys", `Tag key '${t.Key}' was specified more than once.`);
    out.push({ key: t.Key, value: t.Value ?? "" });
  }
  if (out.length > 50) throw elbError("TooManyTags", "The quota for the number of tags that can be assigned to a resource has been reached.");
  return out;
}

export const tagsOut = (tags: Tag[]) => tags.map((t) => ({ Key: t.key, Value: t.value }));

export const Paging = { Marker: str.optional(), PageSize: queryInt().pipe(z.number().min(1).max(400)).optional() };

/** A page as ELBv2's Describe calls page: PageSize 1–400 (default 400), Marker → NextMarker. */
export function page<T>(items: T[], input: { Marker?: string; PageSize?: number }) {
  const { page: out, next } = pageAfter(items, input.Marker, input.PageSize ?? 400, () => validation("The marker is not valid."));
  return { page: out, NextMarker: next };
}

/** Canonical JSON of a create call's settings: the same settings again is the same resource (ELBv2's creates are idempotent). */
export function settingsKey(value: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(canon(value));
}
