import type { PriceTable, RegionPrices } from "./types";
import { AP_SOUTHEAST_2, EU_CENTRAL_1, EU_WEST_1, US_WEST_2 } from "./other-regions";
import { US_EAST_1 } from "./us-east-1";

export type { PriceTable, RegionPrices, FargateRates, SourcedPrice } from "./types";

/** The shipped table: only figures that could be sourced (a Region's own `date` says when it was read, if not the table's). */
export const PRICE_TABLE: PriceTable = {
  date: "2026-12-07", currency: "USD",
  regions: { "us-east-1": US_EAST_1, "us-west-2": US_WEST_2, "eu-west-1": EU_WEST_1, "eu-central-1": EU_CENTRAL_1, "ap-southeast-2": AP_SOUTHEAST_2 },
};

/**
 * The shipped table with the Regions refreshed since (from the Price List API, cached in the
 * database): a refreshed Region replaces the shipped one when it is at least as new.
 */
export function priceTableWith(refreshed: readonly RegionPrices[], base: PriceTable = PRICE_TABLE): PriceTable {
  const regions = { ...base.regions };
  for (const r of refreshed) {
    const current = regions[r.region];
    if (!current || (r.date ?? base.date) >= (current.date ?? base.date)) regions[r.region] = r;
  }
  return { ...base, regions };
}
