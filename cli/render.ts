import type { ImportNote } from "../lib/domain/ecs-json";
import { RESOURCE_KIND_NAME, type Finding } from "../lib/domain/rules";
import type { FileReport } from "./lint";

type Paint = (code: number, s: string) => string;

/** `path: message`, or the message alone when the path is a whole-document one or the message already says where. */
export function located(path: string, message: string): string {
  return `${path.startsWith("(") || message.includes(path) ? "" : `${path}: `}${message}`;
}

/**
 * Import notes (what was stripped, kept as is, or not converted) as lines for standard error:
 * `stevedore: FILE: warning: PATH: MESSAGE`, so they reach a person even when standard output
 * is JSON for a machine.
 */
export function noteLines(file: string, notes: ImportNote[]): string {
  return notes.map((n) => `stevedore: ${file}: ${n.severity}: ${located(n.path, n.message)}\n`).join("");
}

/** The import notes a person sees: info ones only with verbose. */
export function shownNotes(notes: ImportNote[], verbose?: boolean): ImportNote[] {
  return notes.filter((n) => verbose || n.severity !== "info");
}

export function painter(enabled: boolean): Paint {
  return enabled ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_code, s) => s;
}

const SEVERITY_COLOUR = { error: 31, warning: 33, info: 36 } as const;
const FORMAT_LABEL = { design: "design", "task-definition": "task definition", service: "service", compose: "Docker Compose" } as const;

function count(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Human output: per file, findings grouped by resource and the counts (import notes' warnings
 * included; the notes themselves go to standard error, see `noteLines`). Info lines only with verbose.
 */
export function renderHuman(reports: FileReport[], opts: { colour: boolean; verbose?: boolean }): string {
  const paint = painter(opts.colour);
  const sev = (s: keyof typeof SEVERITY_COLOUR) => paint(SEVERITY_COLOUR[s], s.padEnd(7));
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    lines.push(paint(1, r.file) + (r.format ? paint(2, `  (${FORMAT_LABEL[r.format]})`) : ""));
    if (r.issues) {
      for (const i of r.issues) lines.push(`  ${sev("error")} ${paint(2, i.path)}  ${i.message}`);
      lines.push("");
      continue;
    }
    const shown = r.findings.filter((f) => opts.verbose || f.severity !== "info");
    const groups = new Map<string, Finding[]>();
    for (const f of shown) {
      const key = `${f.resource.kind}\u0000${f.resource.name}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const list of groups.values()) {
      const res = list[0].resource;
      lines.push(`  ${RESOURCE_KIND_NAME[res.kind]} ${paint(1, res.name || "(design)")}`);
      for (const f of list as FileReport["findings"]) {
        const where = f.resource.container ? `${f.field} (container ${f.resource.container})` : f.field;
        lines.push(`    ${sev(f.severity)} ${f.ruleId}  ${paint(2, where)}`);
        lines.push(`            ${f.message}`);
        if (f.fix) lines.push(`            ${paint(32, "fix:")} ${f.fix.description}`);
      }
    }
    const notes = shownNotes(r.notes, opts.verbose);
    const e = r.findings.filter((f) => f.severity === "error").length;
    const w = r.findings.filter((f) => f.severity === "warning").length + r.notes.filter((n) => n.severity === "warning").length;
    const hidden = r.findings.length + r.notes.length - shown.length - notes.length;
    errors += e;
    warnings += w;
    lines.push(`  ${e || w ? `${count(e, "error")}, ${count(w, "warning")}` : paint(32, "no problems")}${hidden ? paint(2, ` (${hidden} info hidden; --verbose shows them)`) : ""}`, "");
  }
  const bad = reports.filter((r) => r.issues).length;
  lines.push(`${count(reports.length, "file")}: ${count(errors, "error")}, ${count(warnings, "warning")}${bad ? `, ${bad} unreadable or malformed` : ""}`);
  return lines.join("\n") + "\n";
}
