import { z } from "zod";
import { toJson } from "@/lib/db";
import type { RegionPrices } from "@/lib/domain/cost";
import { recordAudit } from "../audit";
import { withAws } from "../aws-ports";
import type { AppContext } from "../context";
import { AwsCallError } from "../errors";
import { loadEnvironmentRow } from "../environments";
import { RegionSchema } from "../environments/schemas";
import { readRegionPrices } from "../plan";

export const RefreshPricesInputSchema = z.object({
  environmentId: z.uuid("An environment id"),
  /** The Region whose prices to read; the environment's own when left out. */
  region: z.preprocess((v) => (v === "" ? undefined : v), RegionSchema.optional()),
});
export type RefreshPricesInput = z.infer<typeof RefreshPricesInputSchema>;

/** What a refresh read: `kept` figures came from the shipped table, `missing` ones are in neither (not priced). */
export type RefreshedPrices = { region: string; priceDate: string; products: number; kept: string[]; missing: string[]; instanceTypes: string[] };

/**
 * Reads a Region's prices from the environment's Price List API (GetProducts on AmazonECS,
 * AWSELB, AmazonVPC and AmazonEC2, every page), turns them into the cost model's table and keeps
 * it in `price_tables`, dated today, with an audit row in the same transaction. A figure the Price
 * List lacks is kept from the shipped table (and named); a Region with no shipped table needs all.
 */
export async function refreshPrices({ ctx, input }: { ctx: AppContext; input: RefreshPricesInput }): Promise<RefreshedPrices> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  const region = input.region ?? env.region;
  const read = await withAws(ctx, env, "pricing", (pricing) => readRegionPrices(pricing, region));
  const priceDate = ctx.clock.now().toISOString().slice(0, 10);
  if (!read.ok) throw new AwsCallError("pricing", "PriceListUnusable", read.message);
  const prices: RegionPrices = { ...read.prices, date: priceDate };
  const row = { priceDate, prices: toJson(prices), products: read.read, environmentId: env.id, refreshedAt: ctx.clock.now() };
  const result: RefreshedPrices = { region, priceDate, products: read.read, kept: read.kept, missing: read.missing, instanceTypes: Object.keys(prices.ec2).sort() };
  await ctx.db.$transaction(async (tx) => {
    await tx.priceTableRefresh.upsert({ where: { region }, create: { region, ...row }, update: row });
    await recordAudit(tx, ctx, { target: { type: "environment", id: env.id }, environmentId: env.id, after: result });
  });
  return result;
}
