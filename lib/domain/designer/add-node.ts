import type { Design } from "../design";
import { addCluster, addContainer, addService, addTargetGroup, addTaskDefinition } from "./add";
import { addCapacityProvider, CAPACITY_PROVIDER_SIZE } from "./capacity-providers";
import { addLoadBalancer, loadBalancerHeight } from "./load-balancers";
import { addScheduledTask } from "./scheduled-tasks";
import { childPositionAt, groupAt } from "./hit-test";
import { SIZES } from "./layout";
import { resolveNode, type NodeKind } from "./resolve";
import type { EditResult } from "./result";
import type { FlowNode } from "./to-flow";

const TOP_SIZE: Record<"cluster" | "taskDefinition" | "targetGroup" | "service" | "loadBalancer" | "capacityProvider" | "scheduledTask", { width: number; height: number }> = {
  cluster: { width: SIZES.group.minWidth, height: SIZES.group.minHeight },
  taskDefinition: { width: SIZES.group.minWidth, height: SIZES.group.minHeight },
  targetGroup: SIZES.targetGroup,
  service: SIZES.service,
  scheduledTask: SIZES.scheduledTask,
  loadBalancer: { width: SIZES.loadBalancer.width, height: loadBalancerHeight({ id: "", name: "", type: "application" }) },
  capacityProvider: CAPACITY_PROVIDER_SIZE,
};

/** The parent a keyboard add goes into: the selected group, or the group of the selected child. */
function parentFromSelection(design: Design, selection: string[], kind: "taskDefinition" | "cluster"): string | undefined {
  for (const id of selection) {
    const r = resolveNode(design, id);
    if (!r) continue;
    if (r.kind === kind) return id;
    if (kind === "taskDefinition" && r.kind === "container") return r.taskDefinition.id;
    if (kind === "cluster" && r.kind === "service") return design.clusters.find((c) => c.clusterName === r.service.cluster)?.id;
  }
  return undefined;
}

/**
 * Adds a node of `kind` centred on a flow point. `via: "drop"` picks the parent under the point;
 * `via: "keyboard"` picks it from the selection (and falls back to the point for top-level kinds).
 */
export function addNodeAt(
  design: Design, nodes: readonly FlowNode[], selection: string[], kind: NodeKind, point: { x: number; y: number }, via: "drop" | "keyboard",
): EditResult {
  const centred = (size: { width: number; height: number }) => ({ x: Math.round(point.x - size.width / 2), y: Math.round(point.y - size.height / 2) });
  const { header, pad } = SIZES.group;
  switch (kind) {
    case "cluster": return addCluster(design, { at: centred(TOP_SIZE.cluster) });
    case "taskDefinition": return addTaskDefinition(design, { at: centred(TOP_SIZE.taskDefinition) });
    case "targetGroup": return addTargetGroup(design, { at: centred(TOP_SIZE.targetGroup) });
    case "loadBalancer": return addLoadBalancer(design, { at: centred(TOP_SIZE.loadBalancer) });
    case "scheduledTask": return addScheduledTask(design, { at: centred(TOP_SIZE.scheduledTask) });
    case "capacityProvider": return addCapacityProvider(design, { at: centred(TOP_SIZE.capacityProvider) });
    case "container": {
      if (via === "keyboard") {
        const tdId = parentFromSelection(design, selection, "taskDefinition") ?? (design.taskDefinitions.length === 1 ? design.taskDefinitions[0].id : undefined);
        if (!tdId) return { ok: false, reason: "Select a task definition first: containers are added into it." };
        return addContainer(design, tdId);
      }
      const td = groupAt(nodes, point, "taskDefinition");
      if (!td) return { ok: false, reason: "Drop the container inside a task definition." };
      return addContainer(design, td.id, { at: freeAt(nodes, td.id, childPositionAt(td, point, SIZES.container, header, pad), SIZES.container) });
    }
    case "service": {
      if (via === "keyboard") {
        const clusterId = parentFromSelection(design, selection, "cluster");
        return addService(design, clusterId ? { clusterId } : { at: centred(TOP_SIZE.service) });
      }
      const cluster = groupAt(nodes, point, "cluster");
      return cluster
        ? addService(design, { clusterId: cluster.id, at: freeAt(nodes, cluster.id, childPositionAt(cluster, point, SIZES.service, header, pad), SIZES.service) })
        : addService(design, { at: centred(TOP_SIZE.service) });
    }
  }
}

/** The drop position, unless it would cover a sibling; then undefined, so the add picks a free slot. */
function freeAt(nodes: readonly FlowNode[], parentId: string, at: { x: number; y: number }, size: { width: number; height: number }) {
  const covers = nodes.some((n) => n.parentId === parentId
    && at.x < n.position.x + n.width && at.x + size.width > n.position.x
    && at.y < n.position.y + n.height && at.y + size.height > n.position.y);
  return covers ? undefined : at;
}
