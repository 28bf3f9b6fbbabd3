import { addInstance, INSTANCE_TYPES } from "./container-instances";
import { findGroup } from "../core/auto-scaling-groups";
import { peek } from "../core/draft";
import { randomHex } from "../core/ids";
import type { CapacityProvider, ContainerInstance, Ctx, TaskDefinition, World } from "../core/types";

// What capacity providers do to a cluster's container instances, as time passes.
//
// ECS Managed Instances: a task that no instance of its provider can take makes the provider
// launch one, of the smallest instance type that meets the provider's instanceRequirements and
// fits the task, in one of its subnets' zones; it registers in the provider's cluster at once
// (the sandbox does not simulate the EC2 boot). An instance idle for the provider's
// infrastructureOptimization.scaleInAfter (default here 300 s; -1: never) drains and is
// terminated a minute later.
//
// Auto Scaling group providers with managed scaling ENABLED: ECS keeps CapacityProviderReservation
// (instances needed ÷ instances there × 100) at targetCapacity. Tasks that cannot be placed make it
// launch max(minimumScalingStepSize, min(maximumScalingStepSize, desired − current)) instances,
// which register after instanceWarmupPeriod, one scale-out at a time; instances idle for 15
// minutes beyond what targetCapacity asks for are drained and terminated. The provider's Auto
// Scaling group (core/auto-scaling-groups.ts; DescribeAutoScalingGroups) bounds what it asks for
// by its MinSize and MaxSize and spreads instances over its zones; its instances are m5.large.

/** A provider's instances terminate this long after they start draining (EC2's shutdown). */
const TERMINATE_AFTER_MS = 60_000;
/** Managed Instances' idle time before scale-in when the provider sets none. */
const DEFAULT_SCALE_IN_AFTER_S = 300;
/** ECS cluster auto scaling scales in after 15 minutes below target (15 one-minute datapoints). */
const ASG_SCALE_IN_AFTER_MS = 15 * 60_000;
export const ASG_INSTANCE_TYPE = "m5.large";

type Json = Record<string, unknown>;
type Range = { min: number; max?: number };
type Requirements = {
  vCpuCount?: Range; memoryMiB?: Range; allowedInstanceTypes?: string[]; excludedInstanceTypes?: string[];
  burstablePerformance?: string; cpuManufacturers?: string[];
};

const inRange = (v: number, r: Range | undefined) => !r || (v >= r.min && (r.max === undefined || v <= r.max));
const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);

/** The instance types a Managed Instances provider may launch, smallest first. */
export function eligibleTypes(req: Requirements | undefined): string[] {
  return Object.entries(INSTANCE_TYPES).filter(([name, t]) => {
    if (!inRange(t.vcpus, req?.vCpuCount) || !inRange(t.memoryMiB, req?.memoryMiB)) return false;
    if (req?.allowedInstanceTypes?.length && !req.allowedInstanceTypes.some((p) => glob(p).test(name))) return false;
    if (req?.excludedInstanceTypes?.some((p) => glob(p).test(name))) return false;
    // EC2 attribute-based selection leaves burstable types out unless asked for.
    const burst = req?.burstablePerformance ?? "excluded";
    if ((burst === "excluded" && t.burstable) || (burst === "required" && !t.burstable)) return false;
    // Every type the sandbox knows is Intel.
    if (req?.cpuManufacturers?.length && !req.cpuManufacturers.includes("intel")) return false;
    return true;
  }).sort(([an, a], [bn, b]) => a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || an.localeCompare(bn)).map(([name]) => name);
}

const requirementsOf = (cp: CapacityProvider) =>
  ((cp.managedInstancesProvider?.instanceLaunchTemplate as Json | undefined)?.instanceRequirements as Requirements | undefined);

/** The smallest type of the provider's that can run a task of `td`, or undefined. */
function instanceTypeFor(cp: CapacityProvider, td: TaskDefinition): string | undefined {
  return eligibleTypes(requirementsOf(cp)).find((n) => INSTANCE_TYPES[n].cpu >= td.cpu && INSTANCE_TYPES[n].memory >= td.memory);
}

/** A provider's live instances in `clusterName` (for reading). */
function providerInstances(world: World, cp: CapacityProvider, clusterName?: string): ContainerInstance[] {
  return Object.values(peek(world).instances).filter((i) => i.capacityProviderName === cp.name && i.status !== "INACTIVE" &&
    (clusterName === undefined || i.clusterName === clusterName));
}

/** An Auto Scaling group provider's group, for reading. */
const groupOf = (world: World, cp: CapacityProvider) => {
  const arn = cp.autoScalingGroupProvider?.autoScalingGroupArn;
  return typeof arn === "string" ? findGroup(world, arn) : undefined;
};

/** The zones a provider launches into: its group's (Auto Scaling), or its subnets' (Managed Instances). */
function zonesOf(world: World, cp: CapacityProvider): string[] {
  if (cp.type === "EC2_AUTOSCALING") return groupOf(world, cp)?.availabilityZones ?? [];
  const subnets = (((cp.managedInstancesProvider?.instanceLaunchTemplate as Json | undefined)?.networkConfiguration as Json | undefined)?.subnets as string[] | undefined) ?? [];
  return [...new Set(subnets.map((id) => peek(world).subnets[id]?.availabilityZone).filter((z): z is string => !!z))];
}

/** The zone of the next instance: the provider's zones in turn, the least used first (the Region's first zone without any). */
function nextZone(world: World, cp: CapacityProvider, clusterName: string): string {
  const zones = zonesOf(world, cp);
  if (!zones.length) return `${world.region}a`;
  const counts = zones.map((z) => providerInstances(world, cp, clusterName).filter((i) => i.availabilityZone === z).length);
  return zones[counts.indexOf(Math.min(...counts))];
}

function launchInstance(world: World, ctx: Ctx, cp: CapacityProvider, clusterName: string, instanceType: string, ec2InstanceId?: string): ContainerInstance {
  const t = INSTANCE_TYPES[instanceType];
  const propagate = cp.managedInstancesProvider?.propagateTags === "CAPACITY_PROVIDER";
  return addInstance(world, ctx, {
    ...(ec2InstanceId ? { ec2InstanceId } : {}),
    clusterName, cpu: t.cpu, memory: t.memory, instanceType, availabilityZone: nextZone(world, cp, clusterName),
    capacityProviderName: cp.name, tags: propagate ? cp.tags : [],
    attributes: [{ name: "ecs.capacity-provider", value: cp.name }],
  });
}

/** A Managed Instances provider's answer to a task none of its instances can take: a new instance, or why there is none. */
export function launchForTask(world: World, ctx: Ctx, cp: CapacityProvider, clusterName: string, td: TaskDefinition): ContainerInstance | string {
  const type = instanceTypeFor(cp, td);
  if (!type) return `No instance type that meets the instance requirements of capacity provider ${cp.name} has the CPU and memory the task needs.`;
  return launchInstance(world, ctx, cp, clusterName, type);
}

const managedScaling = (cp: CapacityProvider) => cp.autoScalingGroupProvider?.managedScaling as
  { status: string; targetCapacity: number; minimumScalingStepSize: number; maximumScalingStepSize: number; instanceWarmupPeriod: number } | undefined;

/** Whether an Auto Scaling group provider scales its group itself. */
export const scalesItself = (cp: CapacityProvider) => cp.type === "EC2_AUTOSCALING" && managedScaling(cp)?.status === "ENABLED";

/** How many more instances `waiting` tasks of `td` need on an Auto Scaling group provider's instances (0: they can never fit). */
export function instancesNeeded(td: TaskDefinition, waiting: number): number {
  const t = INSTANCE_TYPES[ASG_INSTANCE_TYPE];
  const perInstance = Math.min(td.cpu > 0 ? Math.floor(t.cpu / td.cpu) : Infinity, td.memory > 0 ? Math.floor(t.memory / td.memory) : Infinity);
  return perInstance >= 1 ? Math.ceil(waiting / Math.min(perInstance, 1000)) : 0;
}

/** Notes that `instances` more instances are wanted by tasks that could not be placed (the next capacity pass scales out). */
export function wantInstances(world: World, cp: CapacityProvider, instances: number) {
  const own = world.capacityProviders[cp.name];
  own.waiting = Math.max(own.waiting ?? 0, instances);
}

function clusterOf(world: World, cp: CapacityProvider): string | undefined {
  if (cp.cluster) return cp.cluster;
  return Object.values(peek(world).clusters).find((c) => c.status === "ACTIVE" && c.capacityProviders.includes(cp.name))?.name;
}

function drain(world: World, ctx: Ctx, i: ContainerInstance) {
  const own = world.instances[i.arn];
  own.status = "DRAINING";
  own.terminateAt = ctx.now + TERMINATE_AFTER_MS;
  own.version++;
}

/** One pass over the Region's capacity providers: idle clocks, scale-out, scale-in, terminations. True when instances registered. */
export function reconcileCapacity(world: World, ctx: Ctx): boolean {
  let registered = false;
  const view = peek(world);
  const providerOwned = Object.values(view.instances).filter((i) => i.capacityProviderName && i.status !== "INACTIVE");
  if (!providerOwned.length && !Object.keys(view.capacityProviders).length) return false;
  // One scan of the tasks for the pass: which instances run one.
  const occupied = new Set<string>();
  for (const t of Object.values(view.tasks)) if (t.containerInstanceArn && t.lastStatus !== "STOPPED") occupied.add(t.containerInstanceArn);
  for (const i of providerOwned) {
    const busy = occupied.has(i.arn);
    if (i.status === "DRAINING") {
      if (i.terminateAt !== undefined && i.terminateAt <= ctx.now && !busy) {
        const own = world.instances[i.arn];
        Object.assign(own, { status: "INACTIVE", agentConnected: false, terminateAt: undefined, idleSince: undefined });
        own.version++;
      }
      continue;
    }
    if (busy && i.idleSince !== undefined) world.instances[i.arn].idleSince = undefined;
    else if (!busy && i.idleSince === undefined) world.instances[i.arn].idleSince = ctx.now;
  }
  for (const cp of Object.values(view.capacityProviders)) {
    const mine = providerInstances(world, cp).filter((i) => i.status === "ACTIVE");
    if (cp.status !== "ACTIVE") {
      for (const i of mine) drain(world, ctx, i);
      continue;
    }
    if (cp.type === "MANAGED_INSTANCES") {
      const after = (cp.managedInstancesProvider?.infrastructureOptimization as { scaleInAfter?: number } | undefined)?.scaleInAfter ?? DEFAULT_SCALE_IN_AFTER_S;
      if (after < 0) continue;
      for (const i of mine) if (i.idleSince !== undefined && ctx.now - i.idleSince >= after * 1000) drain(world, ctx, i);
      continue;
    }
    if (scalesItself(cp)) registered = scaleAutoScalingGroup(world, ctx, cp, mine) || registered;
  }
  return registered;
}

/** Registers the instances whose warm-up is over; true when some did. */
function registerReady(world: World, ctx: Ctx, cp: CapacityProvider, clusterName: string | undefined, mine: ContainerInstance[]): boolean {
  const own = world.capacityProviders[cp.name];
  const ready = (own.launching ?? []).filter((l) => l.readyAt <= ctx.now);
  if (!ready.length) return false;
  const rest = (own.launching ?? []).filter((l) => l.readyAt > ctx.now);
  own.launching = rest.length ? rest : undefined;
  if (!clusterName) return false;
  for (const l of ready) for (let n = 0; n < l.count; n++) mine.push(launchInstance(world, ctx, cp, clusterName, ASG_INSTANCE_TYPE, l.instanceIds?.[n]));
  return true;
}

function scaleAutoScalingGroup(world: World, ctx: Ctx, cp: CapacityProvider, mine: ContainerInstance[]): boolean {
  const ms = managedScaling(cp)!;
  const clusterName = clusterOf(world, cp);
  const own = world.capacityProviders[cp.name];
  let registered = registerReady(world, ctx, cp, clusterName, mine);
  const waiting = own.waiting ?? 0;
  if (waiting) own.waiting = undefined;
  if (!clusterName) return registered;
  const busy = mine.filter((i) => i.idleSince === undefined).length;
  // CapacityProviderReservation = instances needed ÷ instances there × 100, held at targetCapacity,
  // within the group's MinSize and MaxSize.
  const group = groupOf(world, cp);
  const wanted = Math.ceil(((busy + waiting) * 100) / ms.targetCapacity);
  const desired = group ? Math.min(group.maxSize, Math.max(group.minSize, wanted)) : wanted;
  const launching = (own.launching ?? []).reduce((n, l) => n + l.count, 0);
  if (desired > mine.length && launching === 0) {
    // One scale-out at a time, of at least the minimum and at most the maximum step, never past MaxSize.
    const room = group ? group.maxSize - mine.length : Infinity;
    const step = Math.min(room, Math.max(ms.minimumScalingStepSize, Math.min(ms.maximumScalingStepSize, desired - mine.length)));
    const instanceIds = Array.from({ length: step }, () => `i-${randomHex(world, 17)}`);
    own.launching = [{ count: step, readyAt: ctx.now + ms.instanceWarmupPeriod * 1000, instanceIds }];
    registered = registerReady(world, ctx, cp, clusterName, mine) || registered;
  } else if (desired < mine.length && launching === 0) {
    const idle = mine.filter((i) => i.idleSince !== undefined && ctx.now - i.idleSince >= ASG_SCALE_IN_AFTER_MS)
      .sort((a, b) => a.registeredAt - b.registeredAt);
    const excess = Math.min(mine.length - desired, ms.maximumScalingStepSize);
    for (const i of idle.slice(0, excess)) drain(world, ctx, i);
  }
  return registered;
}

/** When the capacity pass must run again by itself (after the world's now): a warm-up, an idle timeout or a termination falling due. */
export function nextCapacityWakeUp(world: World): number {
  const later = (t: number) => (t > world.now ? t : Infinity);
  const view = peek(world);
  let next = Infinity;
  // Instances of a provider exist only once a provider does.
  if (!Object.keys(view.capacityProviders).length) return next;
  for (const cp of Object.values(view.capacityProviders)) {
    for (const l of cp.launching ?? []) next = Math.min(next, later(l.readyAt));
  }
  for (const i of Object.values(view.instances)) {
    if (!i.capacityProviderName || i.status === "INACTIVE") continue;
    if (i.status === "DRAINING" && i.terminateAt !== undefined) { next = Math.min(next, later(i.terminateAt)); continue; }
    if (i.idleSince === undefined) continue;
    const cp = view.capacityProviders[i.capacityProviderName];
    if (!cp) continue;
    if (cp.type === "MANAGED_INSTANCES") {
      const after = (cp.managedInstancesProvider?.infrastructureOptimization as { scaleInAfter?: number } | undefined)?.scaleInAfter ?? DEFAULT_SCALE_IN_AFTER_S;
      if (after >= 0) next = Math.min(next, later(i.idleSince + after * 1000));
    } else if (scalesItself(cp)) {
      next = Math.min(next, later(i.idleSince + ASG_SCALE_IN_AFTER_MS));
    }
  }
  return next;
}
