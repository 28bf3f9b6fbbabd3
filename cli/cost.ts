import { z } from "zod";
import { designCost, renderCostText, type DesignCost } from "../lib/domain/cost";
import { importText, type ComposeTarget } from "../lib/domain/ecs-json";
import { readInput } from "./read-input";
import { located } from "./render";

// `stevedore cost FILE [--region R] [--json]`: what a design (or any file `lint` reads) costs per
// month at the shipped on-demand prices. Exit codes: 0 everything priced, 1 priced but some of it
// could not be (listed under "Not priced" / `unknowns`), 2 unreadable or malformed input, bad
// usage, or a Region the price table does not have.

export const CostFlagsSchema = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "--region must be an AWS Region such as us-east-1").optional(),
  json: z.boolean().optional(),
});

export type CostResult = { ok: true; cost: DesignCost } | { ok: false; message: string };

export async function costFile(file: string, raw: unknown, compose?: ComposeTarget): Promise<CostResult> {
  const flags = CostFlagsSchema.safeParse(raw);
  if (!flags.success) return { ok: false, message: flags.error.issues.map((i) => i.message).join("; ") };
  const read = await readInput(file);
  if (!read.ok) return { ok: false, message: `${file}: cannot read: ${read.message}` };
  const r = importText(read.text, { fileName: file, compose });
  if (!r.ok) return { ok: false, message: r.issues.map((i) => `${file}: ${located(i.path, i.message)}`).join("\n") };
  return { ok: true, cost: designCost(r.design, { ...(flags.data.region ? { region: flags.data.region } : {}) }) };
}

/** Writes the report and returns the exit code. */
export async function runCost(file: string, raw: Record<string, unknown>): Promise<number> {
  const r = await costFile(file, raw);
  if (!r.ok) {
    process.stderr.write(`stevedore: ${r.message}\n`);
    return 2;
  }
  process.stdout.write(raw.json ? JSON.stringify(r.cost, null, 2) + "\n" : renderCostText(r.cost));
  if (!r.cost.regionKnown) {
    process.stderr.write(`stevedore: ${r.cost.unknowns[0]}\n`);
    return 2;
  }
  return r.cost.unknowns.length ? 1 : 0;
}
