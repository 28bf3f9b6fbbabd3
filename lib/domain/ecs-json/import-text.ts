import { parseDocument } from "yaml";
import type { ComposeTarget } from "./compose-target";
import { emptyDesign, MAX_DOCUMENT_BYTES, parseDesign, type Design } from "../design";
import { importCompose } from "./compose";
import { isPlainObject } from "./ids";
import { jsonErrorOffset, lineColumn } from "./json-error";
import { nullNotes } from "./null-note";
import { gridLayout } from "./layout";
import { importServices } from "./services-document";
import { importTaskDefinition } from "./task-definition";
import type { ImportFormat, ImportIssue, ImportNote } from "./types";

export type ImportTextOptions = {
  fileName?: string;
  format?: "auto" | ImportFormat;
  /** Network and role settings a compose file cannot express (ignored for other formats). */
  compose?: ComposeTarget;
};
export type ImportTextResult =
  | { ok: true; format: ImportFormat; design: Design; notes: ImportNote[] }
  | { ok: false; format?: ImportFormat; issues: ImportIssue[] };

type Parsed = { ok: true; value: unknown } | { ok: false; issues: ImportIssue[] };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const offset = jsonErrorOffset(text);
    const reason = (err instanceof Error ? err.message : String(err)).replace(/, .*is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
    if (offset < 0) return { ok: false, issues: [{ path: "(document)", message: `Malformed JSON: ${reason}` }] };
    const { line, column } = lineColumn(text, offset);
    return { ok: false, issues: [{ path: `line ${line}, column ${column}`, message: `Malformed JSON at line ${line}, column ${column}: ${reason}` }] };
  }
}

/** The YAML parser gives up on very deep nesting in the engine's own words. */
const yamlReason = (message: string) =>
  /^Maximum call stack size exceeded/.test(message) ? "nested too deeply (ECS JSON nests about ten levels)" : message;

function parseYaml(text: string): Parsed {
  const doc = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.slice(0, 5).map((e) => {
        const pos = e.linePos?.[0];
        const where = pos ? `line ${pos.line}, column ${pos.col}` : "(document)";
        const first = yamlReason(e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""));
        return { path: where, message: `Malformed YAML${pos ? ` at ${where}` : ""}: ${first}` };
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) };
  } catch (err) {
    return { ok: false, issues: [{ path: "(document)", message: `Malformed YAML: ${yamlReason(err instanceof Error ? err.message : String(err))}` }] };
  }
}

/** Which kind of document a parsed value is, or undefined when it is none of them. */
export function detectFormat(value: unknown): ImportFormat | undefined {
  if (!isPlainObject(value)) return undefined;
  if ("schemaVersion" in value || "taskDefinitions" in value) return "design";
  if ("containerDefinitions" in value || isPlainObject(value.taskDefinition)) return "task-definition";
  if ("serviceName" in value || Array.isArray(value.services)) return "service";
  if (isPlainObject(value.services)) return "compose";
  return undefined;
}

function wrap(partial: Omit<Design, "layout" | "schemaVersion">): Design {
  const d = { ...emptyDesign(), ...partial };
  return { ...d, layout: gridLayout(d) };
}

/**
 * Imports a Stevedore design, an ECS task definition (RegisterTaskDefinition input or
 * DescribeTaskDefinition answer), an ECS service (CreateService input or DescribeServices
 * answer) or a Docker Compose file, given as text. Never throws.
 */
export function importText(text: string, opts: ImportTextOptions = {}): ImportTextResult {
  const bytes = new TextEncoder().encode(text).length;
  // Uploads and pasted text above the document limit are refused before parsing.
  if (bytes > MAX_DOCUMENT_BYTES) {
    return { ok: false, issues: [{ path: "(document)", message: `The input is ${(bytes / 1048576).toFixed(1)} MiB; Stevedore imports at most 1 MiB` }] };
  }
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { ok: false, issues: [{ path: "(document)", message: "The input is empty" }] };
  const name = opts.fileName?.toLowerCase() ?? "";
  const asJson = name.endsWith(".json") || (!/\.ya?ml$/.test(name) && /^\s*[[{]/.test(body));
  const parsed = asJson ? parseJson(body) : parseYaml(body);
  const requested = opts.format && opts.format !== "auto" ? opts.format : undefined;
  if (!parsed.ok) return { ok: false, ...(requested ? { format: requested } : {}), issues: parsed.issues };
  const format = requested ?? detectFormat(parsed.value);
  if (!format) {
    return {
      ok: false,
      issues: [{
        path: "(document)",
        message: "Not a format Stevedore knows: expected a design (schemaVersion), a task definition (containerDefinitions), a service (serviceName) or a Docker Compose file (services:)",
      }],
    };
  }
  return { ...importAs(format, parsed.value, opts.compose), format };
}

type Imported = { ok: true; design: Design; notes: ImportNote[] } | { ok: false; issues: ImportIssue[] };

function importAs(format: ImportFormat, value: unknown, composeTarget?: ComposeTarget): Imported {
  switch (format) {
    case "design": {
      const r = parseDesign(value);
      if (!r.ok) return r;
      const notes: ImportNote[] = r.upgradedFrom === undefined ? [] : [{ severity: "info", path: "schemaVersion", message: `Upgraded from schema version ${r.upgradedFrom}` }];
      notes.push(...nullNotes(r.nulls));
      return { ok: true, design: r.design, notes };
    }
    case "task-definition": {
      const r = importTaskDefinition(value);
      if (!r.ok) return r;
      return { ok: true, design: wrap({ clusters: [], taskDefinitions: [r.taskDefinition], services: [] }), notes: r.notes };
    }
    case "service": {
      const r = importServices(value);
      if (!r.ok) return r;
      return { ok: true, design: wrap({ clusters: r.clusters, taskDefinitions: [], services: r.services }), notes: r.notes };
    }
    case "compose": {
      const r = importCompose(value, composeTarget);
      if (!r.ok) return r;
      return { ok: true, design: wrap(r.design), notes: r.notes };
    }
  }
}
