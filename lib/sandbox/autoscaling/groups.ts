import { z } from "zod";
import { addGroup, findGroup } from "../core/auto-scaling-groups";
import { peek } from "../core/draft";
import { pageAfter } from "../core/paging";
import type { AutoScalingGroup, CapacityProvider, ContainerInstance, Ctx, World } from "../core/types";
import { findSubnet } from "../ec2/network";
import { isoTime, parseQueryInput, queryBool, queryInt, queryList } from "../protocols/query";
import { autoScalingError, validation } from "./errors";

// Auto Scaling groups: CreateAutoScalingGroup, DescribeAutoScalingGroups, UpdateAutoScalingGroup,
// DeleteAutoScalingGroup (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html
// and the pages of the others). The sandbox launches no bare EC2 instances: a group's instances are
// the container instances of the ECS capacity provider that uses it (ecs/capacity.ts: m5.large,
// launched to hold the provider's targetCapacity, Pending during the warm-up), so a group no
// provider uses keeps its desired capacity and lists no instances.

const str = z.string();
const int = () => queryInt().pipe(z.number().int().min(0));
const LaunchTemplate = z.object({ LaunchTemplateId: str.optional(), LaunchTemplateName: str.optional(), Version: str.optional() });
const Tag = z.object({ Key: str.min(1).max(128), Value: str.max(256).optional(), PropagateAtLaunch: queryBool().optional(), ResourceId: str.optional(), ResourceType: str.optional() });

const CreateSchema = z.object({
  AutoScalingGroupName: str.min(1).max(255),
  LaunchTemplate: LaunchTemplate.optional(),
  LaunchConfigurationName: str.min(1).max(255).optional(),
  InstanceId: str.optional(),
  MixedInstancesPolicy: z.looseObject({}).optional(),
  MinSize: int(), MaxSize: int(), DesiredCapacity: int().optional(),
  DefaultCooldown: int().optional(),
  AvailabilityZones: queryList(str).optional(),
  VPCZoneIdentifier: str.max(5000).optional(),
  TargetGroupARNs: queryList(str).optional(),
  HealthCheckType: str.min(1).max(32).optional(),
  HealthCheckGracePeriod: int().optional(),
  NewInstancesProtectedFromScaleIn: queryBool().optional(),
  CapacityRebalance: queryBool().optional(),
  Tags: queryList(Tag, { max: 50 }).optional(),
});

function checkSizes(min: number, max: number, desired: number | undefined) {
  if (max < min) throw validation(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
  if (desired !== undefined && (desired < min || desired > max)) {
    throw validation(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
  }
}

/** The zones of VPCZoneIdentifier's subnets (comma-separated ids), each known to EC2. */
function zonesOfSubnets(world: World, ids: string): string[] {
  const zones: string[] = [];
  for (const id of ids.split(",").map((s) => s.trim()).filter(Boolean)) {
    const subnet = findSubnet(world, id);
    if (!subnet) throw validation(`The subnet ID '${id}' does not exist`);
    if (!zones.includes(subnet.availabilityZone)) zones.push(subnet.availabilityZone);
  }
  return zones;
}

export function createAutoScalingGroup(world: World, raw: unknown, ctx: Ctx) {
  const input = parseQueryInput(CreateSchema, raw);
  const name = input.AutoScalingGroupName;
  if (findGroup(world, name)) throw autoScalingError("AlreadyExists", `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`);
  if (!input.LaunchTemplate && !input.LaunchConfigurationName && !input.InstanceId && !input.MixedInstancesPolicy) {
    throw validation("Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.");
  }
  if (input.LaunchTemplate && !input.LaunchTemplate.LaunchTemplateId && !input.LaunchTemplate.LaunchTemplateName) {
    throw validation("Valid requests must contain either launchTemplateId or LaunchTemplateName");
  }
  checkSizes(input.MinSize, input.MaxSize, input.DesiredCapacity);
  const subnetZones = input.VPCZoneIdentifier ? zonesOfSubnets(world, input.VPCZoneIdentifier) : [];
  const zones = subnetZones.length ? subnetZones : input.AvailabilityZones ?? [];
  if (!zones.length) throw validation("At least one Availability Zone or VPC Subnet is required.");
  const keys = new Set<string>();
  for (const t of input.Tags ?? []) {
    if (keys.has(t.Key)) throw validation(`Duplicate tag key '${t.Key}' found.`);
    keys.add(t.Key);
  }
  addGroup(world, ctx.now, {
    name, minSize: input.MinSize, maxSize: input.MaxSize, desiredCapacity: input.DesiredCapacity ?? input.MinSize,
    defaultCooldown: input.DefaultCooldown ?? 300, availabilityZones: zones,
    ...(input.VPCZoneIdentifier ? { vpcZoneIdentifier: input.VPCZoneIdentifier } : {}),
    ...(input.LaunchTemplate ? { launchTemplate: input.LaunchTemplate } : {}),
    ...(input.MixedInstancesPolicy ? { mixedInstancesPolicy: input.MixedInstancesPolicy } : {}),
    healthCheckType: input.HealthCheckType ?? "EC2", healthCheckGracePeriod: input.HealthCheckGracePeriod ?? 0,
    newInstancesProtectedFromScaleIn: input.NewInstancesProtectedFromScaleIn ?? false, capacityRebalance: input.CapacityRebalance ?? false,
    targetGroupArns: input.TargetGroupARNs ?? [],
    tags: (input.Tags ?? []).map((t) => ({ key: t.Key, value: t.Value ?? "", propagateAtLaunch: t.PropagateAtLaunch ?? false })),
  });
  return {};
}

/** The ACTIVE capacity provider whose group this is (a group serves one provider at most). */
export function providerOfGroup(world: World, g: AutoScalingGroup): CapacityProvider | undefined {
  return Object.values(peek(world).capacityProviders).find((cp) => cp.status === "ACTIVE" && cp.autoScalingGroupProvider?.autoScalingGroupArn === g.arn);
}

const liveInstances = (world: World, cp: CapacityProvider): ContainerInstance[] =>
  Object.values(peek(world).instances).filter((i) => i.capacityProviderName === cp.name && i.status !== "INACTIVE").sort((a, b) => a.registeredAt - b.registeredAt);

const managedScalingOn = (cp: CapacityProvider) => (cp.autoScalingGroupProvider?.managedScaling as { status?: string } | undefined)?.status === "ENABLED";

/**
 * The group's instances as Auto Scaling lists them: launched and warming up (Pending), in
 * service, or draining before termination (Terminating:Wait, managed draining's lifecycle hook).
 * With managed termination protection ECS protects the instances that run tasks.
 */
function instancesOut(world: World, g: AutoScalingGroup, cp: CapacityProvider | undefined) {
  if (!cp) return { instances: [], desired: g.desiredCapacity };
  const protection = cp.autoScalingGroupProvider?.managedTerminationProtection === "ENABLED";
  const busy = new Set<string>();
  for (const t of Object.values(peek(world).tasks)) if (t.containerInstanceArn && t.lastStatus !== "STOPPED") busy.add(t.containerInstanceArn);
  const launchTemplate = g.launchTemplate ? { LaunchTemplate: g.launchTemplate } : {};
  const live = liveInstances(world, cp).map((i) => ({
    InstanceId: i.ec2InstanceId, InstanceType: i.instanceType, AvailabilityZone: i.availabilityZone,
    LifecycleState: i.status === "DRAINING" ? "Terminating:Wait" : "InService", HealthStatus: "Healthy", ...launchTemplate,
    ProtectedFromScaleIn: g.newInstancesProtectedFromScaleIn || (protection && busy.has(i.arn)),
  }));
  const pending = (cp.launching ?? []).flatMap((l) => (l.instanceIds ?? []).map((id) => ({
    InstanceId: id, InstanceType: "m5.large", AvailabilityZone: g.availabilityZones[0] ?? `${world.region}a`,
    LifecycleState: "Pending", HealthStatus: "Healthy", ...launchTemplate, ProtectedFromScaleIn: g.newInstancesProtectedFromScaleIn,
  })));
  const inService = live.filter((i) => i.LifecycleState === "InService").length;
  // Managed scaling sets the desired capacity: the instances it keeps plus those it is launching.
  return { instances: [...live, ...pending], desired: managedScalingOn(cp) ? inService + pending.length : g.desiredCapacity };
}

function groupOut(world: World, g: AutoScalingGroup, withInstances: boolean) {
  const { instances, desired } = instancesOut(world, g, providerOfGroup(world, g));
  return {
    AutoScalingGroupName: g.name, AutoScalingGroupARN: g.arn,
    ...(g.launchTemplate ? { LaunchTemplate: g.launchTemplate } : {}),
    ...(g.mixedInstancesPolicy ? { MixedInstancesPolicy: g.mixedInstancesPolicy } : {}),
    MinSize: g.minSize, MaxSize: g.maxSize, DesiredCapacity: desired, DefaultCooldown: g.defaultCooldown,
    AvailabilityZones: g.availabilityZones, LoadBalancerNames: [], TargetGroupARNs: g.targetGroupArns,
    HealthCheckType: g.healthCheckType, HealthCheckGracePeriod: g.healthCheckGracePeriod,
    ...(withInstances ? { Instances: instances } : {}),
    CreatedTime: isoTime(g.createdAt), SuspendedProcesses: [],
    ...(g.vpcZoneIdentifier ? { VPCZoneIdentifier: g.vpcZoneIdentifier } : {}),
    EnabledMetrics: [],
    Tags: g.tags.map((t) => ({ ResourceId: g.name, ResourceType: "auto-scaling-group", Key: t.key, Value: t.value, PropagateAtLaunch: t.propagateAtLaunch })),
    TerminationPolicies: ["Default"], NewInstancesProtectedFromScaleIn: g.newInstancesProtectedFromScaleIn,
    ServiceLinkedRoleARN: `arn:aws:iam::${world.account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    CapacityRebalance: g.capacityRebalance,
  };
}

const Filter = z.object({ Name: str.min(1), Values: queryList(str).optional() });
const DescribeSchema = z.object({
  AutoScalingGroupNames: queryList(str.min(1).max(255)).optional(),
  IncludeInstances: queryBool().optional(),
  NextToken: str.optional(),
  MaxRecords: queryInt().pipe(z.number().int().min(1).max(100)).optional(),
  Filters: queryList(Filter).optional(),
});

/** Whether a group matches a filter: tag-key, tag-value, or tag:<key> (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_Filter.html). */
function matches(g: AutoScalingGroup, f: z.infer<typeof Filter>): boolean {
  const values = f.Values ?? [];
  if (f.Name === "tag-key") return g.tags.some((t) => values.includes(t.key));
  if (f.Name === "tag-value") return g.tags.some((t) => values.includes(t.value));
  if (f.Name.startsWith("tag:")) return g.tags.some((t) => t.key === f.Name.slice(4) && values.includes(t.value));
  throw validation(`Filter '${f.Name}' is not supported. Supported filters are tag-key, tag-value and tag:<key>.`);
}

/** The groups named (unknown names are left out, as Auto Scaling does), or all, in name order; pages of MaxRecords (default 50). */
export function describeAutoScalingGroups(world: World, raw: unknown) {
  const input = parseQueryInput(DescribeSchema, raw);
  const names = input.AutoScalingGroupNames ?? [];
  const all = Object.values(peek(world).autoScalingGroups)
    .filter((g) => !names.length || names.includes(g.name))
    .filter((g) => (input.Filters ?? []).every((f) => matches(g, f)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { page, next } = pageAfter(all, input.NextToken, input.MaxRecords ?? 50, () => autoScalingError("InvalidNextToken", "The token is invalid."));
  return { AutoScalingGroups: page.map((g) => groupOut(world, g, input.IncludeInstances ?? true)), ...(next ? { NextToken: next } : {}) };
}

const UpdateSchema = z.object({
  AutoScalingGroupName: str.min(1).max(255),
  MinSize: int().optional(), MaxSize: int().optional(), DesiredCapacity: int().optional(), DefaultCooldown: int().optional(),
  NewInstancesProtectedFromScaleIn: queryBool().optional(), CapacityRebalance: queryBool().optional(),
  HealthCheckType: str.min(1).max(32).optional(), HealthCheckGracePeriod: int().optional(),
});

const notFound = (name: string) => validation(`AutoScalingGroup name not found - AutoScalingGroup ${name} not found`);

/** Changes sizes and settings; a managed-scaling provider then holds its targetCapacity within the new bounds. */
export function updateAutoScalingGroup(world: World, raw: unknown) {
  const input = parseQueryInput(UpdateSchema, raw);
  const found = findGroup(world, input.AutoScalingGroupName);
  if (!found) throw notFound(input.AutoScalingGroupName);
  const g = world.autoScalingGroups[found.name];
  const min = input.MinSize ?? g.minSize;
  const max = input.MaxSize ?? g.maxSize;
  checkSizes(min, max, input.DesiredCapacity);
  g.minSize = min;
  g.maxSize = max;
  // A desired capacity outside new bounds moves to the nearest bound, as Auto Scaling does.
  g.desiredCapacity = Math.min(max, Math.max(min, input.DesiredCapacity ?? g.desiredCapacity));
  if (input.DefaultCooldown !== undefined) g.defaultCooldown = input.DefaultCooldown;
  if (input.NewInstancesProtectedFromScaleIn !== undefined) g.newInstancesProtectedFromScaleIn = input.NewInstancesProtectedFromScaleIn;
  if (input.CapacityRebalance !== undefined) g.capacityRebalance = input.CapacityRebalance;
  if (input.HealthCheckType !== undefined) g.healthCheckType = input.HealthCheckType;
  if (input.HealthCheckGracePeriod !== undefined) g.healthCheckGracePeriod = input.HealthCheckGracePeriod;
  return {};
}

const DeleteSchema = z.object({ AutoScalingGroupName: str.min(1).max(255), ForceDelete: queryBool().optional() });

/** Deletes a group; one with instances only with ForceDelete, which terminates them. */
export function deleteAutoScalingGroup(world: World, raw: unknown) {
  const input = parseQueryInput(DeleteSchema, raw);
  const g = findGroup(world, input.AutoScalingGroupName);
  if (!g) throw notFound(input.AutoScalingGroupName);
  const cp = providerOfGroup(world, g);
  const live = cp ? liveInstances(world, cp) : [];
  const launching = cp?.launching?.length ?? 0;
  if ((live.length || launching) && !input.ForceDelete) {
    throw autoScalingError("ResourceInUse", "You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.");
  }
  if (cp) {
    for (const i of live) {
      const own = world.instances[i.arn];
      Object.assign(own, { status: "INACTIVE", agentConnected: false, terminateAt: undefined, idleSince: undefined });
      own.version++;
    }
    world.capacityProviders[cp.name].launching = undefined;
  }
  delete world.autoScalingGroups[g.name];
  return {};
}
