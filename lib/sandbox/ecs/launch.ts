import { invalidParameter } from "./errors";
import { instancesNeeded, launchForTask, scalesItself, wantInstances } from "./capacity";
import { FARGATE_PROVIDERS, peekProvider } from "./capacity-providers";
import { launchTask, type LaunchParams } from "./lifecycle";
import { fargateZone, placeOne, type Constraint, type PlacementFailure, type Strategy } from "./placement";
import { peek } from "../core/draft";
import type { CapacityProviderStrategyItem, Cluster, ContainerInstance, Ctx, Task, TaskDefinition, World } from "../core/types";

// Where a task runs: a launch type, or a capacity provider strategy, else the cluster's default
// strategy, else EC2 — as ECS resolves it. FARGATE / FARGATE_SPOT run tasks on Fargate, Auto
// Scaling group providers on their EC2 instances (launch type EC2), Managed Instances providers
// on the instances they launch (launch type MANAGED_INSTANCES; capacity.ts). A strategy places each
// task on one of its providers: the provider with a base first, until it runs that many, then
// the others by weight.

export type LaunchTarget = { launchType: "EC2" | "FARGATE" | "MANAGED_INSTANCES"; strategy?: CapacityProviderStrategyItem[] };

/** ECS's message for a strategy that mixes Fargate with Auto Scaling group (or Managed Instances) providers. */
const MIXED_STRATEGY = "A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.";

/** Fargate Spot has no capacity now (the sandbox's `setSpotCapacity` control), as ECS words it. */
export const SPOT_CAPACITY_UNAVAILABLE = "Capacity is unavailable at this time. Please try again later or in a different availability zone.";

/**
 * The provider of a strategy the next task goes to, given how many tasks of the same group each
 * provider runs already: "base" tasks on the provider that has one, then the rest split by
 * weight (a provider of weight 0 gets none beyond its base), each next task to the provider
 * furthest below its share; ties go to the provider listed first.
 */
export function nextProvider(items: readonly CapacityProviderStrategyItem[], counts: Readonly<Record<string, number>>): string {
  const based = items.find((i) => (i.base ?? 0) > 0);
  if (based && (counts[based.capacityProvider] ?? 0) < (based.base ?? 0)) return based.capacityProvider;
  const weighted = items.filter((i) => (i.weight ?? 0) > 0);
  if (!weighted.length) return (based ?? items[0]).capacityProvider;
  const beyond = (i: CapacityProviderStrategyItem) => (counts[i.capacityProvider] ?? 0) - (i === based ? based.base ?? 0 : 0);
  const total = weighted.reduce((n, i) => n + beyond(i), 0) + 1;
  const sum = weighted.reduce((n, i) => n + (i.weight ?? 0), 0);
  let best = weighted[0];
  let bestGap = -Infinity;
  for (const i of weighted) {
    const gap = (total * (i.weight ?? 0)) / sum - beyond(i);
    if (gap > bestGap + 1e-9) { best = i; bestGap = gap; }
  }
  return best.capacityProvider;
}

export function resolveLaunch(world: World, cluster: Cluster, launchType: string | undefined, strategy: CapacityProviderStrategyItem[] | undefined): LaunchTarget {
  if (launchType && strategy?.length) {
    throw invalidParameter("Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
  }
  if (launchType) {
    if (launchType !== "EC2" && launchType !== "FARGATE") throw invalidParameter(`Launch type ${launchType} is not supported by the sandbox.`);
    return { launchType };
  }
  const items = strategy?.length ? strategy : cluster.defaultCapacityProviderStrategy;
  if (!items.length) return { launchType: "EC2" };
  for (const i of items) {
    if (!cluster.capacityProviders.includes(i.capacityProvider)) {
      throw invalidParameter(`The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.`);
    }
  }
  const kinds = new Set(items.map((i) => FARGATE_PROVIDERS.includes(i.capacityProvider) ? "FARGATE"
    : peekProvider(world, i.capacityProvider)?.type === "MANAGED_INSTANCES" ? "MANAGED_INSTANCES" : "EC2"));
  if (kinds.size > 1) throw invalidParameter(MIXED_STRATEGY);
  const [kind] = kinds as Set<LaunchTarget["launchType"]>;
  return { launchType: kind, strategy: items };
}

/** The checks RunTask and CreateService make of a task definition against where it will run. */
export function checkLaunchable(td: TaskDefinition, target: LaunchTarget, networkConfiguration: unknown) {
  if (target.launchType !== "EC2" && !td.compatibilities.includes(target.launchType)) {
    throw invalidParameter(`Task definition does not support launch_type ${target.launchType}.`);
  }
  if (td.body.networkMode === "awsvpc" && !networkConfiguration) {
    throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  if (td.body.networkMode !== "awsvpc" && networkConfiguration && target.launchType !== "FARGATE") {
    throw invalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
  }
}

export type LaunchRequest = Omit<LaunchParams, "launchType" | "capacityProviderName" | "containerInstanceArn" | "availabilityZone" | "hostPorts" | "dynamicPorts"> & {
  target: LaunchTarget;
  constraints: Constraint[];
  strategies: Strategy[];
};

/** Places and launches up to `count` tasks; stops at the first placement failure. */
export function launchTasks(world: World, ctx: Ctx, req: LaunchRequest, count: number): { tasks: Task[]; failure?: PlacementFailure } {
  const tasks: Task[] = [];
  const { target, constraints, strategies, ...rest } = req;
  // A service's tasks are shared out over its deployment's running tasks; a RunTask's over the call's own.
  const counts: Record<string, number> = {};
  if (target.strategy && rest.deploymentId) {
    for (const t of Object.values(peek(world).tasks)) {
      if (t.deploymentId === rest.deploymentId && t.desiredStatus === "RUNNING" && t.capacityProviderName) {
        counts[t.capacityProviderName] = (counts[t.capacityProviderName] ?? 0) + 1;
      }
    }
  }
  for (let i = 0; i < count; i++) {
    const provider = target.strategy ? nextProvider(target.strategy, counts) : undefined;
    if (target.launchType === "FARGATE") {
      if (provider === "FARGATE_SPOT" && world.faults.spotUnavailable?.some((c) => c === "*" || c === req.clusterName)) {
        return { tasks, failure: { code: "SPOT_CAPACITY", message: SPOT_CAPACITY_UNAVAILABLE } };
      }
      if (provider) counts[provider] = (counts[provider] ?? 0) + 1;
      tasks.push(launchTask(world, ctx, {
        ...rest, launchType: "FARGATE", capacityProviderName: provider,
        availabilityZone: fargateZone(world, req.clusterName, req.group), hostPorts: [], dynamicPorts: [],
      }));
      continue;
    }
    const placed = placeOnProvider(world, ctx, req, provider, count - i);
    if ("code" in placed) return { tasks, failure: placed };
    if (provider) counts[provider] = (counts[provider] ?? 0) + 1;
    tasks.push(launchTask(world, ctx, {
      ...rest, launchType: target.launchType === "MANAGED_INSTANCES" ? "MANAGED_INSTANCES" : "EC2", capacityProviderName: provider,
      containerInstanceArn: placed.instance.arn,
      availabilityZone: placed.instance.availabilityZone, hostPorts: placed.hostPorts, dynamicPorts: placed.dynamicPorts,
    }));
  }
  return { tasks };
}

/**
 * An instance for the next task: without a provider any of the cluster's instances but Managed
 * Instances' (theirs take only their provider's tasks); with one, that provider's. A Managed
 * Instances provider launches an instance when none of its own fits; an Auto Scaling group
 * provider with managed scaling notes how many instances the `waiting` tasks want.
 */
function placeOnProvider(world: World, ctx: Ctx, req: LaunchRequest, providerName: string | undefined, waiting: number) {
  const cp = providerName ? peekProvider(world, providerName) : undefined;
  const accept = cp ? (i: ContainerInstance) => i.capacityProviderName === cp.name
    : (i: ContainerInstance) => !i.capacityProviderName || peekProvider(world, i.capacityProviderName)?.type !== "MANAGED_INSTANCES";
  const request = { clusterName: req.clusterName, td: req.td, group: req.group, constraints: req.constraints, strategies: req.strategies, accept };
  const placed = placeOne(world, request);
  if (!("code" in placed) || !cp) return placed;
  if (cp.type === "MANAGED_INSTANCES") {
    const launched = launchForTask(world, ctx, cp, req.clusterName, req.td);
    if (typeof launched === "string") return { code: "RESOURCE:INSTANCE_TYPE", message: launched };
    return placeOne(world, request);
  }
  if (scalesItself(cp)) {
    const more = instancesNeeded(req.td, waiting);
    if (more) wantInstances(world, cp, more);
  }
  return placed;
}
