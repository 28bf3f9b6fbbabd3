import type { CapacityProviderStrategyItem } from "../design";

/** `FARGATE (base 1, weight 1) + FARGATE_SPOT (weight 3)` */
export function strategyText(items: readonly CapacityProviderStrategyItem[]): string {
  return items
    .map((i) => {
      const parts = [i.base ? `base ${i.base}` : "", i.weight !== undefined ? `weight ${i.weight}` : ""].filter(Boolean);
      return parts.length ? `${i.capacityProvider} (${parts.join(", ")})` : i.capacityProvider;
    })
    .join(" + ");
}
