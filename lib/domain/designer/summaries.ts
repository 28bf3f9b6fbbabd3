import type { Cluster, ContainerDefinition, Design, LoadBalancerDesign, Service, TargetGroup, TaskDefinition } from "../design";
import { loadBalancerRows, type LoadBalancerRow } from "./load-balancers";
import { isEssential, networkModeOf } from "../ecs-facts/task-definition";
import { parseTaskCpu, parseTaskMemory } from "../ecs-facts/task-size";

// What each node shows, derived from the design. Kept here (not in the components) so the
// canvas only renders numbers and the derivation is tested once.

export type ClusterSummary = { name: string; services: number; instances: number; cpu: number; memory: number; capacityProviders: string[] };
export type TaskDefinitionSummary = {
  name: string; launchType: string; networkMode: string; cpu?: number; memory?: number;
  usedCpu: number; usedMemory: number; containers: number;
};
export type ContainerSummary = { name: string; image: string; cpu?: number; memory?: number; ports: string[]; essential: boolean };
export type ServiceSummary = { name: string; desiredCount: number; launchType: string; taskDefinition: string; cluster: string };
export type TargetGroupSummary = { name: string; targetType: string; port?: number; protocol?: string; hasArn: boolean; healthCheckPath?: string };
export type LoadBalancerSummary = { name: string; type: "ALB" | "NLB"; scheme: string; existing: boolean; rows: LoadBalancerRow[] };

export function clusterSummary(design: Design, c: Cluster, services: number): ClusterSummary {
  const instances = c.instances ?? [];
  return {
    name: c.clusterName, services, instances: instances.length,
    cpu: instances.reduce((n, i) => n + i.cpu, 0), memory: instances.reduce((n, i) => n + i.memory, 0),
    capacityProviders: c.capacityProviders ?? [],
  };
}

export function taskDefinitionSummary(td: TaskDefinition): TaskDefinitionSummary {
  const compat = td.requiresCompatibilities ?? [];
  return {
    name: td.family,
    launchType: compat.length ? compat.join(" + ") : "EC2",
    networkMode: networkModeOf(td),
    cpu: parseTaskCpu(td.cpu),
    memory: parseTaskMemory(td.memory),
    usedCpu: td.containerDefinitions.reduce((n, c) => n + (c.cpu ?? 0), 0),
    // A container's hard limit counts; without one, its soft reservation is what it claims.
    usedMemory: td.containerDefinitions.reduce((n, c) => n + (c.memory ?? c.memoryReservation ?? 0), 0),
    containers: td.containerDefinitions.length,
  };
}

export function containerSummary(c: ContainerDefinition): ContainerSummary {
  return {
    name: c.name, image: c.image, cpu: c.cpu, memory: c.memory ?? c.memoryReservation,
    ports: (c.portMappings ?? []).map((p) =>
      `${p.containerPort ?? p.containerPortRange ?? "?"}${p.hostPort !== undefined && p.hostPort !== p.containerPort ? `←${p.hostPort}` : ""}/${p.protocol ?? "tcp"}`),
    essential: isEssential(c),
  };
}

export function serviceSummary(s: Service): ServiceSummary {
  const launch = s.launchType ?? (s.capacityProviderStrategy?.length ? s.capacityProviderStrategy.map((p) => p.capacityProvider).join(", ") : "default");
  return { name: s.serviceName, desiredCount: s.desiredCount ?? 1, launchType: launch, taskDefinition: s.taskDefinition, cluster: s.cluster };
}

export function targetGroupSummary(g: TargetGroup): TargetGroupSummary {
  return { name: g.name, targetType: g.targetType, port: g.port, protocol: g.protocol, hasArn: !!g.targetGroupArn, healthCheckPath: g.healthCheck?.path };
}

export function loadBalancerSummary(design: Design, lb: LoadBalancerDesign): LoadBalancerSummary {
  return {
    name: lb.name, type: lb.type === "application" ? "ALB" : "NLB", scheme: lb.scheme ?? "internet-facing",
    existing: lb.loadBalancerArn !== undefined, rows: loadBalancerRows(design, lb),
  };
}
