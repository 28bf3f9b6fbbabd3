import { z } from "zod";
import { createPricingPort } from "../lib/aws";
import { DEFAULT_REGION, priceTableWith, renderCostText, type DesignCost, type PriceTable } from "../lib/domain/cost";
import { placedDesignCost, readRegionPrices } from "../lib/server/plan";
import { connectionOf } from "./plan";
import { importText, type ComposeTarget } from "../lib/domain/ecs-json";
import { readInput } from "./read-input";
import { located } from "./render";

// `stevedore cost FILE [--region R] [--json]`: what a design (or any file `lint` reads) costs per
// month at the shipped on-demand prices. Exit codes: 0 everything priced, 1 priced but some of it
// could not be (listed under "Not priced" / `unknowns`), 2 unreadable or malformed input, bad
// usage, or a Region the price table does not have. --refresh-prices first reads the Region's
// prices from the Price List API (GetProducts) with the AWS credentials (--profile, or the
// environment's; --endpoint for another implementation, e.g. the sandbox's /sandbox/aws).

export const CostFlagsSchema = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "--region must be an AWS Region such as us-east-1").optional(),
  json: z.boolean().optional(),
  refreshPrices: z.boolean().optional(),
  endpoint: z.url({ message: "--endpoint must be a URL, e.g. http://localhost:3000/sandbox/aws" }).optional(),
  profile: z.string().min(1).optional(),
});

export type CostResult = { ok: true; cost: DesignCost } | { ok: false; message: string };

export async function costFile(file: string, raw: unknown, compose?: ComposeTarget): Promise<CostResult> {
  const flags = CostFlagsSchema.safeParse(raw);
  if (!flags.success) return { ok: false, message: flags.error.issues.map((i) => i.message).join("; ") };
  const read = await readInput(file);
  if (!read.ok) return { ok: false, message: `${file}: cannot read: ${read.message}` };
  const r = importText(read.text, { fileName: file, compose });
  if (!r.ok) return { ok: false, message: r.issues.map((i) => `${file}: ${located(i.path, i.message)}`).join("\n") };
  const region = flags.data.region;
  let table: PriceTable | undefined;
  if (flags.data.refreshPrices) {
    const refreshed = await refreshedTable(region ?? DEFAULT_REGION, flags.data);
    if (!refreshed.ok) return refreshed;
    table = refreshed.table;
  }
  return { ok: true, cost: placedDesignCost(r.design, { ...(region ? { region } : {}), ...(table ? { table } : {}) }) };
}

/** The shipped table with `region` read from the Price List now (dated today). */
async function refreshedTable(region: string, f: { endpoint?: string; profile?: string }): Promise<{ ok: true; table: PriceTable } | { ok: false; message: string }> {
  const pricing = createPricingPort({ ...connectionOf({ region, ...(f.endpoint ? { endpoint: f.endpoint } : {}), ...(f.profile ? { profile: f.profile } : {}) }), maxAttempts: 3 });
  try {
    const read = await readRegionPrices(pricing, region);
    if (!read.ok) return { ok: false, message: `--refresh-prices: ${read.message}` };
    return { ok: true, table: priceTableWith([{ ...read.prices, date: new Date().toISOString().slice(0, 10) }]) };
  } catch (e) {
    return { ok: false, message: `--refresh-prices: the Price List could not be read: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  } finally {
    pricing.destroy();
  }
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
