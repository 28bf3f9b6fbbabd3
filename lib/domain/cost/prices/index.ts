import type { PriceTable } from "./types";
import { US_EAST_1 } from "./us-east-1";

export type { PriceTable, RegionPrices, FargateRates } from "./types";

/** The shipped table: only Regions whose prices could be sourced. */
export const PRICE_TABLE: PriceTable = { date: "2026-12-07", currency: "USD", regions: { "us-east-1": US_EAST_1 } };
