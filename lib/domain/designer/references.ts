import type { ContainerDefinition, Service } from "../design";
import { clusterNameOf, familyOf } from "../design";

// Reference rewriting shared by rename, move and paste. Each helper returns its input unchanged
// (same object) when nothing refers to the old name, to keep structural sharing.

/** Replaces the family in `web`, `web:3` or an ARN `…:task-definition/web:3`, keeping the revision. */
export function replaceFamily(ref: string, from: string, to: string): string {
  if (familyOf(ref) !== from) return ref;
  const slash = ref.lastIndexOf("/");
  const head = slash >= 0 ? ref.slice(0, slash + 1) : "";
  const tail = slash >= 0 ? ref.slice(slash + 1) : ref;
  return head + to + tail.slice(from.length);
}

export function replaceClusterName(ref: string, from: string, to: string): string {
  if (clusterNameOf(ref) !== from) return ref;
  return ref.startsWith("arn:") ? ref.slice(0, ref.lastIndexOf("/") + 1) + to : to;
}

const linkName = (link: string) => (link.includes(":") ? link.slice(0, link.indexOf(":")) : link);

/** Points dependsOn, links and volumesFrom of sibling containers at a container's new name. */
export function renameContainerRefs(c: ContainerDefinition, from: string, to: string): ContainerDefinition {
  let next = c;
  if (c.dependsOn?.some((d) => d.containerName === from)) {
    next = { ...next, dependsOn: c.dependsOn.map((d) => (d.containerName === from ? { ...d, containerName: to } : d)) };
  }
  if (c.links?.some((l) => linkName(l) === from)) {
    next = { ...next, links: c.links.map((l) => (linkName(l) === from ? to + l.slice(from.length) : l)) };
  }
  if (c.volumesFrom?.some((v) => v.sourceContainer === from)) {
    next = { ...next, volumesFrom: c.volumesFrom.map((v) => (v.sourceContainer === from ? { ...v, sourceContainer: to } : v)) };
  }
  return next;
}

/** Drops dependsOn, links and volumesFrom entries that name a container that is gone. */
export function dropContainerRefs(c: ContainerDefinition, gone: string): ContainerDefinition {
  let next = c;
  if (c.dependsOn?.some((d) => d.containerName === gone)) {
    const list = c.dependsOn.filter((d) => d.containerName !== gone);
    next = { ...next, dependsOn: list.length ? list : undefined };
  }
  if (c.links?.some((l) => linkName(l) === gone)) {
    const list = c.links.filter((l) => linkName(l) !== gone);
    next = { ...next, links: list.length ? list : undefined };
  }
  if (c.volumesFrom?.some((v) => v.sourceContainer === gone)) {
    const list = c.volumesFrom.filter((v) => v.sourceContainer !== gone);
    next = { ...next, volumesFrom: list.length ? list : undefined };
  }
  if (next !== c) for (const k of ["dependsOn", "links", "volumesFrom"] as const) if (next[k] === undefined) delete next[k];
  return next;
}

/** Services naming a container of a task definition (load balancers, service registries) follow its rename. */
export function renameServiceContainerRefs(s: Service, from: string, to: string): Service {
  let next = s;
  if (s.loadBalancers?.some((lb) => lb.containerName === from)) {
    next = { ...next, loadBalancers: s.loadBalancers.map((lb) => (lb.containerName === from ? { ...lb, containerName: to } : lb)) };
  }
  if (s.serviceRegistries?.some((r) => r.containerName === from)) {
    next = { ...next, serviceRegistries: s.serviceRegistries.map((r) => (r.containerName === from ? { ...r, containerName: to } : r)) };
  }
  return next;
}

export { linkName };
