import type { CapacityProviderDesign, Cluster, ContainerDefinition, Design, LoadBalancerDesign, ScheduledTask, Service, TargetGroup, TaskDefinition } from "../design";

export type NodeKind = "cluster" | "taskDefinition" | "container" | "service" | "targetGroup" | "loadBalancer" | "capacityProvider" | "scheduledTask";

/** What a canvas node id points at, with its position in the design (for paths). */
export type Resolved =
  | { kind: "cluster"; index: number; cluster: Cluster }
  | { kind: "taskDefinition"; index: number; taskDefinition: TaskDefinition }
  | { kind: "container"; tdIndex: number; index: number; taskDefinition: TaskDefinition; container: ContainerDefinition }
  | { kind: "service"; index: number; service: Service }
  | { kind: "targetGroup"; index: number; targetGroup: TargetGroup }
  | { kind: "loadBalancer"; index: number; loadBalancer: LoadBalancerDesign }
  | { kind: "scheduledTask"; index: number; scheduledTask: ScheduledTask }
  | { kind: "capacityProvider"; index: number; capacityProvider: CapacityProviderDesign };

/** Container node ids are `${taskDefinitionId}/${containerName}`, the same as their layout key. */
export function containerNodeId(tdId: string, name: string): string {
  return `${tdId}/${name}`;
}

export function resolveNode(design: Design, nodeId: string): Resolved | undefined {
  const slash = nodeId.indexOf("/");
  if (slash > 0) {
    const tdId = nodeId.slice(0, slash);
    const name = nodeId.slice(slash + 1);
    const tdIndex = design.taskDefinitions.findIndex((t) => t.id === tdId);
    if (tdIndex < 0) return undefined;
    const td = design.taskDefinitions[tdIndex];
    const index = td.containerDefinitions.findIndex((c) => c.name === name);
    return index < 0 ? undefined : { kind: "container", tdIndex, index, taskDefinition: td, container: td.containerDefinitions[index] };
  }
  let i = design.clusters.findIndex((c) => c.id === nodeId);
  if (i >= 0) return { kind: "cluster", index: i, cluster: design.clusters[i] };
  i = design.taskDefinitions.findIndex((t) => t.id === nodeId);
  if (i >= 0) return { kind: "taskDefinition", index: i, taskDefinition: design.taskDefinitions[i] };
  i = design.services.findIndex((s) => s.id === nodeId);
  if (i >= 0) return { kind: "service", index: i, service: design.services[i] };
  const groups = design.targetGroups ?? [];
  i = groups.findIndex((g) => g.id === nodeId);
  if (i >= 0) return { kind: "targetGroup", index: i, targetGroup: groups[i] };
  const lbs = design.loadBalancers ?? [];
  i = lbs.findIndex((l) => l.id === nodeId);
  if (i >= 0) return { kind: "loadBalancer", index: i, loadBalancer: lbs[i] };
  const schedules = design.scheduledTasks ?? [];
  i = schedules.findIndex((t) => t.id === nodeId);
  if (i >= 0) return { kind: "scheduledTask", index: i, scheduledTask: schedules[i] };
  const providers = design.capacityProviders ?? [];
  i = providers.findIndex((p) => p.id === nodeId);
  if (i >= 0) return { kind: "capacityProvider", index: i, capacityProvider: providers[i] };
  return undefined;
}
