import type { Design } from "../design";
import { dropContainerRefs } from "./references";
import { dropForwardRefs } from "./load-balancers";
import { containerNodeId, resolveNode } from "./resolve";
import { clusterOfService } from "./edges";
import { dropTargetGroupRefs, targetGroupRef } from "./target-groups";
import { dropProviderRefs } from "./capacity-providers";

/**
 * Removes nodes with what cannot exist without them: a cluster takes its services, a task
 * definition its containers, a container the dependsOn/links that name it, a target group the
 * service entries and forwards that point at it (an emptied forward stays for the validator to
 * report). A removed capacity provider leaves the clusters' lists and the strategies that name it
 * (an emptied strategy goes). A removed cluster or task definition leaves the schedules that ran in or from it (the
 * validator reports them). A removed load balancer leaves its target groups, which the validator then reports. Services that ran a removed task definition stay
 * (with their reference, which the validator then reports) because a service is worth more than
 * the edge. Returns the removed node ids, for the UI to say what went.
 */
export function removeNodes(design: Design, nodeIds: readonly string[]): { design: Design; removed: string[] } {
  const removed = new Set<string>();
  let d = design;
  for (const id of nodeIds) {
    const r = resolveNode(d, id);
    if (!r) continue;
    if (r.kind === "cluster") {
      const services = d.services.filter((s) => clusterOfService(d, s) === r.cluster);
      for (const s of services) removed.add(s.id);
      removed.add(id);
      d = {
        ...d,
        clusters: d.clusters.filter((c) => c !== r.cluster),
        services: d.services.filter((s) => !services.includes(s)),
      };
    } else if (r.kind === "taskDefinition") {
      for (const c of r.taskDefinition.containerDefinitions) removed.add(containerNodeId(id, c.name));
      removed.add(id);
      d = { ...d, taskDefinitions: d.taskDefinitions.filter((t) => t !== r.taskDefinition) };
    } else if (r.kind === "container") {
      const td = r.taskDefinition;
      const name = r.container.name;
      removed.add(id);
      const taskDefinitions = d.taskDefinitions.slice();
      taskDefinitions[r.tdIndex] = {
        ...td,
        containerDefinitions: td.containerDefinitions.filter((_, i) => i !== r.index).map((c) => dropContainerRefs(c, name)),
      };
      d = { ...d, taskDefinitions };
    } else if (r.kind === "service") {
      removed.add(id);
      d = { ...d, services: d.services.filter((s) => s !== r.service) };
    } else if (r.kind === "targetGroup") {
      const ref = targetGroupRef(r.targetGroup);
      removed.add(id);
      const loadBalancers = dropForwardRefs(d.loadBalancers, ref);
      d = {
        ...d,
        targetGroups: (d.targetGroups ?? []).filter((g) => g !== r.targetGroup),
        services: dropTargetGroupRefs(d.services, ref),
        ...(loadBalancers ? { loadBalancers } : {}),
      };
    } else if (r.kind === "scheduledTask") {
      removed.add(id);
      d = { ...d, scheduledTasks: (d.scheduledTasks ?? []).filter((t) => t !== r.scheduledTask) };
    } else if (r.kind === "capacityProvider") {
      removed.add(id);
      d = dropProviderRefs({ ...d, capacityProviders: (d.capacityProviders ?? []).filter((p) => p !== r.capacityProvider) }, r.capacityProvider.name);
    } else {
      removed.add(id);
      d = { ...d, loadBalancers: (d.loadBalancers ?? []).filter((l) => l !== r.loadBalancer) };
    }
  }
  if (removed.size === 0) return { design, removed: [] };
  const layout = { ...d.layout };
  for (const key of Object.keys(layout)) {
    const owner = key.includes("/") ? key.slice(0, key.indexOf("/")) : key;
    if (removed.has(key) || removed.has(owner)) delete layout[key];
  }
  return { design: { ...d, layout }, removed: [...removed] };
}
