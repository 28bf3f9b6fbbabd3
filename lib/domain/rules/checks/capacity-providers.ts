import type { CapacityProviderDesign } from "../../design";
import type { DesignRule, Finding, PathSegment } from "../types";
import {
  CAPACITY_PROVIDER_NAME, CAPACITY_PROVIDER_RESERVED_PREFIX, FARGATE_CAPACITY_PROVIDERS, INSTANCE_WARMUP, SCALE_IN_AFTER, SCALING_STEP, TARGET_CAPACITY,
} from "../../ecs-facts/service";

// The design's capacity providers as CreateCapacityProvider takes them (API_CreateCapacityProvider,
// API_ManagedScaling, API_InfrastructureOptimization, API_InstanceRequirementsRequest), and the
// clusters that name them: a Managed Instances provider is usable only in the cluster it was created
// in (CreateCapacityProvider `cluster`), and a cluster may only list providers that exist.

const RULE = { ruleId: "capacity-providers", severity: "error" } as const;
type Range = { min: number; max: number };

export const capacityProviders: DesignRule = {
  id: "capacity-providers",
  title: "Capacity providers are valid and the clusters name ones that exist",
  severity: "error",
  scope: "design",
  check({ design }) {
    const out: Finding[] = [];
    const providers = design.capacityProviders ?? [];
    const clusterNames = new Set(design.clusters.map((c) => c.clusterName));
    const seen = new Set<string>();
    providers.forEach((cp, i) => {
      const at: PathSegment[] = ["capacityProviders", i];
      // Paths (of the finding and of its fix's edits) are the provider's own, made absolute here.
      const push = (path: PathSegment[], message: string, fix?: Finding["fix"], severity: Finding["severity"] = "error") => out.push({
        ...RULE, severity, resource: { kind: "capacityProvider", id: cp.id, name: cp.name }, path: [...at, ...path], message,
        ...(fix ? { fix: { ...fix, ...(fix.edits ? { edits: fix.edits.map((e) => ({ ...e, path: [...at, ...e.path] })) } : {}) } } : {}),
      });
      if (!CAPACITY_PROVIDER_NAME.test(cp.name) || CAPACITY_PROVIDER_RESERVED_PREFIX.test(cp.name) || FARGATE_CAPACITY_PROVIDERS.includes(cp.name)) {
        push(["name"], `Capacity provider name "${cp.name}" is not valid: up to 255 letters, numbers, underscores and hyphens, not starting with "aws", "ecs" or "fargate".`);
      }
      if (seen.has(cp.name)) push(["name"], `Another capacity provider of the design is named "${cp.name}"; ECS answers "The specified capacity provider already exists."`);
      seen.add(cp.name);
      if (!cp.autoScalingGroupProvider === !cp.managedInstancesProvider) {
        push([], "A capacity provider is either an Auto Scaling group provider or a Managed Instances provider: set exactly one of autoScalingGroupProvider and managedInstancesProvider.");
      }
      checkScaling(cp, push);
      checkManagedInstances(cp, clusterNames, push);
    });

    // Clusters may list FARGATE, FARGATE_SPOT, the design's providers (Managed Instances ones in their own cluster only) or ones made elsewhere.
    const byName = new Map(providers.map((p) => [p.name, p]));
    design.clusters.forEach((c, ci) => {
      (c.capacityProviders ?? []).forEach((name, pi) => {
        const cp = byName.get(name);
        const resource = { kind: "cluster" as const, id: c.id, name: c.clusterName };
        const path = ["clusters", ci, "capacityProviders", pi];
        if (FARGATE_CAPACITY_PROVIDERS.includes(name)) return;
        if (!cp) {
          out.push({
            ...RULE, severity: "warning", resource, path,
            message: `Capacity provider "${name}" is not in this design: it must already exist in the account (CreateCapacityProvider), or ECS answers "The specified capacity provider ${name} does not exist."`,
            fix: { description: `Add a capacity provider named "${name}" to the design, or remove it from the cluster.` },
          });
        } else if (cp.managedInstancesProvider && cp.managedInstancesProvider.cluster !== c.clusterName) {
          out.push({
            ...RULE, resource, path,
            message: `Managed Instances capacity provider "${name}" belongs to cluster ${cp.managedInstancesProvider.cluster}: a Managed Instances provider is usable only in the cluster it is created in.`,
            fix: { description: `Remove "${name}" from cluster ${c.clusterName}.`, edits: [{ path: ["clusters", ci, "capacityProviders"], value: (c.capacityProviders ?? []).filter((p) => p !== name) }] },
          });
        }
      });
    });
    return out;
  },
};

type Push = (path: PathSegment[], message: string, fix?: Finding["fix"], severity?: Finding["severity"]) => void;

function outside(push: Push, path: PathSegment[], what: string, value: number | undefined, range: Range) {
  if (value === undefined || (value >= range.min && value <= range.max)) return;
  const fixed = Math.min(Math.max(value, range.min), range.max);
  push(path, `${what} must be between ${range.min} and ${range.max}; ${value} is rejected.`, { description: `Set it to ${fixed}.`, edits: [{ path, value: fixed }] });
}

function checkScaling(cp: CapacityProviderDesign, push: Push) {
  const ms = cp.autoScalingGroupProvider?.managedScaling;
  const at = ["autoScalingGroupProvider", "managedScaling"];
  if (cp.autoScalingGroupProvider && !/^arn:aws[a-z-]*:autoscaling:[a-z0-9-]+:\d{12}:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/.+$/.test(cp.autoScalingGroupProvider.autoScalingGroupArn)) {
    push(["autoScalingGroupProvider", "autoScalingGroupArn"], "autoScalingGroupArn must be an Auto Scaling group's full ARN (arn:aws:autoscaling:<region>:<account>:autoScalingGroup:<uuid>:autoScalingGroupName/<name>).");
  }
  if (!ms) {
    if (cp.autoScalingGroupProvider?.managedTerminationProtection === "ENABLED") {
      push(["autoScalingGroupProvider", "managedTerminationProtection"], "Managed termination protection needs managed scaling ENABLED on the capacity provider.");
    }
    return;
  }
  outside(push, [...at, "targetCapacity"], "targetCapacity (the percentage of the group ECS keeps in use)", ms.targetCapacity, TARGET_CAPACITY);
  outside(push, [...at, "minimumScalingStepSize"], "minimumScalingStepSize", ms.minimumScalingStepSize, SCALING_STEP);
  outside(push, [...at, "maximumScalingStepSize"], "maximumScalingStepSize", ms.maximumScalingStepSize, SCALING_STEP);
  outside(push, [...at, "instanceWarmupPeriod"], "instanceWarmupPeriod (seconds)", ms.instanceWarmupPeriod, INSTANCE_WARMUP);
  const min = ms.minimumScalingStepSize ?? 1;
  const max = ms.maximumScalingStepSize ?? 10000;
  if (min > max) push([...at, "minimumScalingStepSize"], `minimumScalingStepSize (${min}) is greater than maximumScalingStepSize (${max}): ECS scales by at least the minimum and at most the maximum.`);
  if (cp.autoScalingGroupProvider?.managedTerminationProtection === "ENABLED" && ms.status !== "ENABLED") {
    push(["autoScalingGroupProvider", "managedTerminationProtection"], "Managed termination protection needs managed scaling ENABLED on the capacity provider.",
      { description: "Enable managed scaling.", edits: [{ path: [...at, "status"], value: "ENABLED" }] });
  }
}

function checkManagedInstances(cp: CapacityProviderDesign, clusterNames: Set<string>, push: Push) {
  const mi = cp.managedInstancesProvider;
  if (!mi) return;
  if (!clusterNames.has(mi.cluster)) {
    push(["managedInstancesProvider", "cluster"], `A Managed Instances provider is created in a cluster; ${mi.cluster ? `cluster ${mi.cluster} is not in this design` : "name one"}.`);
  }
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(mi.infrastructureRoleArn)) {
    push(["managedInstancesProvider", "infrastructureRoleArn"], "infrastructureRoleArn must be an IAM role ARN: the role ECS uses to launch and manage the instances.");
  }
  const lt = mi.instanceLaunchTemplate;
  if (!/^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/.+$/.test(lt.ec2InstanceProfileArn)) {
    push(["managedInstancesProvider", "instanceLaunchTemplate", "ec2InstanceProfileArn"], "ec2InstanceProfileArn must be an IAM instance profile ARN (arn:aws:iam::<account>:instance-profile/<name>).");
  }
  if (!lt.networkConfiguration.subnets?.length) {
    push(["managedInstancesProvider", "instanceLaunchTemplate", "networkConfiguration", "subnets"], "Name at least one subnet for the instances (all in one VPC).");
  }
  const req = lt.instanceRequirements;
  for (const key of ["vCpuCount", "memoryMiB"] as const) {
    const r = req?.[key];
    if (r && r.max !== undefined && r.max < r.min) {
      push(["managedInstancesProvider", "instanceLaunchTemplate", "instanceRequirements", key, "max"], `${key}.max (${r.max}) is below ${key}.min (${r.min}): no instance type can meet it.`);
    }
  }
  outside(push, ["managedInstancesProvider", "infrastructureOptimization", "scaleInAfter"], "scaleInAfter (seconds; -1 never scales in)", mi.infrastructureOptimization?.scaleInAfter, SCALE_IN_AFTER);
}
