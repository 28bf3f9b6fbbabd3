import { invalidParameter } from "./errors";
import { launchTask, type LaunchParams } from "./lifecycle";
import { fargateZone, placeOne, type Constraint, type PlacementFailure, type Strategy } from "./placement";
import type { CapacityProviderStrategyItem, Cluster, Ctx, Task, TaskDefinition, World } from "../core/types";

// Where a task runs: a launch type, or a capacity provider strategy (FARGATE / FARGATE_SPOT are
// Fargate; the sandbox has no Auto Scaling group providers), else the cluster's default
// strategy, else EC2 — as ECS resolves it.

export type LaunchTarget = { launchType: "EC2" | "FARGATE"; capacityProviderName?: string };

export function resolveLaunch(cluster: Cluster, launchType: string | undefined, strategy: CapacityProviderStrategyItem[] | undefined): LaunchTarget {
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
  const chosen = items.find((i) => (i.base ?? 0) > 0) ?? [...items].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))[0];
  return { launchType: "FARGATE", capacityProviderName: chosen.capacityProvider };
}

/** The checks RunTask and CreateService make of a task definition against where it will run. */
export function checkLaunchable(td: TaskDefinition, target: LaunchTarget, networkConfiguration: unknown) {
  if (target.launchType === "FARGATE" && !td.compatibilities.includes("FARGATE")) {
    throw invalidParameter("Task definition does not support launch_type FARGATE.");
  }
  if (td.body.networkMode === "awsvpc" && !networkConfiguration) {
    throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  if (td.body.networkMode !== "awsvpc" && networkConfiguration && target.launchType === "EC2") {
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
  for (let i = 0; i < count; i++) {
    if (target.launchType === "FARGATE") {
      tasks.push(launchTask(world, ctx, {
        ...rest, launchType: "FARGATE", capacityProviderName: target.capacityProviderName,
        availabilityZone: fargateZone(world, req.clusterName, req.group), hostPorts: [], dynamicPorts: [],
      }));
      continue;
    }
    const placed = placeOne(world, { clusterName: req.clusterName, td: req.td, group: req.group, constraints, strategies });
    if ("code" in placed) return { tasks, failure: placed };
    tasks.push(launchTask(world, ctx, {
      ...rest, launchType: "EC2", containerInstanceArn: placed.instance.arn,
      availabilityZone: placed.instance.availabilityZone, hostPorts: placed.hostPorts, dynamicPorts: placed.dynamicPorts,
    }));
  }
  return { tasks };
}
