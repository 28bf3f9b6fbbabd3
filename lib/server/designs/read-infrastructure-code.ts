import { importIac, type IacImportInput } from "@/lib/domain/export";
import type { Design } from "@/lib/domain/design";
import type { AppContext } from "../context";
import { ValidationError } from "../errors";

/**
 * Terraform files or a CloudFormation template read as a design, with its import notes, for the
 * canvas's import dialog to show before anything is added. Changes nothing. HCL is parsed here
 * (hcl2json loads its WebAssembly from disk), the mapping is the domain's.
 */
export async function readInfrastructureCode(
  { input }: { ctx: AppContext; input: IacImportInput },
): Promise<{ format: "terraform" | "cloudformation"; design: Design; notes: { path: string; message: string }[] }> {
  // hcl2json instantiates its WebAssembly when loaded: loaded on the first import, not with the server.
  const r = await importIac(input, (await import("@cdktf/hcl2json")).parse);
  if (!r.ok) throw new ValidationError(r.issues.map((i) => ({ path: i.path, message: i.message })), "The files could not be read");
  return { format: r.format, design: r.design, notes: r.notes };
}
