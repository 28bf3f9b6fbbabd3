import { providerChoices } from "../capacity-providers";
import { ADJUSTMENT_TYPES, ALARM_COMPARISON_OPERATORS, EBS_VOLUME_TYPES, EcsEnums, METRIC_STATISTICS, PREDEFINED_ECS_METRICS } from "../../design";
import { familyOf } from "../../design";
import { listenerRuleChoices, targetGroupChoices } from "../load-balancers";
import type { FieldContext, FieldGroup, FieldSpec } from "./types";
import { tagsField } from "./task-definition";

const strategy = (help: string): FieldSpec => ({
  type: "list", path: ["capacityProviderStrategy"], label: "Capacity provider strategy", itemLabel: "Capacity provider",
  help, newItem: () => ({ capacityProvider: "FARGATE", weight: 1 }),
  fields: [
    { type: "text", path: ["capacityProvider"], label: "Provider", mono: true, required: true, choices: (ctx) => providerChoices(ctx.design) },
    { type: "int", path: ["weight"], label: "Weight" },
    { type: "int", path: ["base"], label: "Base" },
  ],
});

/** A lifecycle hook that calls Lambda (the type ECS assumes when none is set) names its function and a role to invoke it with. */
const isLambdaHook = (ctx: FieldContext) => (ctx.resource.targetType ?? "AWS_LAMBDA") === "AWS_LAMBDA";

function containersOf(ctx: FieldContext): string[] {
  if (ctx.r.kind !== "service") return [];
  const fam = familyOf(ctx.r.service.taskDefinition);
  return ctx.design.taskDefinitions.find((t) => t.family === fam)?.containerDefinitions.map((c) => c.name) ?? [];
}

/** The named port mappings of the service's task definition (what Service Connect offers by name), with their ports. */
function namedPortsOf(ctx: FieldContext): { name: string; port?: number }[] {
  if (ctx.r.kind !== "service") return [];
  const fam = familyOf(ctx.r.service.taskDefinition);
  const td = ctx.design.taskDefinitions.find((t) => t.family === fam);
  return (td?.containerDefinitions ?? []).flatMap((c) => (c.portMappings ?? []).flatMap((p) => (p.name ? [{ name: p.name, port: p.containerPort }] : [])));
}

/** The configuredAtLaunch volumes of the service's task definition: what a managed EBS volume may be named. */
function atLaunchVolumesOf(ctx: FieldContext): string[] {
  if (ctx.r.kind !== "service") return [];
  const fam = familyOf(ctx.r.service.taskDefinition);
  const td = ctx.design.taskDefinitions.find((t) => t.family === fam);
  return (td?.volumes ?? []).filter((v) => v.configuredAtLaunch).map((v) => v.name);
}

type Alias = { port: number; dnsName?: string };
/** One field of a Service Connect service's (single) client alias; the alias goes when its port is cleared. */
const aliasField = (key: "port" | "dnsName", label: string): FieldSpec => ({
  type: key === "port" ? "int" : "text", path: ["clientAliases", 0, key], label, ...(key === "dnsName" ? { mono: true, placeholder: "the discovery name" } : { placeholder: "8080" }),
  read: (res) => ((res.clientAliases ?? []) as Alias[])[0]?.[key],
  write: (res, v) => {
    const had = ((res.clientAliases ?? []) as Alias[])[0];
    const next = { ...res };
    if (key === "port" && v === undefined) { delete next.clientAliases; return next; }
    const alias: Alias = { port: had?.port ?? 80, ...(had?.dnsName ? { dnsName: had.dnsName } : {}), [key]: v };
    if (alias.dnsName === undefined || alias.dnsName === "") delete alias.dnsName;
    next.clientAliases = [alias];
    return next;
  },
} as FieldSpec);

/** The awsvpc network configuration of a service or a scheduled task (CreateService's and RunTask's), with the environment's pickers. */
export const awsvpcFields = (subnetsHelp: string, securityGroupsHelp: string): FieldSpec[] => [
  { type: "strings", path: ["networkConfiguration", "awsvpcConfiguration", "subnets"], label: "Subnets", itemLabel: "Subnet", mono: true, suggest: "subnet", help: subnetsHelp },
  { type: "strings", path: ["networkConfiguration", "awsvpcConfiguration", "securityGroups"], label: "Security groups", itemLabel: "Security group", mono: true, suggest: "securityGroup", help: securityGroupsHelp },
  { type: "select", path: ["networkConfiguration", "awsvpcConfiguration", "assignPublicIp"], label: "Public IP", options: EcsEnums.ASSIGN_PUBLIC_IP, emptyLabel: "(default: disabled)", help: "Fargate tasks in public subnets need a public IP (or a NAT) to pull images." },
];

export const SERVICE_GROUPS: FieldGroup[] = [
  {
    title: "Environment",
    fields: [
      { type: "select", path: ["launchType"], label: "Launch type", options: EcsEnums.LAUNCH_TYPES, emptyLabel: "(capacity provider strategy)", help: "Fixed infrastructure for every task. Leave empty to use a capacity provider strategy (e.g. Fargate Spot); ECS refuses both at once." },
      strategy("How tasks spread over capacity providers: base tasks go to one provider first, the rest split by weight. Empty: the cluster's default strategy."),
      { type: "text", path: ["platformVersion"], label: "Platform version", mono: true, placeholder: "LATEST", help: "Fargate platform version; LATEST picks up security fixes on each deployment." },
    ],
  },
  {
    title: "Deployment configuration",
    fields: [
      { type: "select", path: ["schedulingStrategy"], label: "Scheduling strategy", options: EcsEnums.SCHEDULING_STRATEGIES, emptyLabel: "(default: REPLICA)", help: "REPLICA keeps a desired count; DAEMON runs one task per instance (EC2 only)." },
      { type: "int", path: ["desiredCount"], label: "Desired count", help: "Tasks ECS keeps running. Two or more survive the loss of one task or Availability Zone." },
      { type: "int", path: ["deploymentConfiguration", "minimumHealthyPercent"], label: "Minimum healthy %", placeholder: "100", help: "Share of desired tasks that must stay up during a deployment; lower deploys faster with less spare capacity." },
      { type: "int", path: ["deploymentConfiguration", "maximumPercent"], label: "Maximum %", placeholder: "200", help: "Upper bound of running tasks during a deployment; room for new tasks before old ones stop." },
      { type: "bool", path: ["deploymentConfiguration", "deploymentCircuitBreaker", "enable"], label: "Circuit breaker", help: "Stops a deployment whose tasks keep failing to start, instead of retrying forever." },
      { type: "bool", path: ["deploymentConfiguration", "deploymentCircuitBreaker", "rollback"], label: "Roll back on failure", help: "With the circuit breaker: return to the last deployment that worked." },
      { type: "select", path: ["deploymentConfiguration", "strategy"], label: "Strategy", options: EcsEnums.DEPLOYMENT_STRATEGIES, emptyLabel: "(default: ROLLING)", help: "Rolling replaces tasks in place; blue/green, linear and canary start the new revision beside the old one and shift load balancer or Service Connect traffic to it." },
      { type: "int", path: ["deploymentConfiguration", "bakeTimeInMinutes"], label: "Bake time (minutes)", placeholder: "0–1440", help: "How long both revisions keep running after all production traffic moved, so a rollback is instant. Blue/green needs it." },
      { type: "int", path: ["deploymentConfiguration", "canaryConfiguration", "canaryPercent"], label: "Canary traffic %", placeholder: "5", help: "Canary: the share of production traffic the new revision gets first (0.1–100)." },
      { type: "int", path: ["deploymentConfiguration", "canaryConfiguration", "canaryBakeTimeInMinutes"], label: "Canary bake (minutes)", placeholder: "10", help: "Canary: how long the canary share runs before the rest of the traffic moves." },
      { type: "int", path: ["deploymentConfiguration", "linearConfiguration", "stepPercent"], label: "Linear step %", placeholder: "10", help: "Linear: the share of production traffic each step moves (3–100)." },
      { type: "int", path: ["deploymentConfiguration", "linearConfiguration", "stepBakeTimeInMinutes"], label: "Linear step bake (minutes)", placeholder: "6", help: "Linear: the wait between steps." },
      {
        type: "list", path: ["deploymentConfiguration", "lifecycleHooks"], label: "Lifecycle hooks", itemLabel: "Hook",
        help: "Blue/green, linear and canary: at the stages you pick, ECS waits for a Lambda function's answer or, for a PAUSE hook, for you to continue the deployment.",
        newItem: () => ({ targetType: "PAUSE", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 30, action: "ROLLBACK" } }),
        fields: [
          { type: "select", path: ["targetType"], label: "Hook type", options: EcsEnums.LIFECYCLE_HOOK_TARGET_TYPES, emptyLabel: "(default: AWS_LAMBDA)" },
          { type: "multi", path: ["lifecycleStages"], label: "Stages", options: EcsEnums.LIFECYCLE_STAGES },
          { type: "text", path: ["hookTargetArn"], label: "Lambda function ARN", mono: true, placeholder: "arn:aws:lambda:…:function:…", when: isLambdaHook },
          { type: "text", path: ["roleArn"], label: "Role to invoke the hook", mono: true, suggest: "role", placeholder: "arn:aws:iam::…:role/…", when: isLambdaHook },
          { type: "int", path: ["timeoutConfiguration", "timeoutInMinutes"], label: "Timeout (minutes)" },
          { type: "select", path: ["timeoutConfiguration", "action"], label: "On timeout", options: EcsEnums.LIFECYCLE_HOOK_TIMEOUT_ACTIONS, emptyLabel: "(choose)" },
        ],
      },
      { type: "select", path: ["deploymentController", "type"], label: "Deployment controller", options: EcsEnums.DEPLOYMENT_CONTROLLER_TYPES, emptyLabel: "(default: ECS rolling)", help: "ECS rolling updates, CodeDeploy blue/green, or an external controller." },
    ],
  },
  {
    title: "Networking",
    fields: awsvpcFields(
      "Subnets for the tasks' network interfaces (awsvpc). Use subnets in two or more Availability Zones.",
      "Firewall of each task; the load balancer's group must be allowed in on the container port.",
    ),
  },
  {
    title: "Load balancing",
    fields: [
      {
        type: "list", path: ["loadBalancers"], label: "Load balancers", itemLabel: "Load balancer",
        help: "Target groups the service registers its tasks with: which container and port receive the traffic.",
        newItem: (ctx) => ({ targetGroupArn: "", containerName: containersOf(ctx)[0] ?? "", containerPort: 80 }),
        fields: [
          { type: "text", path: ["targetGroupArn"], label: "Target group", mono: true, suggest: "targetGroup", choices: (ctx) => targetGroupChoices(ctx.design) },
          { type: "select", path: ["containerName"], label: "Container", options: containersOf, emptyLabel: "(choose)" },
          { type: "int", path: ["containerPort"], label: "Container port" },
          // Blue/green, linear and canary: the second group and the rules ECS moves traffic with.
          { type: "text", path: ["advancedConfiguration", "alternateTargetGroupArn"], label: "Alternate target group (green)", mono: true, suggest: "targetGroup", choices: (ctx) => targetGroupChoices(ctx.design) },
          { type: "text", path: ["advancedConfiguration", "productionListenerRule"], label: "Production listener rule", mono: true, suggest: "listenerRule", choices: (ctx) => listenerRuleChoices(ctx.design) },
          { type: "text", path: ["advancedConfiguration", "testListenerRule"], label: "Test listener rule", mono: true, suggest: "listenerRule", choices: (ctx) => listenerRuleChoices(ctx.design) },
          { type: "text", path: ["advancedConfiguration", "roleArn"], label: "Role for ELB changes", mono: true, suggest: "role", placeholder: "arn:aws:iam::…:role/ecsInfrastructureRole" },
        ],
      },
      { type: "int", path: ["healthCheckGracePeriodSeconds"], label: "Health check grace period (s)", help: "Time a new task gets before failed load balancer health checks count; too short and slow starters are killed in a loop." },
    ],
  },
  {
    title: "Service Connect",
    collapsed: true,
    fields: [
      { type: "bool", path: ["serviceConnectConfiguration", "enabled"], label: "Service Connect", help: "Joins the service to a Cloud Map namespace: it can call the namespace's endpoints by name, and offer its own." },
      { type: "text", path: ["serviceConnectConfiguration", "namespace"], label: "Namespace", mono: true, suggest: "namespace", placeholder: "the cluster's default namespace", help: "The Cloud Map namespace (name or ARN); empty, the cluster's serviceConnectDefaults namespace." },
      {
        type: "list", path: ["serviceConnectConfiguration", "services"], label: "Endpoints offered", itemLabel: "Endpoint",
        help: "Named port mappings other services of the namespace call, at the client alias (DNS name and port).",
        newItem: (ctx) => {
          const p = namedPortsOf(ctx)[0];
          return p ? { portName: p.name, clientAliases: [{ port: p.port ?? 80 }] } : { portName: "" };
        },
        fields: [
          { type: "select", path: ["portName"], label: "Port name", options: (ctx) => namedPortsOf(ctx).map((p) => p.name), emptyLabel: "(choose)" },
          { type: "text", path: ["discoveryName"], label: "Discovery name", mono: true, placeholder: "the port name" },
          aliasField("dnsName", "Alias DNS name"),
          aliasField("port", "Alias port"),
        ],
      },
    ],
  },
  {
    title: "Auto scaling",
    collapsed: true,
    fields: [
      { type: "int", path: ["autoScaling", "minCapacity"], label: "Minimum tasks", placeholder: "1", help: "Application Auto Scaling never sets the desired count below this. 0 lets a schedule stop the service at night." },
      { type: "int", path: ["autoScaling", "maxCapacity"], label: "Maximum tasks", placeholder: "4", help: "The ceiling for scale-out: what a load spike can cost at most. With scaling set, the scaler owns the desired count and apply leaves it alone." },
      {
        type: "list", path: ["autoScaling", "policies"], label: "Scaling policies", itemLabel: "Policy",
        help: "Target tracking keeps a metric near a target (adding tasks above it, removing below); step scaling adds or removes tasks when a CloudWatch alarm fires.",
        newItem: () => ({ policyName: "cpu-target-tracking", policyType: "TargetTrackingScaling", targetTrackingScalingPolicyConfiguration: { targetValue: 70, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } } }),
        fields: [
          { type: "text", path: ["policyName"], label: "Name", mono: true, required: true },
          { type: "select", path: ["policyType"], label: "Type", options: ["TargetTrackingScaling", "StepScaling"] },
          { type: "select", path: ["targetTrackingScalingPolicyConfiguration", "predefinedMetricSpecification", "predefinedMetricType"], label: "Metric (target tracking)", options: PREDEFINED_ECS_METRICS, emptyLabel: "(customized metric)", help: "Average CPU or memory of the service's tasks (%), or ALB requests per target (needs a load balancer)." },
          { type: "int", path: ["targetTrackingScalingPolicyConfiguration", "targetValue"], label: "Target value", placeholder: "70", help: "The value the scaler holds the metric at: a percentage for CPU and memory, requests per task per minute for ALBRequestCountPerTarget." },
          { type: "int", path: ["targetTrackingScalingPolicyConfiguration", "scaleOutCooldown"], label: "Scale-out cooldown (s)", placeholder: "300", help: "After adding tasks, how long before the scaler counts them and may add more." },
          { type: "int", path: ["targetTrackingScalingPolicyConfiguration", "scaleInCooldown"], label: "Scale-in cooldown (s)", placeholder: "300", help: "After removing tasks, how long before it may remove more; scale-out is never held back by it." },
          { type: "bool", path: ["targetTrackingScalingPolicyConfiguration", "disableScaleIn"], label: "Never scale in", help: "Only add tasks; something else (a schedule, a person) removes them." },
          { type: "text", path: ["targetTrackingScalingPolicyConfiguration", "customizedMetricSpecification", "metricName"], label: "Custom metric name", mono: true, help: "A CloudWatch metric that moves in proportion to the number of tasks (e.g. queue depth per task)." },
          { type: "text", path: ["targetTrackingScalingPolicyConfiguration", "customizedMetricSpecification", "namespace"], label: "Custom metric namespace", mono: true },
          { type: "select", path: ["targetTrackingScalingPolicyConfiguration", "customizedMetricSpecification", "statistic"], label: "Custom metric statistic", options: METRIC_STATISTICS, emptyLabel: "(choose)" },
          { type: "select", path: ["stepScalingPolicyConfiguration", "adjustmentType"], label: "Adjustment type (step)", options: ADJUSTMENT_TYPES, emptyLabel: "(choose)", help: "Step scaling: add a number of tasks, a percentage, or set an exact count." },
          { type: "int", path: ["stepScalingPolicyConfiguration", "cooldown"], label: "Cooldown (step, s)", placeholder: "300" },
          {
            type: "list", path: ["stepScalingPolicyConfiguration", "stepAdjustments"], label: "Steps", itemLabel: "Step",
            help: "Bounds are relative to the alarm threshold; the step whose interval holds the breach applies.",
            newItem: () => ({ metricIntervalLowerBound: 0, scalingAdjustment: 1 }),
            fields: [
              { type: "int", path: ["metricIntervalLowerBound"], label: "Lower bound" },
              { type: "int", path: ["metricIntervalUpperBound"], label: "Upper bound" },
              { type: "int", path: ["scalingAdjustment"], label: "Adjustment", fallback: 1 },
            ],
          },
          { type: "text", path: ["alarm", "metricName"], label: "Alarm metric (step)", mono: true, placeholder: "CPUUtilization" },
          { type: "text", path: ["alarm", "namespace"], label: "Alarm namespace (step)", mono: true, placeholder: "AWS/ECS" },
          { type: "select", path: ["alarm", "comparisonOperator"], label: "Alarm comparison (step)", options: ALARM_COMPARISON_OPERATORS, emptyLabel: "(choose)" },
          { type: "int", path: ["alarm", "threshold"], label: "Alarm threshold (step)" },
        ],
      },
      {
        type: "list", path: ["autoScaling", "scheduledActions"], label: "Scheduled actions", itemLabel: "Scheduled action",
        help: "Change the minimum and maximum at set times, e.g. 0 tasks at night and back in the morning; the desired count follows into the new range.",
        newItem: () => ({ scheduledActionName: "scale-in-at-night", schedule: "cron(0 20 * * ? *)", scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } }),
        fields: [
          { type: "text", path: ["scheduledActionName"], label: "Name", mono: true, required: true },
          { type: "text", path: ["schedule"], label: "Schedule", mono: true, required: true, placeholder: "cron(0 8 ? * MON-FRI *)", help: "at(2026-12-24T18:00:00) once, rate(6 hours) repeatedly, or cron(minutes hours day-of-month month day-of-week year)." },
          { type: "text", path: ["timezone"], label: "Time zone", mono: true, placeholder: "UTC", help: "An IANA time zone such as Europe/Berlin; cron and at times are read in it." },
          { type: "int", path: ["scalableTargetAction", "minCapacity"], label: "New minimum" },
          { type: "int", path: ["scalableTargetAction", "maxCapacity"], label: "New maximum" },
        ],
      },
    ],
  },
  {
    title: "Storage",
    collapsed: true,
    fields: [
      {
        type: "list", path: ["volumeConfigurations"], label: "Managed EBS volume", itemLabel: "EBS volume",
        help: "An EBS volume ECS creates for each task and deletes with it, for the task definition's volume configured at launch (one per task; REPLICA services only).",
        newItem: (ctx) => ({ name: atLaunchVolumesOf(ctx)[0] ?? "", managedEBSVolume: { volumeType: "gp3", sizeInGiB: 20 } }),
        fields: [
          { type: "select", path: ["name"], label: "Volume", options: atLaunchVolumesOf, emptyLabel: "(choose)", help: "The task definition's volume with configuredAtLaunch." },
          { type: "text", path: ["managedEBSVolume", "roleArn"], label: "Infrastructure role ARN", mono: true, suggest: "role", placeholder: "arn:aws:iam::…:role/ecsInfrastructureRole", help: "Required: the role ECS manages the volumes with (AmazonECSInfrastructureRolePolicyForVolumes)." },
          { type: "select", path: ["managedEBSVolume", "volumeType"], label: "Volume type", options: EBS_VOLUME_TYPES, emptyLabel: "(default: gp3)" },
          { type: "int", path: ["managedEBSVolume", "sizeInGiB"], label: "Size (GiB)", placeholder: "20", help: "gp2/gp3 1–16,384; io1/io2 4–16,384; st1/sc1 125–16,384; standard 1–1,024." },
          { type: "int", path: ["managedEBSVolume", "iops"], label: "IOPS", placeholder: "3000", help: "gp3 3,000–16,000; io1 100–64,000; io2 100–256,000 (required for io1 and io2)." },
          { type: "int", path: ["managedEBSVolume", "throughput"], label: "Throughput (MiB/s)", placeholder: "125", help: "gp3 only, 125–1,000." },
          { type: "text", path: ["managedEBSVolume", "snapshotId"], label: "Snapshot", mono: true, placeholder: "snap-…", help: "Fills each new volume from this snapshot." },
          { type: "select", path: ["managedEBSVolume", "filesystemType"], label: "File system", options: ["xfs", "ext4", "ext3", "ntfs"], emptyLabel: "(default: xfs)" },
          { type: "bool", path: ["managedEBSVolume", "encrypted"], label: "Encrypted", default: true },
          { type: "text", path: ["managedEBSVolume", "kmsKeyId"], label: "KMS key", mono: true, placeholder: "(EBS default key)" },
        ],
      },
    ],
  },
  {
    title: "Task placement",
    collapsed: true,
    fields: [
      {
        type: "list", path: ["placementStrategy"], label: "Placement strategy", itemLabel: "Strategy",
        help: "How ECS picks EC2 instances: spread over AZs for availability, binpack memory for cost.",
        newItem: () => ({ type: "spread", field: "attribute:ecs.availability-zone" }),
        fields: [
          { type: "select", path: ["type"], label: "Type", options: EcsEnums.PLACEMENT_STRATEGY_TYPES },
          { type: "text", path: ["field"], label: "Field", mono: true },
        ],
      },
      {
        type: "list", path: ["placementConstraints"], label: "Placement constraints", itemLabel: "Constraint",
        help: "Rules instances must satisfy (EC2 only), e.g. memberOf(attribute:ecs.instance-type =~ t3.*).",
        newItem: () => ({ type: "distinctInstance" }),
        fields: [
          { type: "select", path: ["type"], label: "Type", options: EcsEnums.PLACEMENT_CONSTRAINT_TYPES },
          { type: "text", path: ["expression"], label: "Expression", mono: true },
        ],
      },
    ],
  },
  {
    title: "Troubleshooting and tags",
    collapsed: true,
    fields: [
      { type: "bool", path: ["enableExecuteCommand"], label: "ECS Exec", help: "Lets you open a shell in running tasks (needs SSM permissions on the task role)." },
      { type: "select", path: ["propagateTags"], label: "Propagate tags from", options: EcsEnums.PROPAGATE_TAGS, emptyLabel: "(none)", help: "Copies the service's or task definition's tags onto tasks, for cost reports." },
      { type: "bool", path: ["enableECSManagedTags"], label: "ECS managed tags", help: "Adds aws:ecs:cluster and service tags to tasks." },
      tagsField,
    ],
  },
];
