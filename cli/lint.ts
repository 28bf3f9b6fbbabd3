import { importText, type ComposeTarget, type ImportFormat, type ImportIssue, type ImportNote } from "../lib/domain/ecs-json";
import { validateDesign, type Finding } from "../lib/domain/rules";
import { readInput } from "./read-input";

export type LintOptions = { json?: boolean; strict?: boolean; verbose?: boolean };

/** One file's result; `issues` is set when the file could not be read or imported. */
export type FileReport = {
  file: string;
  format?: ImportFormat;
  findings: (Finding & { field: string })[];
  notes: ImportNote[];
  issues?: ImportIssue[];
};

/** The field as the user wrote it: paths into a lone task definition drop the design's `taskDefinitions[0]`. */
export function fieldOf(format: ImportFormat | undefined, path: Finding["path"]): string {
  const rel = format === "task-definition" && path[0] === "taskDefinitions" ? path.slice(2) : path;
  let out = "";
  for (const p of rel) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out || "(document)";
}

export async function lintFile(file: string, compose?: ComposeTarget): Promise<FileReport> {
  const read = await readInput(file);
  if (!read.ok) return { file, findings: [], notes: [], issues: [{ path: "(file)", message: `cannot read: ${read.message}` }] };
  const r = importText(read.text, { fileName: file, compose });
  if (!r.ok) return { file, ...(r.format ? { format: r.format } : {}), findings: [], notes: [], issues: r.issues };
  const findings = validateDesign(r.design).map((f) => ({ ...f, field: fieldOf(r.format, f.path) }));
  return { file, format: r.format, findings, notes: r.notes };
}

/** 2 when any input is unreadable or malformed, 1 when errors (or, with --strict, warnings) were found, else 0. */
export function exitCodeOf(reports: FileReport[], strict = false): number {
  if (reports.some((r) => r.issues)) return 2;
  const failing = (s: string) => s === "error" || (strict && s === "warning");
  return reports.some((r) => r.findings.some((f) => failing(f.severity)) || r.notes.some((n) => failing(n.severity))) ? 1 : 0;
}
