import type { ClusterRule } from "../types";
import { checkStrategy, nonEmpty } from "./service-util";

export const clusterCapacityProviders: ClusterRule = {
  id: "cluster-capacity-providers",
  title: "The cluster's default capacity provider strategy is valid",
  severity: "error",
  scope: "cluster",
  check(cluster, index) {
    const strategy = cluster.defaultCapacityProviderStrategy;
    if (!nonEmpty(strategy)) return [];
    return checkStrategy(strategy, ["defaultCapacityProviderStrategy"], cluster.capacityProviders ?? [], cluster.clusterName, index.design.capacityProviders);
  },
};
