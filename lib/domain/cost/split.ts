import type { CapacityProviderStrategyItem, Cluster, Service } from "../design";
import { nonEmpty } from "../rules/checks/service-util";

/**
 * How ECS splits `count` tasks over a capacity provider strategy: `base` tasks first on the
 * provider that has one, the rest in proportion to the weights (fractions kept: this is an
 * average, ECS places whole tasks).
 */
export function splitByStrategy(items: readonly CapacityProviderStrategyItem[], count: number): Map<string, number> {
  const out = new Map<string, number>(items.map((i) => [i.capacityProvider, 0]));
  let left = count;
  for (const i of items) {
    const b = Math.min(left, i.base ?? 0);
    if (b > 0) { out.set(i.capacityProvider, (out.get(i.capacityProvider) ?? 0) + b); left -= b; }
  }
  const weights = items.reduce((s, i) => s + (i.weight ?? 0), 0);
  if (left > 0 && weights > 0) {
    for (const i of items) out.set(i.capacityProvider, (out.get(i.capacityProvider) ?? 0) + (left * (i.weight ?? 0)) / weights);
  } else if (left > 0) {
    // No weights at all: ECS places nothing beyond base; keep the tasks on the first provider so they are not lost from the estimate.
    out.set(items[0].capacityProvider, (out.get(items[0].capacityProvider) ?? 0) + left);
  }
  return out;
}

/** The capacity provider strategy a service's tasks follow: its own, else its cluster's default; none with a launchType. */
export function strategyOf(s: Service, cluster: Cluster | undefined): CapacityProviderStrategyItem[] | undefined {
  if (s.launchType) return undefined;
  if (nonEmpty(s.capacityProviderStrategy)) return [...s.capacityProviderStrategy];
  if (cluster && nonEmpty(cluster.defaultCapacityProviderStrategy)) return [...cluster.defaultCapacityProviderStrategy];
  return undefined;
}
