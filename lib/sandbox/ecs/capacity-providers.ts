import { z } from "zod";
import { CAPACITY_PROVIDER_NAME, CAPACITY_PROVIDER_RESERVED_PREFIX } from "../../domain/ecs-facts/service";
import { arn, nextSeq } from "../core/ids";
import { lastSegment } from "./arns";
import { clientError, invalidParameter } from "./errors";
import { TagListSchema, paginate, parseInput } from "./input";
import type { CapacityProvider, World } from "../core/types";
import { activeCluster } from "./lookups";
import { ensureGroupOf } from "../core/auto-scaling-groups";
import { peek } from "../core/draft";
import { compact } from "../protocols/json-1-1";

// Capacity providers (CreateCapacityProvider, DescribeCapacityProviders, UpdateCapacityProvider,
// DeleteCapacityProvider): an Auto Scaling group's (the account's; a group the sandbox does not
// have yet is made for it, see core/auto-scaling-groups.ts) or ECS Managed Instances' (created in
// a cluster and usable only there). FARGATE and FARGATE_SPOT are built in: described, never stored.
// What the providers do to a cluster's instances is ecs/capacity.ts.

const str = z.string();
export const FARGATE_PROVIDERS = ["FARGATE", "FARGATE_SPOT"];
const ASG_ARN = /^arn:aws[a-z-]*:autoscaling:[a-z0-9-]+:\d{12}:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/[^/]{1,255}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
const PROFILE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/.+$/;

const onOff = z.enum(["ENABLED", "DISABLED"]);
const ManagedScaling = z.object({
  status: onOff.optional(),
  targetCapacity: z.number().int().min(1).max(100).optional(),
  minimumScalingStepSize: z.number().int().min(1).max(10000).optional(),
  maximumScalingStepSize: z.number().int().min(1).max(10000).optional(),
  instanceWarmupPeriod: z.number().int().min(0).max(10000).optional(),
});
const AsgProvider = z.object({
  autoScalingGroupArn: str.min(1), managedScaling: ManagedScaling.optional(),
  managedTerminationProtection: onOff.optional(), managedDraining: onOff.optional(),
});
const AsgUpdate = AsgProvider.omit({ autoScalingGroupArn: true });

const Range = z.object({ min: z.number().int().min(0), max: z.number().int().min(0).optional() });
const InstanceRequirements = z.looseObject({
  vCpuCount: Range, memoryMiB: Range,
  cpuManufacturers: z.array(z.enum(["intel", "amd", "amazon-web-services"])).optional(),
  allowedInstanceTypes: z.array(str).max(400).optional(),
  excludedInstanceTypes: z.array(str).max(400).optional(),
  burstablePerformance: z.enum(["included", "required", "excluded"]).optional(),
  instanceGenerations: z.array(z.enum(["current", "previous"])).optional(),
  bareMetal: z.enum(["included", "required", "excluded"]).optional(),
});
const NetworkConfiguration = z.object({ subnets: z.array(str).optional(), securityGroups: z.array(str).optional() });
const LaunchTemplateFields = {
  storageConfiguration: z.object({ storageSizeGiB: z.number().int().min(1).optional() }).optional(),
  localStorageConfiguration: z.looseObject({}).optional(),
  monitoring: z.enum(["BASIC", "DETAILED"]).optional(),
  instanceMetadataTagsPropagation: z.boolean().optional(),
  instanceRequirements: InstanceRequirements.optional(),
  capacityReservations: z.looseObject({}).optional(),
};
const LaunchTemplate = z.object({
  ec2InstanceProfileArn: str.min(1), networkConfiguration: NetworkConfiguration, ...LaunchTemplateFields,
  capacityOptionType: z.enum(["ON_DEMAND", "SPOT", "RESERVED"]).optional(), fipsEnabled: z.boolean().optional(),
});
const MiFields = {
  propagateTags: z.enum(["CAPACITY_PROVIDER", "NONE"]).optional(),
  infrastructureOptimization: z.object({ scaleInAfter: z.number().int().min(-1).max(3600).optional() }).optional(),
  autoRepairConfiguration: z.looseObject({}).optional(),
};
const MiProvider = z.object({ infrastructureRoleArn: str.min(1), instanceLaunchTemplate: LaunchTemplate, ...MiFields });
const MiUpdate = z.object({
  infrastructureRoleArn: str.min(1),
  instanceLaunchTemplate: z.object({ ec2InstanceProfileArn: str.min(1).optional(), networkConfiguration: NetworkConfiguration.optional(), ...LaunchTemplateFields }),
  ...MiFields,
});

const CreateSchema = z.object({
  name: str, cluster: str.optional(), autoScalingGroupProvider: AsgProvider.optional(),
  managedInstancesProvider: MiProvider.optional(), tags: TagListSchema.optional(),
});

const providerArn = (world: World, name: string) => arn(world, "ecs", `capacity-provider/${name}`);
const notFound = () => clientError("The specified capacity provider does not exist. Specify a valid name or ARN and try again.");

/** ECS's defaults for what a provider's configuration leaves out (API_ManagedScaling, API_AutoScalingGroupProvider). */
function asgWithDefaults(p: z.infer<typeof AsgUpdate> & { autoScalingGroupArn: string }) {
  const ms = p.managedScaling ?? {};
  const scaling = {
    status: ms.status ?? "DISABLED", targetCapacity: ms.targetCapacity ?? 100,
    minimumScalingStepSize: ms.minimumScalingStepSize ?? 1, maximumScalingStepSize: ms.maximumScalingStepSize ?? 10000,
    instanceWarmupPeriod: ms.instanceWarmupPeriod ?? 300,
  };
  if (scaling.minimumScalingStepSize > scaling.maximumScalingStepSize) {
    throw invalidParameter("The managed scaling minimum scaling step size must be less than or equal to the maximum scaling step size.");
  }
  const protection = p.managedTerminationProtection ?? "DISABLED";
  if (protection === "ENABLED" && scaling.status !== "ENABLED") {
    throw invalidParameter("The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, managed scaling must be enabled.");
  }
  return { autoScalingGroupArn: p.autoScalingGroupArn, managedScaling: scaling, managedTerminationProtection: protection, managedDraining: p.managedDraining ?? "ENABLED" };
}

function checkManagedInstances(p: { infrastructureRoleArn: string; instanceLaunchTemplate: Record<string, unknown> }) {
  if (!ROLE_ARN.test(p.infrastructureRoleArn)) throw invalidParameter("The infrastructure role ARN is not valid. Specify a valid IAM role ARN and try again.");
  const lt = p.instanceLaunchTemplate as z.infer<typeof LaunchTemplate>;
  if (lt.ec2InstanceProfileArn !== undefined && !PROFILE_ARN.test(lt.ec2InstanceProfileArn)) {
    throw invalidParameter("The EC2 instance profile ARN is not valid. Specify a valid IAM instance profile ARN and try again.");
  }
  if (lt.networkConfiguration && !lt.networkConfiguration.subnets?.length) {
    throw invalidParameter("At least one subnet must be specified in the network configuration.");
  }
  const req = lt.instanceRequirements;
  for (const [what, r] of [["vCpuCount", req?.vCpuCount], ["memoryMiB", req?.memoryMiB]] as const) {
    if (r && r.max !== undefined && r.max < r.min) throw invalidParameter(`The ${what} maximum must be greater than or equal to its minimum.`);
  }
  if (req?.allowedInstanceTypes?.length && req.excludedInstanceTypes?.length) {
    throw invalidParameter("You can specify either allowedInstanceTypes or excludedInstanceTypes, but not both.");
  }
}

export function createCapacityProvider(world: World, raw: unknown) {
  const input = parseInput(CreateSchema, raw);
  if (!CAPACITY_PROVIDER_NAME.test(input.name) || CAPACITY_PROVIDER_RESERVED_PREFIX.test(input.name)) {
    throw invalidParameter("The specified capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed with \"aws\", \"ecs\", or \"fargate\".");
  }
  if (!input.autoScalingGroupProvider === !input.managedInstancesProvider) {
    throw invalidParameter("Specify either an autoScalingGroupProvider or a managedInstancesProvider.");
  }
  const existing = world.capacityProviders[input.name];
  if (existing && existing.status === "ACTIVE") {
    throw clientError("The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.");
  }
  const base = { arn: providerArn(world, input.name), name: input.name, status: "ACTIVE" as const, updateStatus: undefined, tags: input.tags ?? [] };
  let cp: CapacityProvider;
  if (input.autoScalingGroupProvider) {
    const asg = input.autoScalingGroupProvider;
    if (!ASG_ARN.test(asg.autoScalingGroupArn)) throw invalidParameter("The specified Auto Scaling group ARN is not valid. Specify a valid ARN and try again.");
    if (Object.values(peek(world).capacityProviders).some((c) => c.status === "ACTIVE" && c.autoScalingGroupProvider?.autoScalingGroupArn === asg.autoScalingGroupArn)) {
      throw clientError("The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.");
    }
    if (!ensureGroupOf(world, world.now, asg.autoScalingGroupArn)) throw invalidParameter("The specified Auto Scaling group ARN is not valid. Specify a valid ARN and try again.");
    cp = { ...base, type: "EC2_AUTOSCALING", autoScalingGroupProvider: asgWithDefaults(asg), seq: nextSeq(world) };
  } else {
    const mi = input.managedInstancesProvider!;
    if (!input.cluster) throw invalidParameter("A cluster must be specified when creating a capacity provider with Amazon ECS Managed Instances.");
    const cluster = activeCluster(world, input.cluster);
    checkManagedInstances(mi);
    if (cluster.capacityProviders.length >= MAX_PER_CLUSTER) throw tooManyProviders();
    cp = {
      ...base, type: "MANAGED_INSTANCES", cluster: cluster.name, seq: nextSeq(world),
      managedInstancesProvider: { ...mi, propagateTags: mi.propagateTags ?? "NONE" },
    };
    // Available in its cluster only, and there at once (PutClusterCapacityProviders does not take it).
    cluster.capacityProviders = [...cluster.capacityProviders, cp.name];
  }
  cp.updateStatus = "CREATE_COMPLETE";
  world.capacityProviders[cp.name] = cp;
  return { capacityProvider: providerOut(world, cp) };
}

/** Capacity providers per cluster (ECS service quotas). */
export const MAX_PER_CLUSTER = 20;
export const tooManyProviders = () =>
  invalidParameter(`The specified cluster has reached the limit of ${MAX_PER_CLUSTER} capacity providers. Remove a capacity provider from the cluster and try again.`);

function providerOut(world: World, cp: CapacityProvider, withTags = true) {
  return compact({
    capacityProviderArn: cp.arn, name: cp.name, status: cp.status, type: cp.type,
    cluster: cp.cluster ? peek(world).clusters[cp.cluster]?.arn : undefined,
    autoScalingGroupProvider: cp.autoScalingGroupProvider, managedInstancesProvider: cp.managedInstancesProvider,
    updateStatus: cp.updateStatus, updateStatusReason: cp.updateStatusReason,
    tags: withTags ? cp.tags : undefined,
  });
}

const builtInOut = (world: World, name: string) => ({ capacityProviderArn: providerArn(world, name), name, status: "ACTIVE", type: name, tags: [] });

/** A provider of the account (or of `clusterName`, for Managed Instances ones) by name or ARN, or undefined. */
export function peekProvider(world: World, ref: string): CapacityProvider | undefined {
  const cp = peek(world).capacityProviders[lastSegment(ref)];
  return cp && cp.status === "ACTIVE" ? cp : undefined;
}

const DescribeSchema = z.object({
  capacityProviders: z.array(str).optional(), cluster: str.optional(), include: z.array(z.enum(["TAGS"])).optional(),
  maxResults: z.number().int().optional(), nextToken: str.optional(),
});

export function describeCapacityProviders(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  const cluster = input.cluster ? activeCluster(world, input.cluster) : undefined;
  const withTags = input.include?.includes("TAGS") ?? false;
  const visible = (cp: CapacityProvider) => cp.status === "ACTIVE" && (!cp.cluster || cp.cluster === cluster?.name || !cluster && !input.capacityProviders?.length);
  if (input.capacityProviders?.length) {
    const capacityProviders = [];
    const failures = [];
    for (const ref of input.capacityProviders) {
      const name = lastSegment(ref);
      const cp = peekProvider(world, name);
      if (FARGATE_PROVIDERS.includes(name)) capacityProviders.push(builtInOut(world, name));
      else if (cp && (!cp.cluster || !cluster || cp.cluster === cluster.name)) capacityProviders.push(providerOut(world, cp, withTags));
      else failures.push({ arn: ref.startsWith("arn:") ? ref : providerArn(world, name), reason: "MISSING" });
    }
    return { capacityProviders, failures };
  }
  // Every provider, the built-in ones first; pages of at most 10 (DescribeCapacityProviders' maxResults: 1–10).
  const all = [
    ...FARGATE_PROVIDERS.map((n) => builtInOut(world, n)),
    ...Object.values(peek(world).capacityProviders).filter(visible).sort((a, b) => a.seq - b.seq).map((cp) => providerOut(world, cp, withTags)),
  ];
  const { page, nextToken } = paginate(all, input.nextToken, input.maxResults, 10);
  return { capacityProviders: page, failures: [], ...(nextToken ? { nextToken } : {}) };
}

const UpdateSchema = z.object({
  name: str.min(1), cluster: str.optional(), autoScalingGroupProvider: AsgUpdate.optional(), managedInstancesProvider: MiUpdate.optional(),
});

export function updateCapacityProvider(world: World, raw: unknown) {
  const input = parseInput(UpdateSchema, raw);
  if (FARGATE_PROVIDERS.includes(input.name)) throw invalidParameter(`The ${input.name} capacity provider is reserved and cannot be updated.`);
  const found = peekProvider(world, input.name);
  if (!found) throw notFound();
  const cp = world.capacityProviders[found.name];
  if (cp.type === "EC2_AUTOSCALING") {
    if (!input.autoScalingGroupProvider) throw invalidParameter("An autoScalingGroupProvider must be specified to update an Auto Scaling group capacity provider.");
    const before = cp.autoScalingGroupProvider as ReturnType<typeof asgWithDefaults>;
    const u = input.autoScalingGroupProvider;
    cp.autoScalingGroupProvider = asgWithDefaults({
      autoScalingGroupArn: before.autoScalingGroupArn,
      managedScaling: u.managedScaling ? { ...before.managedScaling, ...u.managedScaling } : before.managedScaling,
      managedTerminationProtection: u.managedTerminationProtection ?? before.managedTerminationProtection,
      managedDraining: u.managedDraining ?? before.managedDraining,
    });
  } else {
    if (!input.managedInstancesProvider) throw invalidParameter("A managedInstancesProvider must be specified to update a Managed Instances capacity provider.");
    if (input.cluster && activeCluster(world, input.cluster).name !== cp.cluster) throw notFound();
    const before = cp.managedInstancesProvider as z.infer<typeof MiProvider>;
    const u = input.managedInstancesProvider;
    const next = {
      ...before, ...u, propagateTags: u.propagateTags ?? before.propagateTags,
      instanceLaunchTemplate: { ...before.instanceLaunchTemplate, ...u.instanceLaunchTemplate },
    };
    checkManagedInstances(next);
    cp.managedInstancesProvider = next;
  }
  cp.updateStatus = "UPDATE_COMPLETE";
  cp.updateStatusReason = undefined;
  return { capacityProvider: providerOut(world, cp) };
}

const DeleteSchema = z.object({ capacityProvider: str.min(1), cluster: str.optional() });

/**
 * ECS deletes only providers no cluster has and no service's strategy names (API_DeleteCapacityProvider);
 * an Auto Scaling group provider still associated answers with its updateStatus DELETE_FAILED, as ECS does.
 * A Managed Instances provider leaves its cluster with it, once no service uses it.
 */
export function deleteCapacityProvider(world: World, raw: unknown) {
  const input = parseInput(DeleteSchema, raw);
  const name = lastSegment(input.capacityProvider);
  if (FARGATE_PROVIDERS.includes(name)) throw invalidParameter(`The ${name} capacity provider is reserved and cannot be deleted.`);
  const found = peekProvider(world, name);
  if (!found) throw notFound();
  const cp = world.capacityProviders[found.name];
  const usedBy = Object.values(peek(world).services).find((s) => s.status !== "INACTIVE" && s.capacityProviderStrategy.some((i) => i.capacityProvider === cp.name));
  const cluster = Object.values(peek(world).clusters).find((c) => c.status === "ACTIVE" && c.capacityProviders.includes(cp.name));
  if (usedBy) {
    cp.updateStatus = "DELETE_FAILED";
    cp.updateStatusReason = `The capacity provider is in use by the service ${usedBy.name}. Remove it from the service's capacity provider strategy and try again.`;
    return { capacityProvider: providerOut(world, cp) };
  }
  if (cluster && cp.type === "EC2_AUTOSCALING") {
    cp.updateStatus = "DELETE_FAILED";
    cp.updateStatusReason = `The capacity provider is associated with the cluster ${cluster.name}. Remove it from the cluster with PutClusterCapacityProviders and try again.`;
    return { capacityProvider: providerOut(world, cp) };
  }
  if (cluster) {
    const own = world.clusters[cluster.name];
    own.capacityProviders = own.capacityProviders.filter((p) => p !== cp.name);
    own.defaultCapacityProviderStrategy = own.defaultCapacityProviderStrategy.filter((i) => i.capacityProvider !== cp.name);
  }
  cp.status = "INACTIVE";
  cp.updateStatus = "DELETE_COMPLETE";
  cp.updateStatusReason = undefined;
  return { capacityProvider: providerOut(world, cp) };
}
