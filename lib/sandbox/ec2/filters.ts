import type { Tag } from "../core/types";
import { ec2Error } from "./errors";
import type { Filter } from "./input";

// EC2's Describe filters: every filter must match (AND), any of a filter's values may (OR);
// values may use `*` (any run of characters) and `?` (one character). `tag:<key>` matches a
// tag's value, `tag-key` a tag's key. An unknown filter name answers InvalidParameterValue.

/** What each filter name of a resource reads: one value, several, or none. */
export type Fields<T> = Record<string, (item: T) => string | string[] | boolean | number | undefined>;

function pattern(value: string): RegExp {
  const body = value.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "s");
}

function valuesOf<T extends { tags: Tag[] }>(fields: Fields<T>, name: string, item: T): string[] {
  if (name.startsWith("tag:")) return item.tags.filter((t) => t.key === name.slice(4)).map((t) => t.value);
  if (name === "tag-key") return item.tags.map((t) => t.key);
  const read = fields[name];
  const v = read(item);
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** The items every filter matches; throws for a filter name the resource does not have. */
export function applyFilters<T extends { tags: Tag[] }>(items: T[], filters: Filter[] | undefined, fields: Fields<T>): T[] {
  if (!filters?.length) return items;
  for (const f of filters) {
    if (!Object.hasOwn(fields, f.Name) && !f.Name.startsWith("tag:") && f.Name !== "tag-key") {
      throw ec2Error("InvalidParameterValue", `The filter '${f.Name}' is invalid`);
    }
  }
  const compiled = filters.map((f) => ({ name: f.Name, patterns: (f.Value ?? []).map(pattern) }));
  return items.filter((item) => compiled.every(({ name, patterns }) => {
    const values = valuesOf(fields, name, item);
    return values.some((v) => patterns.some((p) => p.test(v)));
  }));
}

/** A resource's tags as EC2 writes them (`tagSet`), or nothing when it has none. */
export const tagSet = (tags: Tag[]) => (tags.length ? tags.map((t) => ({ key: t.key, value: t.value })) : undefined);
