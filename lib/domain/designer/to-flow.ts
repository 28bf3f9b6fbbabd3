import type { Design, LayoutEntry } from "../design";
import type { Finding, Severity } from "../rules/types";
import { buildEdges, clusterOfServiceIn, type FlowEdge } from "./edges";
import { CAPACITY_PROVIDER_SIZE, capacityProviderSummary, type CapacityProviderSummary } from "./capacity-providers";
import { childSlot, groupSize, SIZES } from "./layout";
import { loadBalancerHeight } from "./load-balancers";
import { sameJson } from "./same-json";
import { containerNodeId, type NodeKind } from "./resolve";
import { scheduledTaskSummary, type ScheduledTaskSummary } from "./scheduled-tasks";
import {
  clusterSummary, containerSummary, loadBalancerSummary, serviceSummary, targetGroupSummary, taskDefinitionSummary,
  type ClusterSummary, type ContainerSummary, type LoadBalancerSummary, type ServiceSummary, type TargetGroupSummary, type TaskDefinitionSummary,
} from "./summaries";

export type FindingCounts = Record<Severity, number>;

type DataOf = {
  cluster: ClusterSummary; taskDefinition: TaskDefinitionSummary; container: ContainerSummary;
  service: ServiceSummary; targetGroup: TargetGroupSummary; loadBalancer: LoadBalancerSummary; capacityProvider: CapacityProviderSummary; scheduledTask: ScheduledTaskSummary;
};
/** Node data: the resource's ids, a display summary and finding counts; nothing UI-only. */
export type NodeData<K extends NodeKind = NodeKind> = { kind: K; resourceId: string; summary: DataOf[K]; findings: FindingCounts };

/** Structurally a React Flow node (lib/domain cannot import @xyflow). */
export type FlowNode<K extends NodeKind = NodeKind> = {
  id: string;
  type: K;
  position: { x: number; y: number };
  width: number;
  height: number;
  parentId?: string;
  extent?: "parent";
  data: NodeData<K>;
};

const ZERO: FindingCounts = { error: 0, warning: 0, info: 0 };

/** The node a finding belongs on: its container when it names one, else its resource. */
export function findingNodeId(f: Finding): string {
  return f.resource.kind === "taskDefinition" && f.resource.container ? containerNodeId(f.resource.id, f.resource.container) : f.resource.id;
}

export function countFindings(findings: readonly Finding[]): Map<string, FindingCounts> {
  const out = new Map<string, FindingCounts>();
  for (const f of findings) {
    const id = findingNodeId(f);
    const c = out.get(id) ?? { ...ZERO };
    c[f.severity]++;
    out.set(id, c);
  }
  return out;
}

/**
 * The canvas graph of a design. Pure: node ids are resource ids (containers
 * `${taskDefinitionId}/${name}`), parents come before their children as React Flow requires,
 * and child positions are relative to the parent, exactly as the layout map stores them.
 */
export function toFlow(design: Design, findings: readonly Finding[]): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const counts = countFindings(findings);
  const fc = (id: string) => counts.get(id) ?? ZERO;
  const nodes: FlowNode[] = [];
  const place = (id: string, fallback: { x: number; y: number }): LayoutEntry => design.layout[id] ?? fallback;

  const inCluster = new Map<string, Design["services"]>();
  const loose: Design["services"] = [];
  const clusterOf = clusterOfServiceIn(design);
  for (const s of design.services) {
    const c = clusterOf(s);
    if (!c) loose.push(s);
    else {
      const list = inCluster.get(c.id);
      if (list) list.push(s);
      else inCluster.set(c.id, [s]);
    }
  }
  let looseY = 0;
  const nextLoose = () => ({ x: -280, y: (looseY++) * 120 });

  design.clusters.forEach((c, ci) => {
    const services = inCluster.get(c.id) ?? [];
    const kids = services.map((s, i) => ({ s, p: place(s.id, childSlot(i, SIZES.service)) }));
    const size = groupSize(design.layout[c.id], kids.map((k) => ({ ...k.p, ...SIZES.service })));
    const p = place(c.id, { x: 0, y: ci * 400 });
    nodes.push({ id: c.id, type: "cluster", position: { x: p.x, y: p.y }, ...size, data: { kind: "cluster", resourceId: c.id, summary: clusterSummary(design, c, services.length), findings: fc(c.id) } });
    for (const { s, p: sp } of kids) {
      nodes.push({
        id: s.id, type: "service", parentId: c.id, extent: "parent", position: { x: sp.x, y: sp.y }, ...SIZES.service,
        data: { kind: "service", resourceId: s.id, summary: serviceSummary(s), findings: fc(s.id) },
      });
    }
  });
  for (const s of loose) {
    const p = place(s.id, nextLoose());
    nodes.push({ id: s.id, type: "service", position: { x: p.x, y: p.y }, ...SIZES.service, data: { kind: "service", resourceId: s.id, summary: serviceSummary(s), findings: fc(s.id) } });
  }
  design.taskDefinitions.forEach((td, ti) => {
    const kids = td.containerDefinitions.map((c, i) => ({ c, id: containerNodeId(td.id, c.name), p: place(containerNodeId(td.id, c.name), childSlot(i, SIZES.container)) }));
    const size = groupSize(design.layout[td.id], kids.map((k) => ({ ...k.p, ...SIZES.container })));
    const p = place(td.id, { x: 600, y: ti * 400 });
    nodes.push({ id: td.id, type: "taskDefinition", position: { x: p.x, y: p.y }, ...size, data: { kind: "taskDefinition", resourceId: td.id, summary: taskDefinitionSummary(td), findings: fc(td.id) } });
    for (const k of kids) {
      nodes.push({
        id: k.id, type: "container", parentId: td.id, extent: "parent", position: { x: k.p.x, y: k.p.y }, ...SIZES.container,
        data: { kind: "container", resourceId: td.id, summary: containerSummary(k.c), findings: fc(k.id) },
      });
    }
  });
  (design.targetGroups ?? []).forEach((g, gi) => {
    const p = place(g.id, { x: -600, y: gi * 120 });
    nodes.push({ id: g.id, type: "targetGroup", position: { x: p.x, y: p.y }, ...SIZES.targetGroup, data: { kind: "targetGroup", resourceId: g.id, summary: targetGroupSummary(g), findings: fc(g.id) } });
  });
  (design.loadBalancers ?? []).forEach((lb, li) => {
    const p = place(lb.id, { x: -960, y: li * 200 });
    nodes.push({
      id: lb.id, type: "loadBalancer", position: { x: p.x, y: p.y }, width: SIZES.loadBalancer.width, height: loadBalancerHeight(lb),
      data: { kind: "loadBalancer", resourceId: lb.id, summary: loadBalancerSummary(design, lb), findings: fc(lb.id) },
    });
  });
  (design.scheduledTasks ?? []).forEach((t, i) => {
    const p = place(t.id, { x: 1000, y: i * 120 });
    nodes.push({ id: t.id, type: "scheduledTask", position: { x: p.x, y: p.y }, ...SIZES.scheduledTask, data: { kind: "scheduledTask", resourceId: t.id, summary: scheduledTaskSummary(t), findings: fc(t.id) } });
  });
  (design.capacityProviders ?? []).forEach((cp, pi) => {
    const p = place(cp.id, { x: -280, y: -160 - pi * 120 });
    nodes.push({
      id: cp.id, type: "capacityProvider", position: { x: p.x, y: p.y }, ...CAPACITY_PROVIDER_SIZE,
      data: { kind: "capacityProvider", resourceId: cp.id, summary: capacityProviderSummary(cp), findings: fc(cp.id) },
    });
  });
  return { nodes, edges: buildEdges(design) };
}

/**
 * toFlow with memory: a node equal to the one of the previous call is returned as the same
 * object, so memoised node components skip rendering when another part of the design changes.
 */
export function createFlowBuilder() {
  let prevNodes = new Map<string, FlowNode>();
  let prevEdges = new Map<string, FlowEdge>();
  return function build(design: Design, findings: readonly Finding[]) {
    const { nodes, edges } = toFlow(design, findings);
    const nextNodes = new Map<string, FlowNode>();
    const outNodes = nodes.map((n) => {
      const old = prevNodes.get(n.id);
      const node = old && sameJson(old, n) ? old : n;
      nextNodes.set(n.id, node);
      return node;
    });
    const nextEdges = new Map<string, FlowEdge>();
    const outEdges = edges.map((e) => {
      const old = prevEdges.get(e.id);
      const edge = old && sameJson(old, e) ? old : e;
      nextEdges.set(e.id, edge);
      return edge;
    });
    prevNodes = nextNodes;
    prevEdges = nextEdges;
    return { nodes: outNodes, edges: outEdges };
  };
}
