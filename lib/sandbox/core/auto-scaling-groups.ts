import { peek } from "./draft";
import { nextSeq, uuid } from "./ids";
import type { AutoScalingGroup, World } from "./types";

// EC2 Auto Scaling groups as the world keeps them, shared by the Auto Scaling API
// (autoscaling/groups.ts) and the ECS capacity providers that scale them (ecs/capacity.ts).

/** arn:aws:autoscaling:<region>:<account>:autoScalingGroup:<uuid>:autoScalingGroupName/<name> */
const GROUP_ARN = /^arn:aws[a-z-]*:autoscaling:[a-z0-9-]+:\d{12}:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/([^/]{1,255})$/;

/** The group name an Auto Scaling group ARN ends with, or undefined for another string. */
export function groupNameOfArn(arn: string): string | undefined {
  return GROUP_ARN.exec(arn)?.[1];
}

const byName = (world: World, name: string) => (Object.hasOwn(peek(world).autoScalingGroups, name) ? peek(world).autoScalingGroups[name] : undefined);

/** A group by name or ARN, for reading. */
export function findGroup(world: World, ref: string): AutoScalingGroup | undefined {
  const name = groupNameOfArn(ref) ?? ref;
  const g = byName(world, name);
  return g && (g.name === ref || g.arn === ref) ? g : undefined;
}

export type NewGroup = Omit<AutoScalingGroup, "arn" | "seq" | "createdAt"> & { arn?: string };

/** Stores a new group (its ARN minted unless given) and returns it. */
export function addGroup(world: World, now: number, g: NewGroup): AutoScalingGroup {
  const arn = g.arn ?? `arn:aws:autoscaling:${world.region}:${world.account}:autoScalingGroup:${uuid(world)}:autoScalingGroupName/${g.name}`;
  const group: AutoScalingGroup = { ...g, arn, createdAt: now, seq: nextSeq(world) };
  world.autoScalingGroups[g.name] = group;
  return group;
}

/**
 * The group an Auto Scaling group capacity provider names. On AWS the group exists before the
 * provider; a provider naming a group the sandbox does not have (a design applied to a fresh
 * sandbox) brings it into being as a group of 0 to `IMPLICIT_MAX_SIZE` m5.large instances in the
 * Region's first zone, with the ARN the provider gave. Undefined when another group has the name.
 */
export function ensureGroupOf(world: World, now: number, arn: string): AutoScalingGroup | undefined {
  const name = groupNameOfArn(arn);
  if (!name) return undefined;
  const existing = byName(world, name);
  // A group of that name with another ARN (another UUID) is not the group named.
  if (existing) return existing.arn === arn ? existing : undefined;
  return addGroup(world, now, {
    name, arn, minSize: 0, maxSize: IMPLICIT_MAX_SIZE, desiredCapacity: 0, defaultCooldown: 300,
    availabilityZones: [`${world.region}a`], healthCheckType: "EC2", healthCheckGracePeriod: 0,
    newInstancesProtectedFromScaleIn: false, capacityRebalance: false, targetGroupArns: [], tags: [],
  });
}

/** The largest size of a group the sandbox makes for a provider that names one it does not have. */
export const IMPLICIT_MAX_SIZE = 10;
