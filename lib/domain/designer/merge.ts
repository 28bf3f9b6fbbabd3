import type { Design } from "../design";
import { CLIPBOARD_KIND, paste } from "./clipboard";
import { SIZES } from "./layout";

/**
 * Merges every resource of `incoming` into `design` through the clipboard's paste: new ids,
 * `name-2` on collisions, references following renames. Into a non-empty design the incoming
 * resources are placed below what is there. Returns the new top-level node ids.
 */
export function mergeDesign(design: Design, incoming: Design): { design: Design; ids: string[] } {
  const tops = [...design.clusters, ...design.taskDefinitions, ...design.services, ...(design.targetGroups ?? []), ...(design.loadBalancers ?? []),
    ...(design.scheduledTasks ?? []), ...(design.capacityProviders ?? [])]
    .map((x) => design.layout[x.id])
    .filter((l): l is NonNullable<typeof l> => !!l);
  const bottom = tops.length ? Math.max(...tops.map((l) => l.y + (l.height ?? SIZES.group.minHeight * 2))) : 0;
  const incomingTops = Object.entries(incoming.layout).filter(([k]) => !k.includes("/")).map(([, l]) => l.y);
  const top = incomingTops.length ? Math.min(...incomingTops) : 0;
  const offset = { x: 0, y: tops.length ? Math.max(0, bottom + 120 - top) : 0 };
  return paste(design, {
    kind: CLIPBOARD_KIND,
    clusters: incoming.clusters,
    taskDefinitions: incoming.taskDefinitions,
    services: incoming.services,
    targetGroups: incoming.targetGroups ?? [],
    loadBalancers: incoming.loadBalancers ?? [],
    scheduledTasks: incoming.scheduledTasks ?? [],
    capacityProviders: incoming.capacityProviders ?? [],
    containers: [],
    layout: incoming.layout,
  }, { offset });
}
