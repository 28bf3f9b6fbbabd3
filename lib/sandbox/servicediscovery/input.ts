import { z } from "zod";
import { constraintOf, parseOr } from "../core/input";
import { decodeOffset, pageFrom } from "../core/paging";
import type { Tag } from "../core/types";
import { cloudMapError, invalidInput } from "./errors";

// Cloud Map's inputs (awsJson1_1, PascalCase members), parsed with zod; a malformed member answers
// InvalidInput in AWS's validation words. Constraints from the API reference's request parameters.

export function parseInput<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  return parseOr(schema, raw, (issue) => invalidInput(
    `1 validation error detected: Value at '${issue.path.join(".") || "input"}' failed to satisfy constraint: ${constraintOf(issue)}`,
  ));
}

export const ResourceId = z.string().min(1).max(64);
export const CreatorRequestId = z.string().max(64);
export const Description = z.string().max(1024);
export const TagsSchema = z.array(z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256) })).max(200);

export function tagsOf(tags: z.infer<typeof TagsSchema> | undefined): Tag[] {
  const out: Tag[] = [];
  for (const t of tags ?? []) {
    if (out.some((o) => o.key === t.Key)) throw invalidInput(`Duplicate tag key: ${t.Key}`);
    out.push({ key: t.Key, value: t.Value });
  }
  if (out.length > 50) throw cloudMapError("TooManyTagsException", "The tag limit of 50 per resource has been exceeded.");
  return out;
}

export const Paging = { NextToken: z.string().max(4096).optional(), MaxResults: z.number().int().min(1).max(100).optional() };

/** A page as Cloud Map's List calls page: MaxResults 1–100 (default 100), NextToken. */
export function page<T>(items: T[], input: { NextToken?: string; MaxResults?: number }, size = 100) {
  let start = 0;
  if (input.NextToken) {
    const at = decodeOffset(input.NextToken);
    if (at === undefined) throw invalidInput("The NextToken is not valid.");
    start = at;
  }
  const { page: out, next } = pageFrom(items, start, input.MaxResults ?? size);
  return { items: out, ...(next ? { NextToken: next } : {}) };
}

export const FilterCondition = z.enum(["EQ", "IN", "BETWEEN", "BEGINS_WITH"]);

/** Whether `value` passes a filter of the condition (EQ/IN/BEGINS_WITH; `allowed` the conditions its name supports). */
export function passes(value: string, f: { Name: string; Values: string[]; Condition?: string }, allowed: string[]): boolean {
  const condition = f.Condition ?? "EQ";
  if (!allowed.includes(condition)) throw invalidInput(`The condition ${condition} is not supported for the filter ${f.Name}.`);
  if (condition === "EQ") {
    if (f.Values.length !== 1) throw invalidInput(`The EQ condition of the filter ${f.Name} takes exactly one value.`);
    return value === f.Values[0];
  }
  if (condition === "IN") return f.Values.includes(value);
  if (f.Values.length !== 1) throw invalidInput(`The BEGINS_WITH condition of the filter ${f.Name} takes exactly one value.`);
  return value.startsWith(f.Values[0]);
}
