export * from "./model";
export { renderCostText } from "./render";
export { PRICE_TABLE, priceTableWith, type PriceTable, type RegionPrices, type SourcedPrice } from "./prices";
export { USAGE_TYPE_PREFIX, priceListQueries, readPriceList, type PriceListProduct, type ReadPriceList } from "./price-list";
export * from "./instances";
