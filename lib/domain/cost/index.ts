export * from "./model";
export { PRICE_TABLE, type PriceTable, type RegionPrices } from "./prices";
export { renderCostText } from "./render";
