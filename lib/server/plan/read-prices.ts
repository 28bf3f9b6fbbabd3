import type { PricingPort } from "../../aws";
import { PRICE_TABLE, priceListQueries, readPriceList, type ReadPriceList } from "../../domain/cost";

/** The instance types a refresh asks EC2 prices for: every type some shipped Region prices. */
const instanceTypes = () => [...new Set(Object.values(PRICE_TABLE.regions).flatMap((r) => Object.keys(r.ec2)))].sort();

/**
 * A Region's prices from the Price List API (every page of each GetProducts query), read into
 * the cost model's table over the shipped one: shared by the app's "Refresh prices" and
 * `stevedore cost --refresh-prices`.
 */
export async function readRegionPrices(pricing: PricingPort, region: string): Promise<ReadPriceList> {
  const items: string[] = [];
  for (const q of priceListQueries(region, instanceTypes())) items.push(...(await pricing.products(q)));
  return readPriceList(region, items, PRICE_TABLE.regions[region]);
}
