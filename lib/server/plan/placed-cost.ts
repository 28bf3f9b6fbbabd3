import { DEFAULT_REGION, PRICE_TABLE, designCost, providerLoads, type CostOptions, type DesignCost, type InstancesFor } from "../../domain/cost";
import type { Design } from "../../domain/design";
import { providerInstanceNeeds } from "../../sandbox/instance-estimate";

/** The instances the design's capacity providers need, from the sandbox's placement (see lib/sandbox/ecs/instances-needed.ts). */
export const placedInstances: InstancesFor = (design, opts = {}) => {
  const prices = (opts.table ?? PRICE_TABLE).regions[opts.region ?? DEFAULT_REGION];
  const loads = providerLoads(design, (s) => opts.capacity?.[s.id] ?? { min: s.autoScaling?.minCapacity, max: s.autoScaling?.maxCapacity });
  return providerInstanceNeeds(loads, prices?.ec2 ?? {});
};

/** designCost with the capacity providers' instances priced from the sandbox's placement. */
export function placedDesignCost(design: Design, opts: CostOptions = {}): DesignCost {
  return designCost(design, { ...opts, instances: placedInstances(design, opts) });
}
