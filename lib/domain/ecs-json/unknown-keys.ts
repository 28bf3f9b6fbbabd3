import { z } from "zod";
import { formatPath } from "../design";
import type { ImportNote } from "./types";

// Walks a value alongside the zod schema it was parsed with and reports every key the
// schema does not declare: loose objects keep such keys (info), strict ones drop them (warning).
// Nothing is silently lost, and nothing unexpected passes unnoticed.

type Path = (string | number)[];

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

export function unknownKeyNotes(schema: z.ZodType, value: unknown, prefix: Path = [], pathPrefix = ""): ImportNote[] {
  const notes: ImportNote[] = [];
  const show = (p: Path) => {
    const s = formatPath(p);
    return pathPrefix ? (s === "(document)" ? pathPrefix : `${pathPrefix}.${s}`) : s;
  };
  const walk = (sch: z.ZodType, v: unknown, path: Path) => {
    const s = unwrap(sch);
    if (s instanceof z.ZodObject) {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return;
      const shape = s.shape as Record<string, z.ZodType>;
      const loose = Boolean((s as unknown as { _zod: { def: { catchall?: unknown } } })._zod.def.catchall);
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (Object.hasOwn(shape, k)) walk(shape[k], child, [...path, k]);
        else if (loose) notes.push({ severity: "info", path: show([...path, k]), message: `"${k}" is not a field Stevedore knows; kept as is` });
        else notes.push({ severity: "warning", path: show([...path, k]), message: `"${k}" is not allowed here and was dropped` });
      }
    } else if (s instanceof z.ZodArray) {
      if (Array.isArray(v)) v.forEach((item, i) => walk(s.element as z.ZodType, item, [...path, i]));
    }
  };
  walk(schema, value, prefix);
  return notes;
}
