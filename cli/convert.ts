import { type ComposeTarget, exportDesignAsEcs, exportService, exportTaskDefinition, importText, type ImportNote } from "../lib/domain/ecs-json";
import { basename, extname } from "node:path";
import { exportCdk, exportCloudFormation, exportTerraform, type ExportFile } from "../lib/domain/export";
import { readInput } from "./read-input";
import { located } from "./render";

export const CONVERT_TARGETS = ["design", "task-definition", "service", "ecs", "terraform", "cloudformation", "cdk"] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];
export const TEMPLATE_FORMATS = ["yaml", "json"] as const;
export const IGNORABLE = ["image", "desiredCount"] as const;
export type ConvertOptions = {
  to: ConvertTarget; family?: string; service?: string;
  /** CloudFormation: the template's syntax (yaml by default). */
  format?: (typeof TEMPLATE_FORMATS)[number];
  /** Terraform: what the configuration leaves to CI or the scaler (lifecycle ignore_changes). */
  ignoreChanges?: (typeof IGNORABLE)[number][];
  /** Terraform: write versions.tf, variables.tf and main.tf (true) instead of one main.tf. */
  split?: boolean;
  /** Terraform: resources that already exist, `ADDRESS=ID` (an `import {}` block each). */
  import?: string[];
  /** CDK: the app's name (its stack class and files); default the input file's name. */
  name?: string;
};

/**
 * What to write, with the import's notes (what was stripped, kept as is, or not converted):
 * JSON, or files (Terraform, CloudFormation). An export's "could not express" list is in its
 * files (a trailing comment, the template's Metadata) and, as notes, on standard error.
 */
export type ConvertResult =
  | { ok: true; json: unknown; notes: ImportNote[] }
  | { ok: true; files: ExportFile[]; notes: ImportNote[] }
  | { ok: false; message: string };

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
    case "terraform": {
      const imports = (opts.import ?? []).map((x) => ({ address: x.slice(0, x.indexOf("=")), id: x.slice(x.indexOf("=") + 1) }));
      const bad = (opts.import ?? []).find((x) => !/^aws_[a-z0-9_]+\.[A-Za-z0-9_-]+=.+$/.test(x));
      if (bad !== undefined) return { ok: false, message: `--import ${bad}: expected ADDRESS=ID, e.g. aws_ecs_service.web=main/web` };
      const r = exportTerraform(d, { singleFile: !opts.split, ignoreChanges: opts.ignoreChanges, imports });
      return { ok: true, files: r.files, notes: [...notes, ...exportNotes("Terraform", r.unexpressed)] };
    }
    case "cloudformation": {
      const r = exportCloudFormation(d);
      const json = opts.format === "json";
      return { ok: true, files: [{ path: json ? "template.json" : "template.yaml", text: json ? r.json : r.yaml }], notes: [...notes, ...exportNotes("CloudFormation", r.unexpressed)] };
    }
    case "cdk": {
      const name = opts.name ?? (file === "-" ? "stevedore" : basename(file, extname(file)));
      const r = exportCdk(d, { name });
      return { ok: true, files: r.files, notes: [...notes, ...exportNotes("the CDK app", r.unexpressed)] };
    }
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

/** An export's "could not express" list as import-style notes, for standard error. */
function exportNotes(format: string, items: { resource: string; path: string; why: string }[]): ImportNote[] {
  return items.map((u) => ({ severity: "warning", path: `${u.resource} ${u.path}`, message: `not expressed in ${format}: ${u.why}` }));
}
