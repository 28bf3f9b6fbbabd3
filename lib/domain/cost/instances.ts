import { clusterNameOf, familyOf, type CapacityProviderDesign, type Design, type Service, type TaskDefinition } from "../design";
import { taskReservation } from "../rules/checks/service-util";
import type { CapacityBounds } from "./model";
import { splitByStrategy, strategyOf } from "./split";
import type { PriceTable } from "./prices";

// What the instances under a design's capacity providers must carry: per provider, the tasks of
// every service that runs on it, at desired count and at the scaling minimum and maximum. Pure:
// how many instances that takes is the sandbox's placement's answer (lib/sandbox/ecs/
// instances-needed.ts), handed back to the cost model as `CostOptions.instances`.

export type ProviderTasks = {
  serviceName: string;
  /** What a task reserves on an instance (task-level cpu/memory, else the containers' sum). */
  cpu: number;
  memory: number;
  td: Pick<TaskDefinition, "networkMode" | "containerDefinitions">;
  constraints: { type: string; expression?: string }[];
  strategies: { type: string; field?: string }[];
  desired: number;
  min: number;
  max: number;
};

export type ProviderLoad = {
  provider: string;
  cluster: string;
  kind: "autoScalingGroup" | "managedInstances";
  /** Managed Instances: the provider's instanceRequirements. */
  requirements?: Record<string, unknown>;
  tasks: ProviderTasks[];
};

/** What prices a design's capacity providers' instances: given the design and the cost options, what each provider needs. */
export type InstancesFor = (design: Design, opts: { region?: string; table?: PriceTable; capacity?: CapacityBounds }) => ProviderInstances[];

/** The instances a provider needs at each count, of one type, and how that was found (input to the cost model). */
export type ProviderInstances = {
  provider: string;
  kind: ProviderLoad["kind"];
  instanceType: string;
  desired: number;
  min: number;
  max: number;
  /** How the type and counts were derived, for the cost line's detail. */
  how: string;
  /** Why the instances could not be counted (then they are not priced, and the cost says why). */
  error?: string;
};

const kindOf = (p: CapacityProviderDesign): ProviderLoad["kind"] | undefined =>
  p.managedInstancesProvider ? "managedInstances" : p.autoScalingGroupProvider ? "autoScalingGroup" : undefined;

/** Whole tasks on `provider` out of `count` (ECS places whole tasks: a share is rounded up). */
const share = (items: Parameters<typeof splitByStrategy>[0], provider: string, count: number) => Math.ceil((splitByStrategy(items, count).get(provider) ?? 0) - 1e-9);

/** Per capacity provider of the design, the tasks its instances must run at desired count, min and max. */
export function providerLoads(design: Design, bounds: (s: Service) => { min?: number; max?: number }): ProviderLoad[] {
  const out: ProviderLoad[] = [];
  for (const p of design.capacityProviders ?? []) {
    const kind = kindOf(p);
    if (!kind) continue;
    const tasks: ProviderTasks[] = [];
    let cluster = p.managedInstancesProvider?.cluster;
    for (const s of design.services) {
      const strategy = strategyOf(s, design.clusters.find((c) => c.clusterName === clusterNameOf(s.cluster)));
      if (!strategy?.some((i) => i.capacityProvider === p.name) || s.schedulingStrategy === "DAEMON") continue;
      const td = design.taskDefinitions.find((t) => t.family === familyOf(s.taskDefinition));
      if (!td) continue;
      cluster ??= clusterNameOf(s.cluster);
      const desired = Math.max(0, s.desiredCount ?? 0);
      const b = bounds(s);
      const { cpu, memory } = taskReservation(td);
      tasks.push({
        serviceName: s.serviceName, cpu, memory, td: { networkMode: td.networkMode, containerDefinitions: td.containerDefinitions },
        constraints: [...(s.placementConstraints ?? [])], strategies: [...(s.placementStrategy ?? [])],
        desired: share(strategy, p.name, desired), min: share(strategy, p.name, b.min ?? desired), max: share(strategy, p.name, b.max ?? desired),
      });
    }
    if (!tasks.length) continue;
    const requirements = p.managedInstancesProvider?.instanceLaunchTemplate.instanceRequirements;
    out.push({ provider: p.name, cluster: cluster ?? "", kind, ...(requirements ? { requirements } : {}), tasks });
  }
  return out;
}
