export * from "./schemas";
export { listLiveClusters } from "./list-live-clusters";
export { importCluster } from "./import-cluster";
