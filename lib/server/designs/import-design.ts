import type { Design } from "@/lib/domain/design";
import { importText, type ImportNote } from "@/lib/domain/ecs-json";
import { detectIacFormat, importIac } from "@/lib/domain/export";
import type { AppContext } from "../context";
import { ValidationError } from "../errors";
import { createDesign } from "./create-design";
import { checkText } from "./limits";
import type { ImportDesignInput } from "./schemas";

export type { ImportNote };

/** Creates a design from pasted or uploaded ECS JSON, a Stevedore design, a compose file, a Terraform file or a CloudFormation template. */
export async function importDesign(
  { ctx, input }: { ctx: AppContext; input: ImportDesignInput },
): Promise<{ id: string; version: number; notes: ImportNote[] }> {
  checkText(input.text);
  const file = { name: input.fileName ?? "pasted", text: input.text };
  const result = detectIacFormat([file])
    ? iacResult(await importIac({ files: [file] }, (await import("@cdktf/hcl2json")).parse))
    : importText(input.text, { fileName: input.fileName });
  if (!result.ok) throw new ValidationError(result.issues, "The file could not be imported");
  const name = input.name ?? defaultName(input.fileName, result.design);
  const created = await createDesign({ ctx, input: { name, document: result.design } });
  return { ...created, notes: result.notes };
}

function defaultName(fileName: string | undefined, design: Design): string {
  const base = fileName?.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "").trim();
  const name = base || design.taskDefinitions[0]?.family || design.clusters[0]?.clusterName || "Imported design";
  return name.slice(0, 200);
}

/** Terraform or CloudFormation's import notes as the import's warnings (what the design does not hold). */
function iacResult(r: Awaited<ReturnType<typeof importIac>>): { ok: true; design: Design; notes: ImportNote[] } | { ok: false; issues: { path: string; message: string }[] } {
  if (!r.ok) return { ok: false, issues: r.issues.map((i) => ({ path: i.path, message: i.message })) };
  return { ok: true, design: r.design, notes: r.notes.map((n) => ({ severity: "warning", path: n.path, message: `not imported: ${n.message}` })) };
}
