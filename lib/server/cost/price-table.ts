import { priceTableWith, type PriceTable, type RegionPrices } from "@/lib/domain/cost";
import type { AppContext } from "../context";

/** A Region refreshed from the Price List, as the page lists it. */
export type RefreshedRegion = { region: string; priceDate: string; products: number; refreshedAt: string };

/** The price table the cost model uses: the shipped one, with every Region refreshed since (the freshest wins). */
export async function loadPriceTable(ctx: Pick<AppContext, "db">): Promise<PriceTable> {
  const rows = await ctx.db.priceTableRefresh.findMany({ orderBy: { region: "asc" } });
  return priceTableWith(rows.map((r) => r.prices as unknown as RegionPrices));
}

/** Which Regions have been refreshed, and when. */
export async function listRefreshedRegions(ctx: Pick<AppContext, "db">): Promise<RefreshedRegion[]> {
  const rows = await ctx.db.priceTableRefresh.findMany({ orderBy: { region: "asc" }, select: { region: true, priceDate: true, products: true, refreshedAt: true } });
  return rows.map((r) => ({ region: r.region, priceDate: r.priceDate, products: r.products, refreshedAt: r.refreshedAt.toISOString() }));
}
