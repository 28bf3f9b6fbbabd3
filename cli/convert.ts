import { type ComposeTarget, exportDesignAsEcs, exportService, exportTaskDefinition, importText } from "../lib/domain/ecs-json";
import { readInput } from "./read-input";

export const CONVERT_TARGETS = ["design", "task-definition", "service", "ecs"] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];
export type ConvertOptions = { to: ConvertTarget; family?: string; service?: string };

export type ConvertResult = { ok: true; json: unknown } | { ok: false; message: string };

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
  if (!r.ok) return { ok: false, message: r.issues.map((i) => `${file}: ${i.path.startsWith("(") || i.message.includes(i.path) ? "" : `${i.path}: `}${i.message}`).join("\n") };
  const d = r.design;
  switch (opts.to) {
    case "design":
      return { ok: true, json: d };
    case "ecs":
      return { ok: true, json: exportDesignAsEcs(d) };
    case "task-definition": {
      const td = pick(d.taskDefinitions, opts.family, (t) => t.family, "task definition", "--family");
      return typeof td === "string" ? { ok: false, message: `${file}: ${td}` } : { ok: true, json: exportTaskDefinition(td) };
    }
    case "service": {
      const s = pick(d.services, opts.service, (x) => x.serviceName, "service", "--service");
      return typeof s === "string" ? { ok: false, message: `${file}: ${s}` } : { ok: true, json: exportService(s, d) };
    }
  }
}
