import { initialState, baseWorld } from "../core/state";
import type { TaskDefinition, World } from "../core/types";
import { eligibleTypes, ASG_INSTANCE_TYPE } from "./capacity";
import { addInstance, INSTANCE_TYPES } from "./container-instances";
import { placeOne, type Constraint, type Strategy } from "./placement";

// How many instances of one type a capacity provider needs for a set of tasks: the sandbox's own
// placement (placeOne) run in a scratch world, with an instance launched only when a task fits
// none of those there, as the sandbox's providers do (capacity.ts). Pure: no clock, no store.

export type TasksToPlace = {
  serviceName: string;
  cpu: number;
  memory: number;
  td: { networkMode?: string; containerDefinitions: readonly unknown[] };
  constraints: Constraint[];
  strategies: Strategy[];
  count: number;
};

const CLUSTER = "estimate";
/** Tasks placed one by one at most (placement looks at every task there: beyond this it is too slow to answer a page). */
export const MAX_TASKS_PLACED = 500;

/** The instances of `instanceType` that `tasks` need, or why they cannot run on it. */
export function instancesForTasks(tasks: readonly TasksToPlace[], instanceType: string): { instances: number } | { error: string } {
  const type = INSTANCE_TYPES[instanceType];
  if (!type) return { error: `the sandbox does not know instance type ${instanceType}` };
  const total = tasks.reduce((n, t) => n + t.count, 0);
  if (total > MAX_TASKS_PLACED) return { error: `${total} tasks are more than the ${MAX_TASKS_PLACED} the estimate places one by one` };
  const state = initialState(0);
  const world: World = baseWorld(state, "us-east-1", 0);
  const ctx = { now: 0, config: state.config };
  let instances = 0;
  let seq = 0;
  for (const t of tasks) {
    const td: TaskDefinition = {
      arn: `td/${t.serviceName}`, family: t.serviceName, revision: 1, status: "ACTIVE", compatibilities: ["EC2"],
      body: { networkMode: t.td.networkMode ?? "bridge", containerDefinitions: t.td.containerDefinitions }, cpu: t.cpu, memory: t.memory, registeredAt: 0, tags: [],
    };
    const req = { clusterName: CLUSTER, td, group: `service:${t.serviceName}`, constraints: t.constraints, strategies: t.strategies };
    for (let n = 0; n < t.count; n++) {
      let placed = placeOne(world, req);
      if (!("instance" in placed)) {
        addInstance(world, ctx, { clusterName: CLUSTER, cpu: type.cpu, memory: type.memory, instanceType, availabilityZone: "us-east-1a" });
        instances++;
        placed = placeOne(world, req);
        if (!("instance" in placed)) return { error: `a task of ${t.serviceName} (${t.cpu} cpu units, ${t.memory} MiB) does not fit an empty ${instanceType}: ${placed.message}` };
      }
      const arn = `task/${++seq}`;
      world.tasks[arn] = {
        arn, id: String(seq), seq, clusterName: CLUSTER, taskDefinitionArn: td.arn, family: td.family, launchType: "EC2",
        containerInstanceArn: placed.instance.arn, availabilityZone: placed.instance.availabilityZone, networkMode: String(td.body.networkMode),
        group: req.group, lastStatus: "RUNNING", desiredStatus: "RUNNING", healthStatus: "UNKNOWN", containers: [],
        cpu: t.cpu, memory: t.memory, hostPorts: [...placed.hostPorts, ...placed.dynamicPorts], createdAt: 0, tags: [], version: 1,
      };
    }
  }
  return { instances };
}

type Load = {
  provider: string; kind: "autoScalingGroup" | "managedInstances"; requirements?: Record<string, unknown>;
  tasks: (Omit<TasksToPlace, "count"> & { desired: number; min: number; max: number })[];
};

/**
 * The instance type a provider launches and how many it needs at desired count, min and max:
 * an Auto Scaling group's are the sandbox's m5.large (a design names no launch template type);
 * Managed Instances take the cheapest priced type meeting instanceRequirements that fits every task.
 */
type Needs = { provider: string; kind: Load["kind"]; instanceType: string; desired: number; min: number; max: number; how: string; error?: string };

export function providerInstanceNeeds(loads: readonly Load[], ec2Prices: Readonly<Record<string, { usd: number }>>): Needs[] {
  return loads.map((l): Needs => {
    const none: Needs = { provider: l.provider, kind: l.kind, instanceType: "", desired: 0, min: 0, max: 0, how: "" };
    const fitsAll = (name: string) => l.tasks.every((t) => INSTANCE_TYPES[name].cpu >= t.cpu && INSTANCE_TYPES[name].memory >= t.memory);
    let instanceType = ASG_INSTANCE_TYPE;
    let why = `${ASG_INSTANCE_TYPE} assumed (the design does not say the Auto Scaling group's launch template instance type; the sandbox's groups launch ${ASG_INSTANCE_TYPE})`;
    if (l.kind === "managedInstances") {
      const priced = eligibleTypes(l.requirements).filter((n) => fitsAll(n) && ec2Prices[n]).sort((a, b) => ec2Prices[a].usd - ec2Prices[b].usd);
      if (!priced.length) return { ...none, error: "no priced instance type meets its instanceRequirements and fits every task" };
      instanceType = priced[0];
      why = `${instanceType}: the cheapest priced instance type that meets the provider's instanceRequirements and fits every task`;
    }
    const at = (k: "desired" | "min" | "max") => instancesForTasks(l.tasks.map((t) => ({ ...t, count: t[k] })), instanceType);
    const [desired, min, max] = [at("desired"), at("min"), at("max")];
    for (const r of [desired, min, max]) if ("error" in r) return { ...none, instanceType, error: r.error };
    const n = (r: typeof desired) => ("instances" in r ? r.instances : 0);
    return {
      provider: l.provider, kind: l.kind, instanceType, desired: n(desired), min: n(min), max: n(max),
      how: `${why}; counts from the sandbox's task placement (instances launched only for tasks that fit none there)`,
    };
  });
}
