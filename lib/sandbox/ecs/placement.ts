import { nextRandom } from "../core/ids";
import { parseQuery } from "./query";
import { peek } from "../core/draft";
import type { ContainerInstance, Task, TaskDefinition, World } from "../core/types";

// Task placement on EC2 container instances: filter by resources, ports and constraints, then
// order the survivors by the placement strategies (each strategy breaks the previous one's
// ties; registration order breaks the last ones). One task at a time: the caller creates the
// task before placing the next, so every placement sees the resources already taken.
// Read only: the world is looked at through `peek` (draft.ts), so placing copies nothing;
// what liveTasksOn returns must not be changed (look a task up in world.tasks to change it).

/** Ports the ECS agent reserves on every container instance. */
export const RESERVED_PORTS = [22, 2375, 2376, 51678, 51679];
const DYNAMIC_PORT_START = 49153;

export type Strategy = { type: string; field?: string };
export type Constraint = { type: string; expression?: string };

export type PlacementRequest = {
  clusterName: string;
  td: TaskDefinition;
  group: string;
  constraints: Constraint[];
  strategies: Strategy[];
  /** Which of the cluster's instances may take the task (a capacity provider's own ones; default: any). */
  accept?: (instance: ContainerInstance) => boolean;
};

export type PlacementFailure = { code: string; arn?: string; message: string };
export type Placement = { instance: ContainerInstance; hostPorts: number[]; dynamicPorts: number[] };

export function liveTasksOn(world: World, instance: ContainerInstance): Task[] {
  return Object.values(peek(world).tasks).filter((t) => t.containerInstanceArn === instance.arn && t.lastStatus !== "STOPPED");
}

export function instanceUsage(world: World, instance: ContainerInstance) {
  const tasks = liveTasksOn(world, instance);
  return {
    cpu: tasks.reduce((s, t) => s + t.cpu, 0),
    memory: tasks.reduce((s, t) => s + t.memory, 0),
    ports: [...RESERVED_PORTS, ...tasks.flatMap((t) => t.hostPorts)],
    tasks,
  };
}

type Json = Record<string, unknown>;

/** Host ports a task of `td` needs fixed, and how many dynamic ones (bridge with hostPort 0). */
export function portNeeds(td: TaskDefinition): { fixed: number[]; dynamic: number } {
  const mode = (td.body.networkMode as string) ?? "bridge";
  if (mode === "awsvpc" || mode === "none") return { fixed: [], dynamic: 0 };
  const fixed: number[] = [];
  let dynamic = 0;
  for (const c of td.body.containerDefinitions as Json[]) {
    for (const pm of (c.portMappings as Json[] | undefined) ?? []) {
      const hp = mode === "host" ? (pm.hostPort ?? pm.containerPort) as number : (pm.hostPort as number | undefined) ?? 0;
      if (hp > 0) fixed.push(hp);
      else dynamic++;
    }
  }
  return { fixed, dynamic };
}

const clusterCandidates = (world: World, clusterName: string) =>
  Object.values(peek(world).instances)
    .filter((i) => i.clusterName === clusterName && i.status === "ACTIVE" && i.agentConnected)
    .sort((a, b) => a.registeredAt - b.registeredAt || a.arn.localeCompare(b.arn));

export function hasActiveInstances(world: World, clusterName: string) {
  return clusterCandidates(world, clusterName).length > 0;
}

const REASONS: Record<string, string> = {
  "RESOURCE:CPU": "has insufficient CPU units available",
  "RESOURCE:MEMORY": "has insufficient memory available",
  "RESOURCE:PORTS": "is already using a port required by your task",
  MEMBER: "encountered error \"MemberOf placement constraint unsatisfied.\"",
  DISTINCT: "encountered error \"DistinctInstance placement constraint unsatisfied.\"",
};

export function placeOne(world: World, req: PlacementRequest): Placement | PlacementFailure {
  const candidates = clusterCandidates(world, req.clusterName).filter((i) => !req.accept || req.accept(i));
  if (candidates.length === 0) {
    return { code: "NO_INSTANCES", message: "No Container Instances were found in your cluster." };
  }
  const members = req.constraints.filter((c) => c.type === "memberOf" && c.expression).map((c) => parseQuery(c.expression!));
  const distinct = req.constraints.some((c) => c.type === "distinctInstance");
  const needs = portNeeds(req.td);
  // The closest match is the instance that passed the most checks before failing.
  let closest: { depth: number; code: string; instance: ContainerInstance } | undefined;
  const fits: { instance: ContainerInstance; remainingCpu: number; remainingMemory: number; usedPorts: number[] }[] = [];
  for (const instance of candidates) {
    const usage = instanceUsage(world, instance);
    const checks: [string, boolean][] = [
      ["MEMBER", members.every((p) => p(instance))],
      ["DISTINCT", !distinct || !usage.tasks.some((t) => t.group === req.group)],
      ["RESOURCE:CPU", usage.cpu + req.td.cpu <= instance.cpu],
      ["RESOURCE:MEMORY", usage.memory + req.td.memory <= instance.memory],
      ["RESOURCE:PORTS", needs.fixed.every((p) => !usage.ports.includes(p)) && new Set(needs.fixed).size === needs.fixed.length],
    ];
    const failed = checks.findIndex(([, ok]) => !ok);
    if (failed === -1) {
      fits.push({ instance, remainingCpu: instance.cpu - usage.cpu - req.td.cpu, remainingMemory: instance.memory - usage.memory - req.td.memory, usedPorts: usage.ports });
    } else if (!closest || failed > closest.depth) {
      closest = { depth: failed, code: checks[failed][0], instance };
    }
  }
  if (fits.length === 0) {
    const c = closest!;
    return {
      code: c.code === "DISTINCT" ? "MEMBER" : c.code, arn: c.instance.arn,
      message: `The closest matching (container-instance ${c.instance.id}) ${REASONS[c.code]}. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    };
  }
  const groupTasks = Object.values(peek(world).tasks).filter((t) => t.group === req.group && t.clusterName === req.clusterName && t.lastStatus !== "STOPPED" && t.desiredStatus === "RUNNING");
  const keys = fits.map((f) => req.strategies.map((s) => strategyKey(world, s, f, groupTasks)));
  const order = fits.map((_, i) => i).sort((a, b) => {
    for (let k = 0; k < req.strategies.length; k++) if (keys[a][k] !== keys[b][k]) return keys[a][k] - keys[b][k];
    return a - b;
  });
  const chosen = fits[order[0]];
  const dynamicPorts: number[] = [];
  for (let p = DYNAMIC_PORT_START; dynamicPorts.length < needs.dynamic; p++) {
    if (!chosen.usedPorts.includes(p)) dynamicPorts.push(p);
  }
  return { instance: chosen.instance, hostPorts: needs.fixed, dynamicPorts };
}

function strategyKey(world: World, s: Strategy, f: { instance: ContainerInstance; remainingCpu: number; remainingMemory: number }, groupTasks: Task[]): number {
  if (s.type === "binpack") return s.field === "cpu" ? f.remainingCpu : f.remainingMemory;
  if (s.type === "random") return nextRandom(world);
  // spread
  const field = s.field ?? "instanceId";
  if (field === "instanceId" || field === "host") {
    return groupTasks.filter((t) => t.containerInstanceArn === f.instance.arn).length;
  }
  const name = field.replace(/^attribute:/, "");
  const value = f.instance.attributes.find((a) => a.name === name)?.value;
  return groupTasks.filter((t) => {
    const other = t.containerInstanceArn ? peek(world).instances[t.containerInstanceArn] : undefined;
    return other && other.attributes.find((a) => a.name === name)?.value === value;
  }).length;
}

/** Fargate has no instances to choose; tasks spread over the region's zones by group. */
export function fargateZone(world: World, clusterName: string, group: string): string {
  const zones = ["a", "b", "c"].map((z) => `${world.region}${z}`);
  const counts = zones.map((z) => Object.values(peek(world).tasks).filter((t) => t.clusterName === clusterName && t.group === group && t.lastStatus !== "STOPPED" && t.availabilityZone === z).length);
  return zones[counts.indexOf(Math.min(...counts))];
}
