import type { ComponentType } from "react";
import type { NodeProps, NodeTypes } from "@xyflow/react";
import type { NodeKind } from "@/lib/domain/designer";
import { CapacityProviderNode } from "./capacity-provider/node";
import { CapacityProviderPanel } from "./capacity-provider/panel";
import { ClusterNode } from "./cluster/node";
import { ClusterPanel } from "./cluster/panel";
import { ContainerNode } from "./container/node";
import { ContainerPanel } from "./container/panel";
import { LoadBalancerNode } from "./load-balancer/node";
import { LoadBalancerPanel } from "./load-balancer/panel";
import { ScheduledTaskNode } from "./scheduled-task/node";
import { ScheduledTaskPanel } from "./scheduled-task/panel";
import { ServiceNode } from "./service/node";
import { ServicePanel } from "./service/panel";
import { TargetGroupNode } from "./target-group/node";
import { TargetGroupPanel } from "./target-group/panel";
import { TaskDefinitionNode } from "./task-definition/node";
import { TaskDefinitionPanel } from "./task-definition/panel";
import type { PanelProps } from "./panel-types";
import type { RfNode } from "./types";

type KindEntry<K extends NodeKind> = {
  label: string;
  node: ComponentType<NodeProps<RfNode<K>>>;
  panel: ComponentType<PanelProps<K>>;
};

/** Every node kind with its canvas component and inspector panel; adding a kind is one entry here. */
export const NODE_KINDS: { [K in NodeKind]: KindEntry<K> } = {
  cluster: { label: "Cluster", node: ClusterNode, panel: ClusterPanel },
  service: { label: "Service", node: ServiceNode, panel: ServicePanel },
  taskDefinition: { label: "Task definition", node: TaskDefinitionNode, panel: TaskDefinitionPanel },
  container: { label: "Container", node: ContainerNode, panel: ContainerPanel },
  targetGroup: { label: "Target group", node: TargetGroupNode, panel: TargetGroupPanel },
  loadBalancer: { label: "Load balancer", node: LoadBalancerNode, panel: LoadBalancerPanel },
  scheduledTask: { label: "Scheduled task", node: ScheduledTaskNode, panel: ScheduledTaskPanel },
  capacityProvider: { label: "Capacity provider", node: CapacityProviderNode, panel: CapacityProviderPanel },
};

/** For React Flow: defined once at module level so the object never changes identity. */
export const nodeTypes: NodeTypes = Object.fromEntries(
  Object.entries(NODE_KINDS).map(([k, v]) => [k, v.node as ComponentType<NodeProps>]),
) as NodeTypes;
