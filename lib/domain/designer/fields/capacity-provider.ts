import type { CapacityProviderDesign } from "../../design";
import { tagsField } from "./task-definition";
import { getAt, setAt } from "../paths";
import type { FieldContext, FieldGroup } from "./types";

// The capacity provider form: one kind or the other (CreateCapacityProvider takes an
// autoScalingGroupProvider or a managedInstancesProvider), then the fields of that kind.

const ASG = "Auto Scaling group";
const MI = "Managed Instances";
const isAsg = (ctx: FieldContext) => ctx.resource.managedInstancesProvider === undefined;
const isMi = (ctx: FieldContext) => ctx.resource.managedInstancesProvider !== undefined;
const MS = ["autoScalingGroupProvider", "managedScaling"];
const LT = ["managedInstancesProvider", "instanceLaunchTemplate"];

/** The provider switched to the other kind: the new kind starts as ECS's console offers it, its own fields still to fill. */
function switchKind(res: Record<string, unknown>, v: unknown): Record<string, unknown> {
  const next: Record<string, unknown> = { ...res };
  if (v === MI && !res.managedInstancesProvider) {
    delete next.autoScalingGroupProvider;
    // The cluster is chosen below, or by connecting the provider to a cluster.
    next.managedInstancesProvider = {
      cluster: "", infrastructureRoleArn: "",
      instanceLaunchTemplate: { ec2InstanceProfileArn: "", networkConfiguration: { subnets: [] } },
    } satisfies CapacityProviderDesign["managedInstancesProvider"];
  } else if (v === ASG && !res.autoScalingGroupProvider) {
    delete next.managedInstancesProvider;
    next.autoScalingGroupProvider = { autoScalingGroupArn: "", managedScaling: { status: "ENABLED", targetCapacity: 100 }, managedTerminationProtection: "DISABLED", managedDraining: "ENABLED" };
  }
  return next;
}

const REQ = [...LT, "instanceRequirements"];

/**
 * A field of instanceRequirements: ECS takes the object only with both ranges (vCpuCount and
 * memoryMiB, each with its min), so the first value set brings the other range at its least.
 */
function withRanges(r: Record<string, unknown>, path: string[], v: unknown): Record<string, unknown> {
  let next = setAt(r, path, v);
  if (getAt(next, [...REQ, "vCpuCount", "min"]) === undefined) next = setAt(next, [...REQ, "vCpuCount", "min"], 1);
  if (getAt(next, [...REQ, "memoryMiB", "min"]) === undefined) next = setAt(next, [...REQ, "memoryMiB", "min"], 1024);
  return next;
}
const req = (...rest: string[]) => ({ path: [...REQ, ...rest], write: (r: Record<string, unknown>, v: unknown) => withRanges(r, [...REQ, ...rest], v) });

export const CAPACITY_PROVIDER_GROUPS: FieldGroup[] = [
  {
    title: "Capacity",
    fields: [
      {
        type: "select", path: ["kind"], label: "Kind", options: [ASG, MI],
        help: "An Auto Scaling group provider scales an EC2 Auto Scaling group you own; with Managed Instances, ECS launches, patches and replaces the instances itself, in one cluster.",
        read: (r) => (r.managedInstancesProvider ? MI : ASG),
        write: (r, v) => switchKind(r, v),
      },
      {
        type: "text", path: ["autoScalingGroupProvider", "autoScalingGroupArn"], label: "Auto Scaling group ARN", mono: true, required: true, suggest: "autoScalingGroup", when: isAsg,
        placeholder: "arn:aws:autoscaling:<region>:<account>:autoScalingGroup:<uuid>:autoScalingGroupName/<name>",
        help: "The group's full ARN, as DescribeAutoScalingGroups shows it: pick one of the environment's groups from the suggestions. One provider per group; with managed termination protection on, the group needs instance scale-in protection.",
      },
      {
        type: "select", path: [...MS, "status"], label: "Managed scaling", options: ["ENABLED", "DISABLED"], emptyLabel: "(ECS default: ENABLED)", when: isAsg,
        help: "ECS creates a target tracking policy on the group (metric CapacityProviderReservation) that adds instances when tasks cannot be placed and removes idle ones.",
      },
      {
        type: "int", path: [...MS, "targetCapacity"], label: "Target capacity (%)", placeholder: "100", when: isAsg,
        help: "How much of the group tasks should use, 1–100. 100 keeps no spare instance; lower values keep headroom so new tasks start without waiting for an instance.",
      },
      {
        type: "int", path: [...MS, "minimumScalingStepSize"], label: "Minimum scaling step", placeholder: "1", when: isAsg,
        help: "The fewest instances ECS adds or removes at a time (1–10000).",
      },
      {
        type: "int", path: [...MS, "maximumScalingStepSize"], label: "Maximum scaling step", placeholder: "10000", when: isAsg,
        help: "The most instances ECS adds or removes at a time (1–10000); at least the minimum step.",
      },
      {
        type: "int", path: [...MS, "instanceWarmupPeriod"], label: "Instance warm-up (s)", placeholder: "300", when: isAsg,
        help: "Seconds after launch before a new instance counts toward the group's metrics (0–10000), so scaling does not overshoot while it boots.",
      },
      {
        type: "select", path: ["autoScalingGroupProvider", "managedTerminationProtection"], label: "Managed termination protection", options: ["ENABLED", "DISABLED"], emptyLabel: "(ECS default: DISABLED)", when: isAsg,
        help: "ECS keeps scale-in from terminating instances that still run tasks (other than daemon tasks). Needs managed scaling on and instance scale-in protection on the group.",
      },
      {
        type: "select", path: ["autoScalingGroupProvider", "managedDraining"], label: "Managed draining", options: ["ENABLED", "DISABLED"], emptyLabel: "(ECS default: ENABLED)", when: isAsg,
        help: "Before the group terminates an instance, ECS sets it DRAINING so its service tasks move elsewhere first.",
      },
      {
        type: "select", path: ["managedInstancesProvider", "cluster"], label: "Cluster", when: isMi,
        options: (ctx) => ctx.design.clusters.map((c) => c.clusterName), emptyLabel: "(choose a cluster)",
        help: "A Managed Instances provider is created in one cluster (CreateCapacityProvider's cluster) and can be used only there.",
      },
      {
        type: "text", path: ["managedInstancesProvider", "infrastructureRoleArn"], label: "Infrastructure role ARN", mono: true, required: true, suggest: "role", when: isMi,
        placeholder: "arn:aws:iam::<account>:role/ecsInfrastructureRole",
        help: "The role ECS assumes to launch and manage the instances for you (trusts ecs.amazonaws.com; AWS managed policy AmazonECSInfrastructureRolePolicyForManagedInstances).",
      },
      {
        type: "text", path: [...LT, "ec2InstanceProfileArn"], label: "Instance profile ARN", mono: true, required: true, when: isMi,
        placeholder: "arn:aws:iam::<account>:instance-profile/<name>",
        help: "The instance profile the instances run with: its role lets the ECS agent on them register and report (AmazonECSInstanceRolePolicyForManagedInstances).",
      },
      {
        type: "strings", path: [...LT, "networkConfiguration", "subnets"], label: "Subnets", itemLabel: "Subnet", mono: true, suggest: "subnet", when: isMi,
        help: "Where the instances launch, all in one VPC; spread them over Availability Zones so a zone outage leaves capacity.",
      },
      {
        type: "strings", path: [...LT, "networkConfiguration", "securityGroups"], label: "Security groups", itemLabel: "Security group", mono: true, suggest: "securityGroup", when: isMi,
        help: "The instances' security groups; without any, the VPC's default security group.",
      },
    ],
  },
  {
    title: "Instance requirements",
    fields: [
      {
        type: "int", ...req("vCpuCount", "min"), label: "vCPUs (min)", when: isMi,
        help: "ECS picks instance types with at least this many vCPUs (EC2 attribute-based selection).",
      },
      { type: "int", ...req("vCpuCount", "max"), label: "vCPUs (max)", when: isMi, help: "At most this many vCPUs per instance; empty for no upper bound." },
      {
        type: "int", ...req("memoryMiB", "min"), label: "Memory MiB (min)", when: isMi,
        help: "Instance types with at least this much memory in MiB.",
      },
      { type: "int", ...req("memoryMiB", "max"), label: "Memory MiB (max)", when: isMi, help: "At most this much memory per instance; empty for no upper bound." },
      {
        type: "multi", ...req("cpuManufacturers"), label: "CPU manufacturers", options: ["intel", "amd", "amazon-web-services"], when: isMi,
        help: "Limit to these processor makers; amazon-web-services means Graviton (arm64): the task images must then be built for arm64.",
      },
      {
        type: "strings", ...req("allowedInstanceTypes"), label: "Allowed instance types", itemLabel: "Instance type", mono: true, when: isMi,
        help: "Only these types (wildcards such as m5.* allowed); empty: any type meeting the ranges.",
      },
    ],
  },
  { title: "Tags", collapsed: true, fields: [tagsField] },
];
