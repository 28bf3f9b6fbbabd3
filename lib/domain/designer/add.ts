import type { Cluster, ContainerDefinition, Design, Service, TargetGroup, TaskDefinition } from "../design";
import { MAX_CONTAINERS_PER_TASK } from "../ecs-facts/task-definition";
import { belowEverything, containerLayouts, freeChildSlot, SIZES } from "./layout";
import { newId, uniqueName } from "./names";
import { containerNodeId } from "./resolve";
import { fail, type EditResult } from "./result";

type At = { x: number; y: number };

/** Defaults that pass the validator: the smallest Fargate size, awsvpc, one nginx container on port 80. */
export function defaultContainer(name: string): ContainerDefinition {
  return { name, image: "nginx:1.27", essential: true, portMappings: [{ containerPort: 80, protocol: "tcp" }] };
}

export function addCluster(design: Design, opts: { name?: string; at?: At } = {}): EditResult & { ok: true } {
  const clusterName = uniqueName(opts.name ?? "default", design.clusters.map((c) => c.clusterName));
  const id = newId(design, "cluster", clusterName);
  const cluster: Cluster = { id, clusterName };
  return {
    ok: true, id,
    design: { ...design, clusters: [...design.clusters, cluster], layout: { ...design.layout, [id]: opts.at ?? belowEverything(design) } },
  };
}

export function addTaskDefinition(design: Design, opts: { family?: string; at?: At; withContainer?: boolean } = {}): EditResult & { ok: true } {
  const family = uniqueName(opts.family ?? "web", design.taskDefinitions.map((t) => t.family));
  const id = newId(design, "td", family);
  const containers = opts.withContainer === false ? [] : [defaultContainer("web")];
  const td: TaskDefinition = {
    id, family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: containers,
  };
  const layout = { ...design.layout, [id]: opts.at ?? belowEverything(design) };
  containers.forEach((c, i) => {
    layout[containerNodeId(id, c.name)] = freeChildSlot(containerLayouts({ ...design, layout }, id).slice(0, i), SIZES.container);
  });
  return { ok: true, id, design: { ...design, taskDefinitions: [...design.taskDefinitions, td], layout } };
}

/** Adds a container to a task definition; `at` is relative to the task definition (React Flow child coordinates). */
export function addContainer(design: Design, taskDefinitionId: string, opts: { name?: string; at?: At; container?: Partial<ContainerDefinition> } = {}): EditResult {
  const index = design.taskDefinitions.findIndex((t) => t.id === taskDefinitionId);
  if (index < 0) return fail("Drop the container into a task definition.");
  const td = design.taskDefinitions[index];
  if (td.containerDefinitions.length >= MAX_CONTAINERS_PER_TASK) {
    return fail(`A task definition holds at most ${MAX_CONTAINERS_PER_TASK} containers; ${td.family} is full.`);
  }
  const name = uniqueName(opts.name ?? opts.container?.name ?? "web", td.containerDefinitions.map((c) => c.name));
  // Containers of one task share a network namespace (awsvpc) or host ports: a second nginx on 80 would clash.
  const used = new Set(td.containerDefinitions.flatMap((c) => (c.portMappings ?? []).map((p) => p.containerPort)));
  let port = 80;
  if (used.has(port)) for (port = 8080; used.has(port); port++);
  const container: ContainerDefinition = { ...defaultContainer(name), portMappings: [{ containerPort: port, protocol: "tcp" }], ...opts.container, name };
  const id = containerNodeId(td.id, name);
  const at = opts.at ?? freeChildSlot(containerLayouts(design, td.id), SIZES.container);
  const taskDefinitions = design.taskDefinitions.slice();
  taskDefinitions[index] = { ...td, containerDefinitions: [...td.containerDefinitions, container] };
  return { ok: true, id, design: { ...design, taskDefinitions, layout: { ...design.layout, [id]: at } } };
}

/** Adds a service, inside `clusterId` when given (`at` is then relative to the cluster). */
export function addService(design: Design, opts: { name?: string; clusterId?: string; taskDefinitionId?: string; at?: At } = {}): EditResult {
  const cluster = opts.clusterId ? design.clusters.find((c) => c.id === opts.clusterId) : undefined;
  if (opts.clusterId && !cluster) return fail("That cluster is not in the design.");
  const td = opts.taskDefinitionId ? design.taskDefinitions.find((t) => t.id === opts.taskDefinitionId) : undefined;
  const serviceName = uniqueName(opts.name ?? td?.family ?? "web", design.services.map((s) => s.serviceName));
  const id = newId(design, "svc", serviceName);
  const service: Service = {
    id, serviceName, cluster: cluster?.clusterName ?? "", taskDefinition: td?.family ?? "", desiredCount: 1, launchType: "FARGATE",
  };
  const siblings = cluster
    ? design.services.filter((s) => s.cluster === cluster.clusterName).map((s) => design.layout[s.id]).filter(Boolean)
    : [];
  const at = opts.at ?? (cluster ? freeChildSlot(siblings, SIZES.service) : belowEverything(design));
  return { ok: true, id, design: { ...design, services: [...design.services, service], layout: { ...design.layout, [id]: at } } };
}

export function addTargetGroup(design: Design, opts: { name?: string; at?: At } = {}): EditResult & { ok: true } {
  const groups = design.targetGroups ?? [];
  const name = uniqueName(opts.name ?? "web-tg", groups.map((g) => g.name));
  const id = newId(design, "tg", name);
  const tg: TargetGroup = { id, name, targetType: "ip", port: 80, protocol: "HTTP" };
  return {
    ok: true, id,
    design: { ...design, targetGroups: [...groups, tg], layout: { ...design.layout, [id]: opts.at ?? belowEverything(design) } },
  };
}
