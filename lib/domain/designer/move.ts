import type { Design, LayoutEntry } from "../design";
import { MAX_CONTAINERS_PER_TASK } from "../ecs-facts/task-definition";
import { containerLayouts, freeChildSlot, moveLayoutKey, SIZES } from "./layout";
import { uniqueName } from "./names";
import { dropContainerRefs } from "./references";
import { containerNodeId, resolveNode } from "./resolve";
import { fail, type EditResult } from "./result";

/**
 * Moves a container to another task definition. Its name is made unique there; its own
 * dependsOn/links are dropped (they named containers of the old task) and old siblings stop
 * depending on it, because ECS resolves those names only within one task definition.
 */
export function moveContainer(design: Design, containerId: string, targetTdId: string, at?: { x: number; y: number }): EditResult {
  const r = resolveNode(design, containerId);
  if (!r || r.kind !== "container") return fail("Only containers move between task definitions.");
  const toIndex = design.taskDefinitions.findIndex((t) => t.id === targetTdId);
  if (toIndex < 0) return fail("Drop the container into a task definition.");
  if (toIndex === r.tdIndex) return { ok: true, design, id: containerId };
  const target = design.taskDefinitions[toIndex];
  if (target.containerDefinitions.length >= MAX_CONTAINERS_PER_TASK) {
    return fail(`A task definition holds at most ${MAX_CONTAINERS_PER_TASK} containers; ${target.family} is full.`);
  }
  const name = uniqueName(r.container.name, target.containerDefinitions.map((c) => c.name));
  const moved = { ...r.container, name };
  delete moved.dependsOn;
  delete moved.links;
  delete moved.volumesFrom;
  const source = r.taskDefinition;
  const taskDefinitions = design.taskDefinitions.slice();
  taskDefinitions[r.tdIndex] = {
    ...source,
    containerDefinitions: source.containerDefinitions.filter((_, i) => i !== r.index).map((c) => dropContainerRefs(c, r.container.name)),
  };
  taskDefinitions[toIndex] = { ...target, containerDefinitions: [...target.containerDefinitions, moved] };
  const id = containerNodeId(target.id, name);
  const entry: LayoutEntry = at ?? freeChildSlot(containerLayouts(design, target.id), SIZES.container);
  return { ok: true, id, design: { ...design, taskDefinitions, layout: moveLayoutKey(design.layout, containerId, id, entry) } };
}

/** Puts a service in another cluster (or none with `clusterId` undefined); it is re-slotted inside its new parent. */
export function setServiceCluster(design: Design, serviceId: string, clusterId: string | undefined, at?: { x: number; y: number }): EditResult {
  const i = design.services.findIndex((s) => s.id === serviceId);
  if (i < 0) return fail("That service is not in the design.");
  const cluster = clusterId ? design.clusters.find((c) => c.id === clusterId) : undefined;
  if (clusterId && !cluster) return fail("That cluster is not in the design.");
  const svc = design.services[i];
  const name = cluster?.clusterName ?? "";
  if (svc.cluster === name) return { ok: true, design, id: serviceId };
  if (design.services.some((s) => s.id !== svc.id && s.cluster === name && s.serviceName === svc.serviceName)) {
    return fail(`Cluster ${name} already has a service named ${svc.serviceName}.`);
  }
  const siblings = design.services.filter((s) => s.cluster === name && cluster).map((s) => design.layout[s.id]).filter(Boolean);
  const entry = at ?? (cluster ? freeChildSlot(siblings, SIZES.service) : { x: 0, y: 0 });
  const services = design.services.slice();
  services[i] = { ...svc, cluster: name };
  return { ok: true, id: serviceId, design: { ...design, services, layout: { ...design.layout, [serviceId]: entry } } };
}

/** Stores positions (and group sizes) after a drag or resize; entries equal to the stored ones keep the map. */
export function setLayout(design: Design, entries: Record<string, LayoutEntry>): Design {
  let layout = design.layout;
  for (const [id, e] of Object.entries(entries)) {
    const old = layout[id];
    const next: LayoutEntry = { ...old, ...e };
    if (old && old.x === next.x && old.y === next.y && old.width === next.width && old.height === next.height) continue;
    if (layout === design.layout) layout = { ...layout };
    layout[id] = next;
  }
  return layout === design.layout ? design : { ...design, layout };
}
