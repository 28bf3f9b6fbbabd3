// Helpers shared by the service, cluster and design rules.
import type { CapacityProviderDesign, CapacityProviderStrategyItem, Cluster, Service, TaskDefinition } from "../../design";
import { clusterNameOf } from "../../design";
import { networkModeOf } from "../../ecs-facts/task-definition";
import { parseTaskCpu, parseTaskMemory } from "../../ecs-facts/task-size";
import type { DesignIndex, PathSegment, RuleFinding } from "../types";
import {
  CAPACITY_PROVIDER_BASE_MAX, CAPACITY_PROVIDER_WEIGHT_MAX, FARGATE_CAPACITY_PROVIDERS, MAX_STRATEGY_PROVIDERS,
} from "../../ecs-facts/service";
import { MAX_NAME_LENGTH } from "../../ecs-facts/names";

export type LaunchKind = "EC2" | "FARGATE" | "EXTERNAL" | "MANAGED_INSTANCES";
export type LaunchSource = "launchType" | "strategy" | "clusterDefault" | "default";

export const isArn = (ref: string) => ref.startsWith("arn:");

export function nonEmpty<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

/** The design's capacity providers (FARGATE and FARGATE_SPOT are built in). */
export type DesignProviders = readonly CapacityProviderDesign[] | undefined;

/**
 * FARGATE and FARGATE_SPOT run on Fargate, a Managed Instances provider of the design on
 * MANAGED_INSTANCES; every other provider is an Auto Scaling group of EC2 instances.
 */
export function computeOfProvider(capacityProvider: string, providers?: DesignProviders): LaunchKind {
  if (FARGATE_CAPACITY_PROVIDERS.includes(capacityProvider)) return "FARGATE";
  return providers?.find((p) => p.name === capacityProvider)?.managedInstancesProvider ? "MANAGED_INSTANCES" : "EC2";
}

/**
 * Where a service's tasks run: its launchType, else its capacity provider strategy, else the
 * cluster's default strategy, else EC2 (what CreateService does). Undefined when the cluster is
 * outside the design and the service sets neither, since its default strategy is unknown.
 */
export function launchOf(service: Service, cluster: Cluster | undefined, providers?: DesignProviders): { kind: LaunchKind; source: LaunchSource } | undefined {
  if (service.launchType) return { kind: service.launchType, source: "launchType" };
  if (nonEmpty(service.capacityProviderStrategy)) {
    return { kind: computeOfProvider(service.capacityProviderStrategy[0].capacityProvider, providers), source: "strategy" };
  }
  if (!cluster) return undefined;
  if (nonEmpty(cluster.defaultCapacityProviderStrategy)) {
    return { kind: computeOfProvider(cluster.defaultCapacityProviderStrategy[0].capacityProvider, providers), source: "clusterDefault" };
  }
  return { kind: "EC2", source: "default" };
}

/** How the service came to run on `kind`, for messages. */
export function describeLaunch(launch: { kind: LaunchKind; source: LaunchSource }): string {
  switch (launch.source) {
    case "launchType": return `launchType ${launch.kind}`;
    case "strategy": return `its capacity provider strategy (${launch.kind})`;
    case "clusterDefault": return `the cluster's default capacity provider strategy (${launch.kind})`;
    case "default": return "the EC2 launch type (no launchType or capacity provider strategy, and the cluster has no default strategy)";
  }
}

/**
 * What one task reserves on a container instance: task-level cpu/memory when set, else the sum
 * of container cpu and of memoryReservation (or memory) — what the ECS scheduler subtracts from
 * the instance's remaining resources.
 */
export function taskReservation(td: TaskDefinition): { cpu: number; memory: number } {
  let cpu = parseTaskCpu(td.cpu);
  let memory = parseTaskMemory(td.memory);
  if (cpu === undefined || memory === undefined) {
    let sumCpu = 0;
    let sumMemory = 0;
    for (const c of td.containerDefinitions) {
      sumCpu += c.cpu ?? 0;
      sumMemory += c.memoryReservation ?? c.memory ?? 0;
    }
    cpu ??= sumCpu;
    memory ??= sumMemory;
  }
  return { cpu, memory };
}

/**
 * Host ports a task binds on its instance: in bridge mode each non-zero hostPort, in host mode
 * each container port. Two tasks binding the same port cannot share an instance.
 */
export function fixedHostPorts(td: TaskDefinition): string[] {
  const mode = networkModeOf(td);
  if (mode !== "bridge" && mode !== "host") return [];
  const ports: string[] = [];
  for (const c of td.containerDefinitions) {
    for (const pm of c.portMappings ?? []) {
      const port = mode === "host" ? pm.hostPort ?? pm.containerPort : pm.hostPort;
      if (port) ports.push(`${port}/${pm.protocol ?? "tcp"}`);
    }
  }
  return ports;
}

const byClusterMemo = new WeakMap<DesignIndex, Map<string, Service[]>>();

/** Services grouped by the name of the cluster they reference; built once per validation run. */
export function servicesByCluster(index: DesignIndex): Map<string, Service[]> {
  let map = byClusterMemo.get(index);
  if (!map) {
    map = new Map();
    for (const s of index.design.services) {
      const key = clusterNameOf(s.cluster);
      const list = map.get(key);
      if (list) list.push(s);
      else map.set(key, [s]);
    }
    byClusterMemo.set(index, map);
  }
  return map;
}

/** `base`, `base-2`, `base-3`… : the first not in `taken`. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, MAX_NAME_LENGTH - 4);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Problems of a capacity provider strategy (a service's or a cluster's default), with paths
 * relative to `at` (the strategy array's path in the resource).
 */
export function checkStrategy(
  items: readonly CapacityProviderStrategyItem[],
  at: PathSegment[],
  clusterProviders: readonly string[] | undefined,
  clusterName: string | undefined,
  providers?: DesignProviders,
): RuleFinding[] {
  const out: RuleFinding[] = [];
  const known = clusterProviders ? new Set(clusterProviders) : undefined;
  let baseIndex = -1;
  items.forEach((item, i) => {
    const here = [...at, i];
    if (known && !known.has(item.capacityProvider)) {
      out.push({
        path: [...here, "capacityProvider"],
        message: `Capacity provider "${item.capacityProvider}" is not associated with cluster ${clusterName ?? ""}. A strategy can only use the cluster's capacity providers; ECS answers "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster."`,
        fix: {
          description: known.size > 0
            ? `Add "${item.capacityProvider}" to the cluster's capacityProviders, or use one of ${[...known].join(", ")}.`
            : `Add "${item.capacityProvider}" to the cluster's capacityProviders.`,
        },
      });
    }
    if (item.weight !== undefined && (item.weight < 0 || item.weight > CAPACITY_PROVIDER_WEIGHT_MAX)) {
      const value = Math.min(Math.max(item.weight, 0), CAPACITY_PROVIDER_WEIGHT_MAX);
      out.push({
        path: [...here, "weight"],
        message: `A capacity provider weight must be between 0 and ${CAPACITY_PROVIDER_WEIGHT_MAX}; ${item.weight} is rejected.`,
        fix: { description: `Set weight to ${value}.`, edits: [{ path: [...here, "weight"], value }] },
      });
    }
    if (item.base !== undefined && (item.base < 0 || item.base > CAPACITY_PROVIDER_BASE_MAX)) {
      const value = Math.min(Math.max(item.base, 0), CAPACITY_PROVIDER_BASE_MAX);
      out.push({
        path: [...here, "base"],
        message: `A capacity provider base must be between 0 and ${CAPACITY_PROVIDER_BASE_MAX}; ${item.base} is rejected.`,
        fix: { description: `Set base to ${value}.`, edits: [{ path: [...here, "base"], value }] },
      });
    }
    if (item.base !== undefined && item.base > 0) {
      if (baseIndex >= 0) {
        out.push({
          path: [...here, "base"],
          message: `Only one capacity provider in a strategy can have a base; "${items[baseIndex].capacityProvider}" already has one.`,
          fix: { description: `Remove the base of "${item.capacityProvider}".`, edits: [{ path: [...here, "base"], value: undefined }] },
        });
      } else baseIndex = i;
    }
  });
  const kindOf = (i: CapacityProviderStrategyItem) => computeOfProvider(i.capacityProvider, providers);
  const fargate = items.filter((i) => kindOf(i) === "FARGATE");
  const managed = items.filter((i) => kindOf(i) === "MANAGED_INSTANCES");
  if (fargate.length > 0 && fargate.length < items.length) {
    const others = items.filter((i) => kindOf(i) !== "FARGATE").map((i) => i.capacityProvider);
    out.push({
      path: at,
      message: `A capacity provider strategy can contain Fargate capacity providers or Auto Scaling group (or Managed Instances) capacity providers, not both: it mixes ${fargate.map((i) => i.capacityProvider).join(", ")} with ${others.join(", ")}. ECS answers "A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers."`,
      fix: { description: "Keep either FARGATE/FARGATE_SPOT or the other providers in this strategy." },
    });
  } else if (managed.length > 0 && managed.length < items.length) {
    out.push({
      path: at,
      message: `A capacity provider strategy runs its tasks on one kind of capacity: it mixes the Managed Instances providers ${managed.map((i) => i.capacityProvider).join(", ")} with the Auto Scaling group providers ${items.filter((i) => kindOf(i) === "EC2").map((i) => i.capacityProvider).join(", ")}.`,
      fix: { description: "Keep either the Managed Instances providers or the Auto Scaling group providers in this strategy." },
    });
  }
  if (items.length > MAX_STRATEGY_PROVIDERS) {
    out.push({
      path: at,
      message: `A capacity provider strategy can contain at most ${MAX_STRATEGY_PROVIDERS} capacity providers; this one lists ${items.length}.`,
      fix: { description: `Remove ${items.length - MAX_STRATEGY_PROVIDERS} of them.` },
    });
  }
  if (items.length > 1 && items.every((i) => (i.weight ?? 0) === 0)) {
    out.push({
      path: at,
      message: "When a strategy lists several capacity providers, at least one needs a weight above 0 (the API default is 0); otherwise CreateService and RunTask fail.",
      fix: { description: `Give "${items[0].capacityProvider}" weight 1.`, edits: [{ path: [...at, 0, "weight"], value: 1 }] },
    });
  }
  return out;
}
