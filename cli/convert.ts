import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { type ComposeTarget, exportDesignAsEcs, exportService, exportTaskDefinition, importText, type ImportNote } from "../lib/domain/ecs-json";
import type { Design } from "../lib/domain/design";
import { detectIacFormat, EXPORT_DESIGN_ID, exportCdk, exportCloudFormation, exportTerraform, IAC_FORMATS, IacImportInputSchema, importIac, terraformImportsFor, type ExportFile } from "../lib/domain/export";
import { planDesignAt, TargetFlagsSchema } from "./plan";
import { readInput } from "./read-input";
import { located } from "./render";

export const CONVERT_TARGETS = ["design", "task-definition", "service", "ecs", "terraform", "cloudformation", "cdk"] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];
export const TEMPLATE_FORMATS = ["yaml", "json"] as const;
export const IGNORABLE = ["image", "desiredCount"] as const;
export const SOURCE_FORMATS = IAC_FORMATS;
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
  /** Terraform: read the account (--endpoint/--profile, --region) and write an `import {}` block for each exported resource that exists there. */
  importExisting?: boolean;
  endpoint?: string;
  profile?: string;
  region?: string;
  /** CDK: the app's name (its stack class and files); default the input file's name. */
  name?: string;
  /** Terraform, CloudFormation, CDK: the design's id, naming its own schedule group `stevedore-<id>` (default EXPORT_DESIGN_ID). */
  designId?: string;
  /** The input's format when detection (file names, content) is not enough. */
  from?: (typeof IAC_FORMATS)[number];
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

/**
 * Reads FILES — one file importText knows, or Terraform files (a .tfvars among them gives the
 * variables' values) or one CloudFormation template — and produces what `opts.to` asks for.
 */
export async function convertFiles(given: string[], opts: ConvertOptions, compose?: ComposeTarget): Promise<ConvertResult> {
  const paths = (await Promise.all(given.map(terraformDirectory))).flat();
  const files: { name: string; text: string }[] = [];
  for (const path of paths) {
    const read = await readInput(path);
    if (!read.ok) return { ok: false, message: `${path}: cannot read: ${read.message}` };
    files.push({ name: path === "-" ? "stdin" : path, text: read.text });
  }
  const file = paths.join(", ");
  let d: Design;
  let notes: ImportNote[];
  if (opts.from !== undefined || paths.length > 1 || detectIacFormat(files) !== undefined) {
    const input = IacImportInputSchema.safeParse({ files, from: opts.from });
    if (!input.success) return { ok: false, message: input.error.issues.map((i) => `${i.path.join(".") || "files"}: ${i.message}`).join("\n") };
    const r = await importIac(input.data, await hclParser());
    if (!r.ok) return { ok: false, message: r.issues.map((i) => located(i.path, i.message)).join("\n") };
    d = r.design;
    // The message carries its path first (located() then prints it once).
    notes = r.notes.map((n) => ({ severity: "warning", path: n.path, message: `${n.path}: not imported: ${n.message}` }));
  } else {
    const r = importText(files[0].text, { fileName: paths[0], compose });
    if (!r.ok) return { ok: false, message: r.issues.map((i) => `${file}: ${located(i.path, i.message)}`).join("\n") };
    ({ design: d, notes } = r);
  }
  switch (opts.to) {
    case "terraform": {
      const imports = (opts.import ?? []).map((x) => ({ address: x.slice(0, x.indexOf("=")), id: x.slice(x.indexOf("=") + 1) }));
      const bad = (opts.import ?? []).find((x) => !/^aws_[a-z0-9_]+\.[A-Za-z0-9_-]+=.+$/.test(x));
      if (bad !== undefined) return { ok: false, message: `--import ${bad}: expected ADDRESS=ID, e.g. aws_ecs_service.web=main/web` };
      if (opts.importExisting) {
        const existing = await existingResources(d, opts);
        if (!existing.ok) return existing;
        imports.push(...existing.imports.filter((e) => !imports.some((i) => i.address === e.address)));
      }
      const r = exportTerraform(d, { singleFile: !opts.split, ignoreChanges: opts.ignoreChanges, imports, designId: opts.designId });
      return { ok: true, files: r.files, notes: [...notes, ...exportNotes("Terraform", r.unexpressed)] };
    }
    case "cloudformation": {
      const r = exportCloudFormation(d, { designId: opts.designId });
      const json = opts.format === "json";
      return { ok: true, files: [{ path: json ? "template.json" : "template.yaml", text: json ? r.json : r.yaml }], notes: [...notes, ...exportNotes("CloudFormation", r.unexpressed)] };
    }
    case "cdk": {
      const name = opts.name ?? (given[0] === "-" ? "stevedore" : basename(given[0], extname(given[0])));
      const r = exportCdk(d, { name, designId: opts.designId });
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

/** A directory as its Terraform files (.tf, .tfvars, and the .json files file() may read), not recursing; anything else as itself. */
async function terraformDirectory(path: string): Promise<string[]> {
  const s = path === "-" ? undefined : await stat(path).catch(() => undefined);
  if (!s?.isDirectory()) return [path];
  return (await readdir(path)).filter((f) => /\.(tf|tfvars|json)$/.test(f)).sort().map((f) => join(path, f));
}

/** hcl2json instantiates its WebAssembly when loaded: only for a Terraform import, not every command. */
async function hclParser() {
  return (await import("@cdktf/hcl2json")).parse;
}

/** The `import {}` blocks for what the design's export writes and the account already has (read as a plan reads it). */
async function existingResources(d: Design, opts: ConvertOptions): Promise<{ ok: true; imports: { address: string; id: string }[] } | { ok: false; message: string }> {
  const flags = TargetFlagsSchema.safeParse({ endpoint: opts.endpoint, profile: opts.profile, region: opts.region, designId: opts.designId });
  if (!flags.success) return { ok: false, message: `--import-existing: ${flags.error.issues.map((i) => i.message).join("; ")}` };
  const designId = opts.designId ?? EXPORT_DESIGN_ID;
  let planned: Awaited<ReturnType<typeof planDesignAt>> | undefined;
  try {
    planned = await planDesignAt(d, designId, flags.data);
    return { ok: true, imports: terraformImportsFor(d, planned.live, designId) };
  } catch (err) {
    return { ok: false, message: `--import-existing: cannot read the account${opts.endpoint ? ` at ${opts.endpoint}` : ""}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}` };
  } finally {
    planned?.destroy();
  }
}
