import { type ComposeTarget, exportDesignAsEcs, exportService, exportTaskDefinition, importText, type ImportNote } from "../lib/domain/ecs-json";
import { readInput } from "./read-input";
import { located } from "./render";

export const CONVERT_TARGETS = ["design", "task-definition", "service", "ecs"] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];
export type ConvertOptions = { to: ConvertTarget; family?: string; service?: string };

/** The JSON to write, with the import's notes (what was stripped, kept as is, or not converted). */
export type ConvertResult = { ok: true; json: unknown; notes: ImportNote[] } | { ok: false; message: string };

function pick<T>(items: T[], name: string | undefined, nameOf: (t: T) => string, what: string, flag: string): T | string {
  if (name !== undefined) {
    const hit = items.find((t) => nameOf(t) === name);
    return hit ?? `no ${what} named "${name}" (there are: ${items.map(nameOf).join(", ") || "none"})`;
  }
  if (items.length === 1) return items[0];
  return items.length === 0
    ? `it contains no ${what}`
    : `it contains ${items.length} ${what}s (${items.map(nameOf).join(", ")}); choose one with ${flag} NAME`;
}

/** Reads FILE (any format importText knows) and produces the requested JSON document. */
export async function convertFile(file: string, opts: ConvertOptions, compose?: ComposeTarget): Promise<ConvertResult> {
  const read = await readInput(file);
  if (!read.ok) return { ok: false, message: `${file}: cannot read: ${read.message}` };
  const r = importText(read.text, { fileName: file, compose });
  if (!r.ok) return { ok: false, message: r.issues.map((i) => `${file}: ${located(i.path, i.message)}`).join("\n") };
  const { design: d, notes } = r;
  switch (opts.to) {
    case "design":
      return { ok: true, json: d, notes };
    case "ecs":
      return { ok: true, json: exportDesignAsEcs(d), notes };
    case "task-definition": {
      const td = pick(d.taskDefinitions, opts.family, (t) => t.family, "task definition", "--family");
      return typeof td === "string" ? { ok: false, message: `${file}: ${td}` } : { ok: true, json: exportTaskDefinition(td), notes };
    }
    case "service": {
      const s = pick(d.services, opts.service, (x) => x.serviceName, "service", "--service");
      return typeof s === "string" ? { ok: false, message: `${file}: ${s}` } : { ok: true, json: exportService(s, d), notes };
    }
  }
}
