import { z } from "zod";
import type { Design } from "../design";
import { gridLayout } from "../ecs-json";
import { MAX_DOCUMENT_BYTES } from "../design/limits";
import { importCloudFormation } from "./import-cloudformation";
import { importTerraform, type HclParse } from "./import-terraform";
import { looksLikeTemplate, parseTemplate } from "./parse-template";

// One entry for infrastructure-as-code imports (the import dialog's server action and
// `stevedore convert --to design`): Terraform files or one CloudFormation template, the format
// named or detected from the file names and content, inputs checked by one zod schema.

export const IAC_FORMATS = ["terraform", "cloudformation"] as const;
export type IacFormat = (typeof IAC_FORMATS)[number];
/** At most this many files in one import (a Terraform directory, with its .tfvars and the JSON files it reads). */
export const MAX_IAC_FILES = 50;

export const IacImportInputSchema = z.object({
  files: z.array(z.object({
    name: z.string().min(1, "a file needs a name").max(255, "a file name is at most 255 characters"),
    text: z.string(),
  })).min(1, "give at least one file").max(MAX_IAC_FILES, `at most ${MAX_IAC_FILES} files in one import`)
    .refine((fs) => fs.reduce((n, f) => n + f.text.length, 0) <= MAX_DOCUMENT_BYTES, { message: "the files are larger than 1 MiB together" }),
  from: z.enum(IAC_FORMATS).optional(),
});
export type IacImportInput = z.infer<typeof IacImportInputSchema>;

export type IacNote = { path: string; message: string };
export type IacImport =
  | { ok: true; format: IacFormat; design: Design; notes: IacNote[] }
  | { ok: false; issues: { path: string; message: string; line?: number }[] };

const HCL = /(^|\n)\s*(resource|variable|locals|module|data|provider|terraform)\s+("[^"]*"\s*)*\{/;

/** Terraform or CloudFormation, from file names (.tf, .tfvars) then content; undefined when neither reads as one. */
export function detectIacFormat(files: { name: string; text: string }[]): IacFormat | undefined {
  if (files.some((f) => /\.(tf|tfvars)$/i.test(f.name))) return "terraform";
  if (files.some((f) => looksLikeTemplate(f.text))) return "cloudformation";
  if (files.some((f) => HCL.test(f.text))) return "terraform";
  return undefined;
}

/** The files as a design, through the format's importer; `parse` is the HCL parser (the caller's edge). */
export async function importIac(input: IacImportInput, parse: HclParse): Promise<IacImport> {
  const format = input.from ?? detectIacFormat(input.files);
  if (!format) return { ok: false, issues: [{ path: "from", message: "neither Terraform (.tf files, resource blocks) nor a CloudFormation template (Resources with AWS:: types): name the format" }] };
  if (format === "terraform") {
    // Pasted HCL has no file name: it is one main.tf.
    const files = input.files.map((f) => (/\.(tf|tfvars|json)$/i.test(f.name) ? f : { ...f, name: `${f.name.replace(/[^\w.-]+/g, "_")}.tf` }));
    const r = await importTerraform(files, parse);
    return r.ok ? { ok: true, format, design: laidOut(r.design), notes: r.notes } : r;
  }
  if (input.files.length !== 1) return { ok: false, issues: [{ path: "files", message: "a CloudFormation import reads one template at a time" }] };
  const parsed = parseTemplate(input.files[0].text);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => ({ ...i, path: `${input.files[0].name}${i.line ? `:${i.line}` : ""}` , message: i.message })) };
  const r = importCloudFormation(parsed.template);
  return { ok: true, format, design: laidOut(r.design), notes: r.notes };
}

const laidOut = (d: Design): Design => ({ ...d, layout: gridLayout(d) });
