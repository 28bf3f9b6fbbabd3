import type { ContainerDefinition, Design, Service, TaskDefinition, Cluster } from "../design";

/** A minimal valid container, overridable field by field. */
export function container(over: Partial<ContainerDefinition> = {}): ContainerDefinition {
  return { name: "app", image: "nginx:1.27", essential: true, memory: 256, ...over };
}

/** A minimal task definition with one container unless containers are given. */
export function td(over: Partial<TaskDefinition> = {}): TaskDefinition {
  return { id: "td-1", family: "web", containerDefinitions: [container()], ...over };
}

export function service(over: Partial<Service> = {}): Service {
  return { id: "svc-1", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 1, ...over };
}

export function cluster(over: Partial<Cluster> = {}): Cluster {
  return { id: "cl-1", clusterName: "main", ...over };
}

export function design(over: Partial<Design> = {}): Design {
  return { schemaVersion: 1, clusters: [], taskDefinitions: [], services: [], layout: {}, ...over };
}
