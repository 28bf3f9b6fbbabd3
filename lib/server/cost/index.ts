export { refreshPrices, RefreshPricesInputSchema, type RefreshedPrices } from "./refresh-prices";
export { loadPriceTable, listRefreshedRegions } from "./price-table";
export { placedDesignCost, placedInstances } from "../plan/placed-cost";
export { estimateInstances, EstimateInstancesInputSchema } from "./estimate-instances";
