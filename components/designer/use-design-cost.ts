"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { estimateInstancesAction } from "@/lib/actions/designs";
import { designCost, providerLoads, type DesignCost, type ProviderInstances } from "@/lib/domain/cost";
import type { Design } from "@/lib/domain/design";
import { useEditor } from "./store/context";

// One computation per edited design, however many nodes ask for it. The instances under the
// design's Auto Scaling group and Managed Instances capacity providers come from the sandbox's
// placement on the server, asked for again only when what they depend on changes.
const cache = new WeakMap<Design, { instances: readonly ProviderInstances[] | undefined; cost: DesignCost }>();

const bounds = (s: Design["services"][number]) => ({ min: s.autoScaling?.minCapacity, max: s.autoScaling?.maxCapacity });

/** The cost of the design being edited (us-east-1 prices; the assumptions say so). */
export function useDesignCost(): DesignCost {
  const design = useEditor((s) => s.history.present);
  const loads = providerLoads(design, bounds);
  const placed = useQuery({
    queryKey: ["design-instances", JSON.stringify(loads)],
    queryFn: async () => {
      const r = await estimateInstancesAction({ design });
      if (!r.ok) throw new Error(r.message);
      return r.data;
    },
    enabled: loads.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const instances = loads.length > 0 ? placed.data : undefined;
  const hit = cache.get(design);
  if (hit && hit.instances === instances) return hit.cost;
  const cost = designCost(design, instances ? { instances } : {});
  cache.set(design, { instances, cost });
  return cost;
}
