export { refreshPrices, RefreshPricesInputSchema, type RefreshedPrices } from "./refresh-prices";
export { loadPriceTable, listRefreshedRegions, type RefreshedRegion } from "./price-table";
