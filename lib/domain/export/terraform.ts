import type { Design, ListenerAction } from "../design";
import { DESIGN_TAG, normaliseTaskDefinition } from "../plan";
import type { Field } from "./fields";
import { Expr, hclBlock, hclComment, hclValue } from "./hcl";
import { MAPPING, TERRAFORM_BASELINE } from "./mapping";
import { allUnexpressed, compact, Leaf, placeResource, Skip, uniqueName, type Tree, type Unexpressed } from "./place";
import { albLabelParts, DEPLOYS_NOTHING, EXPORT_DESIGN_ID, resolveDesign, snakeLabel, type LabelPart, type Resolved } from "./resolve";
import { notesText, type ExportFile } from "./types";

// Design → Terraform (the hashicorp/aws provider). Pure: returns files. Field names come from
// the shared mapping; this file converts the values whose shape changes (references between
// resources, variables for account-specific values, tags as maps, listener rule conditions).

export type TerraformOptions = {
  /** Leave the container image (the service's task_definition, which CI replaces) and/or the desired count to others. */
  ignoreChanges?: ("image" | "desiredCount")[];
  /** Resources that already exist: an `import {}` block each (address as in terraformAddresses). */
  imports?: { address: string; id: string }[];
  /** One main.tf (true) or versions.tf, variables.tf and main.tf. */
  singleFile?: boolean;
  /** The design's id: its own schedule group is `stevedore-<id>` (default EXPORT_DESIGN_ID). */
  designId?: string;
};

export type TerraformExport = { files: ExportFile[]; unexpressed: Unexpressed[]; providerVersion: string };

type Variable = { name: string; type: string; description: string; default?: unknown };

const isObj = (v: unknown) => typeof v === "object" && v !== null;
const leaf = (v: unknown) => (isObj(v) && !(v instanceof Expr) ? new Leaf(v) : v);
const tagMap = (tags: { key: string; value: string }[]) => new Leaf(Object.fromEntries(tags.map((t) => [t.key, t.value])));
const snake = (k: string) => k.replace(/([A-Z])/g, "_$1").toLowerCase();

/** A loose ECS object as Terraform blocks: keys in snake_case, objects as nested blocks. */
function snakeBlocks(v: unknown): unknown {
  if (Array.isArray(v)) return v.every((x) => isObj(x) && !Array.isArray(x)) ? v.map(snakeBlocks) : v;
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [snake(k), isObj(x) ? snakeBlocks(x) : x]));
}

function versionAtLeast(a: string, b: string): boolean {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return true;
}

class Builder {
  readonly blocks: string[] = [];
  readonly variables: Variable[] = [];
  readonly unexpressed: Unexpressed[] = [];
  version = TERRAFORM_BASELINE;
  readonly versionWhy: string[] = [];

  constructor(readonly r: Resolved, readonly opts: TerraformOptions) {}

  /** A variable of its own: resources of different kinds may share a name (service "web" and load balancer "web"), their variables may not. */
  variable(wanted: string, type: string, description: string, value: unknown): Expr {
    let name = wanted;
    for (let i = 2; this.variables.some((v) => v.name === name); i++) name = `${wanted}_${i}`;
    this.variables.push({ name, type, description, ...(value === undefined ? {} : { default: value }) });
    return new Expr(`var.${name}`);
  }

  /** Places a resource and notes the provider version its fields need. */
  place(root: string, value: unknown, resource: string, convert: (f: Field, target: string) => unknown, stop?: (p: string) => boolean): Map<string, Tree> {
    const trees = new Map<string, Tree>();
    const used: Field[] = [];
    this.unexpressed.push(...placeResource(trees, root, value, {
      format: "terraform", resource, stop,
      convert: (f, target) => {
        const v = convert(f, target);
        if (!(v instanceof Skip)) used.push(f);
        return v;
      },
    }));
    for (const f of used) {
      const since = MAPPING[f.path].since;
      if (since && !versionAtLeast(this.version, since)) this.version = since;
      if (since && !this.versionWhy.some((w) => w.startsWith(`>= ${since}`))) this.versionWhy.push(`>= ${since}: ${MAPPING[f.path].terraform as string}`);
    }
    return trees;
  }

  resource(type: string, label: string, tree: Tree, extra: string[] = []) {
    const body = compact(tree) as Tree;
    let text = hclBlock("resource", [type, label], body);
    if (extra.length) text = `${text.slice(0, -2)}\n${extra.join("\n")}\n}`;
    this.blocks.push(text);
  }

  targetGroupRef(ref: string): unknown {
    const tg = this.r.targetGroupOf(ref);
    return tg ? new Expr(`aws_lb_target_group.${tg}.arn`) : ref;
  }

  /** A cluster of the export by its ARN attribute, or the reference as the design has it. */
  clusterArn(ref: string): unknown {
    const c = this.r.clusterOf(ref);
    return c ? new Expr(`aws_ecs_cluster.${c}.arn`) : ref;
  }

  /** A task definition of the export (its latest revision's ARN), or the reference as the design has it. */
  taskDefinitionArn(ref: string): unknown {
    const t = this.r.taskDefinitionOf(ref);
    return t ? new Expr(`aws_ecs_task_definition.${t}.arn`) : ref;
  }

  action(a: ListenerAction, f: Field, sub: string): unknown {
    if (sub.endsWith(".targetGroups[].targetGroupArn")) return this.targetGroupRef(f.value as string);
    void a;
    return leaf(f.value);
  }
}

/** A forward to one target group without a weight, as the provider writes it back: the action's target_group_arn. */
function collapseForward(action: unknown) {
  const a = action as Tree | undefined;
  const groups = (a?.forward as Tree | undefined)?.target_group;
  if (!a || !Array.isArray(groups) || groups.length !== 1 || (groups[0] as Tree).weight !== undefined) return;
  a.target_group_arn = (groups[0] as Tree).arn;
  delete a.forward;
}

function exportClusters(b: Builder) {
  for (const { cluster, name } of b.r.clusters) {
    const trees = b.place("cluster", cluster, `cluster "${cluster.clusterName}"`, (f) =>
      f.path === "cluster.tags" ? tagMap(f.value as never) : leaf(f.value), (p) => p === "cluster.tags");
    b.resource("aws_ecs_cluster", name, trees.get("aws_ecs_cluster") ?? {});
    const cp = trees.get("aws_ecs_cluster_capacity_providers");
    if (cp) {
      // A provider the configuration creates is named by its reference, so the association waits for it.
      const provider = (n: unknown) => {
        const label = typeof n === "string" ? b.r.capacityProviderOf(n) : undefined;
        return label ? new Expr(`aws_ecs_capacity_provider.${label}.name`) : n;
      };
      const names = cp.capacity_providers instanceof Leaf ? cp.capacity_providers.value : cp.capacity_providers;
      if (Array.isArray(names)) cp.capacity_providers = names.filter((n) => !managedInstancesProvider(b, n)).map(provider);
      for (const s of (cp.default_capacity_provider_strategy ?? []) as Tree[]) s.capacity_provider = provider(s.capacity_provider);
      b.resource("aws_ecs_cluster_capacity_providers", name, { cluster_name: new Expr(`aws_ecs_cluster.${name}.name`), ...cp });
    }
  }
}

/**
 * A Managed Instances provider of the design: ECS associates it with its cluster when it is
 * created, and PutClusterCapacityProviders refuses it ("Cannot associate Managed Instances
 * capacity provider to clusters using this API"), so the association leaves it out.
 */
function managedInstancesProvider(b: Builder, name: unknown): boolean {
  return b.r.capacityProviders.some((c) => c.cp.name === name && c.cp.managedInstancesProvider !== undefined);
}

/** Capacity providers the design creates: aws_ecs_capacity_provider with an Auto Scaling group's or Managed Instances' block. */
function exportCapacityProviders(b: Builder) {
  for (const { cp, name } of b.r.capacityProviders) {
    const trees = b.place("capacityProvider", cp, `capacity provider "${cp.name}"`, (f) => {
      switch (f.path) {
        case "capacityProvider.tags": return tagMap(f.value as never);
        case "capacityProvider.autoScalingGroupProvider.autoScalingGroupArn":
          return b.variable(`${name}_auto_scaling_group_arn`, "string", `Auto Scaling group of capacity provider ${cp.name}`, f.value);
        case "capacityProvider.managedInstancesProvider.cluster": {
          const c = b.r.clusterOf(f.value as string);
          return c ? new Expr(`aws_ecs_cluster.${c}.name`) : f.value;
        }
        case "capacityProvider.managedInstancesProvider.infrastructureRoleArn":
          return b.variable(`${name}_infrastructure_role_arn`, "string", `IAM role ECS manages the ${cp.name} instances with`, f.value);
        case "capacityProvider.managedInstancesProvider.instanceLaunchTemplate.ec2InstanceProfileArn":
          return b.variable(`${name}_instance_profile_arn`, "string", `Instance profile of the ${cp.name} instances`, f.value);
        case "capacityProvider.managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.subnets":
          return b.variable(`${name}_subnets`, "list(string)", `Subnets the ${cp.name} instances run in`, f.value);
        case "capacityProvider.managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.securityGroups":
          return b.variable(`${name}_security_groups`, "list(string)", `Security groups of the ${cp.name} instances`, f.value);
        default: return leaf(f.value);
      }
    }, (p) => p === "capacityProvider.tags");
    b.resource("aws_ecs_capacity_provider", name, trees.get("aws_ecs_capacity_provider") ?? {});
  }
}

function exportTaskDefinitions(b: Builder) {
  for (const { td, name } of b.r.taskDefinitions) {
    const normalised = normaliseTaskDefinition(td);
    const trees = b.place("taskDefinition", td, `task definition "${td.family}"`, (f) => {
      switch (f.path) {
        case "taskDefinition.containerDefinitions": return new Expr(`jsonencode(${hclValue(normalised.containerDefinitions ?? [], 1)})`);
        case "taskDefinition.cpu": case "taskDefinition.memory": case "taskDefinition.networkMode":
          return normalised[f.path.slice("taskDefinition.".length)];
        case "taskDefinition.taskRoleArn": return b.variable(`${name}_task_role_arn`, "string", `IAM role the ${td.family} tasks run as`, f.value);
        case "taskDefinition.executionRoleArn": return b.variable(`${name}_execution_role_arn`, "string", `IAM role ECS pulls ${td.family}'s images and secrets with`, f.value);
        case "taskDefinition.tags": return tagMap(f.value as never);
        case "taskDefinition.proxyConfiguration": {
          const { properties, ...rest } = f.value as { properties?: { name: string; value: string }[] };
          return { ...(snakeBlocks(rest) as Tree), ...(properties ? { properties: new Leaf(Object.fromEntries(properties.map((x) => [x.name, x.value]))) } : {}) };
        }
        case "taskDefinition.inferenceAccelerators": case "taskDefinition.volumes[].fsxWindowsFileServerVolumeConfiguration":
        case "taskDefinition.volumes[].efsVolumeConfiguration":
          return snakeBlocks(f.value);
        default: return leaf(f.value);
      }
    }, (p) => ["taskDefinition.containerDefinitions", "taskDefinition.tags", "taskDefinition.proxyConfiguration", "taskDefinition.volumes[].efsVolumeConfiguration"].includes(p));
    // networkMode is filled in by ECS (bridge, or awsvpc for Fargate); the provider reads it back, so it is written out.
    const tree = trees.get("aws_ecs_task_definition") ?? {};
    if (tree.network_mode === undefined) tree.network_mode = normalised.networkMode;
    b.resource("aws_ecs_task_definition", name, tree);
  }
}

/** The tags of a service's managed EBS volumes: a map in Terraform, as every resource's tags. */
const EBS_TAGS = "service.volumeConfigurations[].managedEBSVolume.tagSpecifications[].tags";

function exportServices(b: Builder, design: Design) {
  const ignore = b.opts.ignoreChanges ?? [];
  for (const { service, name } of b.r.services) {
    const where = `service "${service.serviceName}"`;
    const trees = b.place("service", service, where, (f) => {
      switch (f.path) {
        case "service.cluster": return b.clusterArn(f.value as string);
        case "service.taskDefinition": return b.taskDefinitionArn(f.value as string);
        case "service.networkConfiguration.awsvpcConfiguration.subnets":
          return b.variable(`${name}_subnets`, "list(string)", `Subnets the ${service.serviceName} tasks run in`, f.value);
        case "service.networkConfiguration.awsvpcConfiguration.securityGroups":
          return b.variable(`${name}_security_groups`, "list(string)", `Security groups of the ${service.serviceName} tasks`, f.value);
        case "service.networkConfiguration.awsvpcConfiguration.assignPublicIp": return f.value === "ENABLED";
        case "service.loadBalancers[].targetGroupArn": case "service.loadBalancers[].advancedConfiguration.alternateTargetGroupArn":
          return b.targetGroupRef(f.value as string);
        case "service.loadBalancers[].advancedConfiguration.productionListenerRule": case "service.loadBalancers[].advancedConfiguration.testListenerRule": {
          const rule = b.r.ruleOf(f.value as string);
          if (!rule) return f.value;
          if ("rule" in rule) return new Expr(`aws_lb_listener_rule.${rule.rule}.arn`);
          return new Skip(`names the default rule of listener ${rule.defaultOf}, whose ARN the provider does not export (give it as an ARN, or use a listener rule)`);
        }
        case "service.deploymentConfiguration.lifecycleHooks[].hookDetails": return new Expr(`jsonencode(${hclValue(f.value, 3)})`);
        case "service.tags": case EBS_TAGS: return tagMap(f.value as never);
        case "service.autoScaling": return new Skip();
        default: return leaf(f.value);
      }
    }, (p) => p === "service.tags" || p === EBS_TAGS || p === "service.deploymentConfiguration.lifecycleHooks[].hookDetails" || p === "service.autoScaling");
    const tree = trees.get("aws_ecs_service") ?? {};
    const extra: string[] = [];
    const tgRefs = (service.loadBalancers ?? []).flatMap((l) => [l.targetGroupArn, l.advancedConfiguration?.alternateTargetGroupArn]).filter((x): x is string => x !== undefined);
    const listeners = b.r.listenersForwardingTo(tgRefs);
    // ECS refuses a target group that no load balancer forwards to yet: wait for the listeners.
    if (listeners.length) tree.depends_on = listeners.map((l) => new Expr(`aws_lb_listener.${l}`));
    const ignored = [...(ignore.includes("image") ? ["task_definition"] : []), ...(ignore.includes("desiredCount") ? ["desired_count"] : [])];
    if (ignored.length) {
      extra.push("  # Left to CI (new task definition revisions with new images) and to the scaler (desired count).");
      extra.push(`  lifecycle {\n    ignore_changes = [${ignored.join(", ")}]\n  }`);
    }
    b.resource("aws_ecs_service", name, tree, extra);
    if (service.autoScaling) exportAutoScaling(b, design, service, name);
  }
}

/** ALBRequestCountPerTarget's `app/<lb>/<id>/targetgroup/<tg>/<id>`: the load balancer's and target group's arn_suffix. */
function resourceLabel(b: Builder, design: Design, service: Design["services"][number]): Expr | undefined {
  const parts = albLabelParts(design, b.r, service);
  if (!parts) return undefined;
  const part = (p: LabelPart, type: string) => ("resource" in p ? `\${${type}.${p.resource}.arn_suffix}` : p.suffix);
  return new Expr(`"${part(parts.lb, "aws_lb")}/${part(parts.tg, "aws_lb_target_group")}"`);
}

/** A service's Application Auto Scaling: its scalable target, policies (a step policy's alarm with them) and scheduled actions. */
function exportAutoScaling(b: Builder, design: Design, service: Design["services"][number], name: string) {
  const as = service.autoScaling!;
  const where = `auto scaling of service "${service.serviceName}"`;
  const c = b.r.clusterOf(service.cluster);
  const cluster = c ? `\${aws_ecs_cluster.${c}.name}` : hclValue(service.cluster, 0).slice(1, -1);
  const target = b.place("service.autoScaling", as, where, (f) => leaf(f.value),
    (p) => p === "service.autoScaling.policies" || p === "service.autoScaling.scheduledActions").get("aws_appautoscaling_target") ?? {};
  b.resource("aws_appautoscaling_target", name, {
    service_namespace: "ecs", resource_id: new Expr(`"service/${cluster}/\${aws_ecs_service.${name}.name}"`), scalable_dimension: "ecs:service:DesiredCount", ...target,
  });
  const ref = (k: string) => new Expr(`aws_appautoscaling_target.${name}.${k}`);
  const scope = { service_namespace: ref("service_namespace"), resource_id: ref("resource_id"), scalable_dimension: ref("scalable_dimension") };
  const taken = new Set<string>();
  (as.policies ?? []).forEach((p) => {
    const label = uniqueName(`${name}_${snakeLabel([p.policyName, "policy"])}`, taken);
    const trees = b.place("service.autoScaling.policies[]", p, `${where}, policy "${p.policyName}"`, (f) => leaf(f.value));
    const policy = trees.get("aws_appautoscaling_policy") ?? {};
    const pre = (policy.target_tracking_scaling_policy_configuration as Tree | undefined)?.predefined_metric_specification as Tree | undefined;
    if (pre?.predefined_metric_type === "ALBRequestCountPerTarget" && pre.resource_label === undefined) {
      const label = resourceLabel(b, design, service);
      if (label) pre.resource_label = label;
    }
    b.resource("aws_appautoscaling_policy", label, { ...policy, ...scope });
    const alarm = trees.get("aws_cloudwatch_metric_alarm");
    if (alarm) {
      b.resource("aws_cloudwatch_metric_alarm", label, {
        alarm_name: `${service.serviceName}-${p.policyName}`, ...alarm,
        dimensions: new Leaf({ ClusterName: new Expr(c ? `aws_ecs_cluster.${c}.name` : hclValue(service.cluster, 0)), ServiceName: new Expr(`aws_ecs_service.${name}.name`) }),
        alarm_actions: [new Expr(`aws_appautoscaling_policy.${label}.arn`)],
      });
    }
  });
  (as.scheduledActions ?? []).forEach((a) => {
    const label = uniqueName(`${name}_${snakeLabel([a.scheduledActionName, "schedule"])}`, taken);
    const trees = b.place("service.autoScaling.scheduledActions[]", a, `${where}, scheduled action "${a.scheduledActionName}"`, (f) => leaf(f.value));
    b.resource("aws_appautoscaling_scheduled_action", label, { ...trees.get("aws_appautoscaling_scheduled_action"), ...scope });
  });
}

function exportLoadBalancing(b: Builder, design: Design) {
  for (const tg of (design.targetGroups ?? []).filter((t) => t.targetGroupArn !== undefined)) {
    b.unexpressed.push(...allUnexpressed("targetGroup", tg, `target group "${tg.name}"`, "an existing target group (its ARN is set): referenced by ARN, not managed by this export"));
  }
  for (const { tg, name } of b.r.targetGroups) {
    const trees = b.place("targetGroup", tg, `target group "${tg.name}"`, (f) =>
      f.path === "targetGroup.vpcId" ? b.variable(`${name}_vpc_id`, "string", `VPC of the ${tg.name} targets`, f.value) : leaf(f.value));
    const tree = trees.get("aws_lb_target_group") ?? {};
    if (tg.vpcId === undefined) tree.vpc_id = b.variable(`${name}_vpc_id`, "string", `VPC of the ${tg.name} targets (the design names none: Stevedore's apply uses the default VPC)`, undefined);
    b.resource("aws_lb_target_group", name, tree);
  }
  for (const lb of (design.loadBalancers ?? []).filter((l) => l.loadBalancerArn !== undefined)) {
    b.unexpressed.push(...allUnexpressed("loadBalancer", lb, `load balancer "${lb.name}"`, "an existing load balancer (its ARN is set): the design leaves it and its listeners as they are"));
  }
  for (const { lb, name } of b.r.loadBalancers) {
    const trees = b.place("loadBalancer", lb, `load balancer "${lb.name}"`, (f) => {
      switch (f.path) {
        case "loadBalancer.scheme": return f.value === "internal";
        case "loadBalancer.subnets": return b.variable(`${name}_subnets`, "list(string)", `Subnets of load balancer ${lb.name}`, f.value);
        case "loadBalancer.securityGroups": return b.variable(`${name}_security_groups`, "list(string)", `Security groups of load balancer ${lb.name}`, f.value);
        case "loadBalancer.tags": return tagMap(f.value as never);
        case "loadBalancer.listeners": return new Skip();
        default: return leaf(f.value);
      }
    }, (p) => p === "loadBalancer.tags" || p === "loadBalancer.listeners");
    const tree = trees.get("aws_lb") ?? {};
    if (lb.subnets === undefined) tree.subnets = b.variable(`${name}_subnets`, "list(string)", `Subnets of load balancer ${lb.name} (the design names none: Stevedore's apply uses the default VPC's)`, undefined);
    b.resource("aws_lb", name, tree);
  }
  for (const l of b.r.listeners) {
    const lbName = b.r.loadBalancers.find((x) => x.lb === l.lb)!.name;
    const trees = b.place("loadBalancer.listeners[]", l.listener, `listener ${l.lb.name}:${l.listener.port}`, (f) =>
      f.path === "loadBalancer.listeners[].rules" ? new Skip() : b.action(l.listener.defaultAction, f, f.path),
    (p) => p === "loadBalancer.listeners[].rules");
    collapseForward(trees.get("aws_lb_listener")?.default_action);
    b.resource("aws_lb_listener", l.name, { load_balancer_arn: new Expr(`aws_lb.${lbName}.arn`), ...trees.get("aws_lb_listener") });
  }
  for (const r of b.r.rules) {
    const trees = b.place("loadBalancer.listeners[].rules[]", r.rule, `listener rule ${r.lb.name}:${r.listener.port} #${r.rule.priority}`, (f) => {
      if (f.path === "loadBalancer.listeners[].rules[].conditions") {
        const conds = f.value as { field: string; values: string[] }[];
        return conds.map((c) => ({ [c.field.replace(/-/g, "_")]: { values: c.values } }));
      }
      return b.action(r.rule.action, f, f.path);
    }, (p) => p === "loadBalancer.listeners[].rules[].conditions");
    const tree = trees.get("aws_lb_listener_rule") ?? {};
    collapseForward(tree.action);
    b.resource("aws_lb_listener_rule", r.name, { listener_arn: new Expr(`aws_lb_listener.${r.listenerName}.arn`), ...tree });
  }
}

/**
 * Scheduled tasks: an aws_scheduler_schedule each (target: the cluster's ARN, ecs_parameters, the
 * overrides as the input's JSON), in an aws_scheduler_schedule_group for every group but
 * `default`, tagged stevedore:design as Stevedore's apply tags the groups it creates.
 */
function exportScheduledTasks(b: Builder) {
  for (const g of b.r.scheduleGroups) {
    b.resource("aws_scheduler_schedule_group", g.name, { name: g.groupName, tags: new Leaf({ [DESIGN_TAG]: b.opts.designId ?? EXPORT_DESIGN_ID }) });
  }
  for (const { task, name, group } of b.r.scheduledTasks) {
    const trees = b.place("scheduledTask", task, `scheduled task "${task.name}"`, (f) => {
      switch (f.path) {
        case "scheduledTask.cluster": return b.clusterArn(f.value as string);
        case "scheduledTask.taskDefinition": return b.taskDefinitionArn(f.value as string);
        case "scheduledTask.group": return group ? new Expr(`aws_scheduler_schedule_group.${group}.name`) : f.value;
        case "scheduledTask.roleArn": return b.variable(`${name}_role_arn`, "string", `IAM role EventBridge Scheduler runs the ${task.name} tasks with (ecs:RunTask, iam:PassRole)`, f.value);
        case "scheduledTask.networkConfiguration.awsvpcConfiguration.subnets":
          return b.variable(`${name}_subnets`, "list(string)", `Subnets the ${task.name} tasks run in`, f.value);
        case "scheduledTask.networkConfiguration.awsvpcConfiguration.securityGroups":
          return b.variable(`${name}_security_groups`, "list(string)", `Security groups of the ${task.name} tasks`, f.value);
        case "scheduledTask.networkConfiguration.awsvpcConfiguration.assignPublicIp": return f.value === "ENABLED";
        case "scheduledTask.overrides": return new Expr(`jsonencode(${hclValue(f.value, 2)})`);
        default: return leaf(f.value);
      }
    }, (p) => p === "scheduledTask.overrides");
    const { name: scheduleName, group_name: groupName, ...rest } = trees.get("aws_scheduler_schedule") ?? {};
    const target = (rest.target ?? {}) as Tree;
    // Both are required: Scheduler's own default window (OFF), and a role the design may leave to the account.
    if (rest.flexible_time_window === undefined) rest.flexible_time_window = { mode: "OFF" };
    if (target.role_arn === undefined) target.role_arn = b.variable(`${name}_role_arn`, "string", `IAM role EventBridge Scheduler runs the ${task.name} tasks with (the design names none)`, undefined);
    b.resource("aws_scheduler_schedule", name, {
      name: scheduleName, group_name: groupName ?? (group ? new Expr(`aws_scheduler_schedule_group.${group}.name`) : undefined), ...rest, target,
    });
  }
}

/** The Terraform address of each resource the export writes, for `imports`. */
export function terraformAddresses(design: Design, designId?: string): { kind: string; name: string; address: string; cluster?: string }[] {
  const r = resolveDesign(design, snakeLabel, designId);
  return [
    ...r.clusters.map((c) => ({ kind: "cluster", name: c.cluster.clusterName, address: `aws_ecs_cluster.${c.name}` })),
    ...r.capacityProviders.map((c) => ({ kind: "capacityProvider", name: c.cp.name, address: `aws_ecs_capacity_provider.${c.name}` })),
    ...r.taskDefinitions.map((t) => ({ kind: "taskDefinition", name: t.td.family, address: `aws_ecs_task_definition.${t.name}` })),
    ...r.services.map((s) => ({ kind: "service", name: s.service.serviceName, address: `aws_ecs_service.${s.name}`, cluster: s.service.cluster })),
    ...r.targetGroups.map((t) => ({ kind: "targetGroup", name: t.tg.name, address: `aws_lb_target_group.${t.name}` })),
    ...r.loadBalancers.map((l) => ({ kind: "loadBalancer", name: l.lb.name, address: `aws_lb.${l.name}` })),
    ...r.listeners.map((l) => ({ kind: "listener", name: `${l.lb.name}:${l.listener.port}`, address: `aws_lb_listener.${l.name}` })),
    ...r.rules.map((x) => ({ kind: "rule", name: `${x.lb.name}:${x.listener.port}#${x.rule.priority}`, address: `aws_lb_listener_rule.${x.name}` })),
    ...r.scheduleGroups.map((g) => ({ kind: "scheduleGroup", name: g.groupName, address: `aws_scheduler_schedule_group.${g.name}` })),
    ...r.scheduledTasks.map((t) => ({ kind: "scheduledTask", name: `${t.groupName}/${t.task.name}`, address: `aws_scheduler_schedule.${t.name}` })),
  ];
}

/** The design as Terraform configuration for the hashicorp/aws provider. */
export function exportTerraform(design: Design, opts: TerraformOptions = {}): TerraformExport {
  const b = new Builder(resolveDesign(design, snakeLabel, opts.designId), opts);
  exportClusters(b);
  exportCapacityProviders(b);
  exportTaskDefinitions(b);
  exportLoadBalancing(b, design);
  exportServices(b, design);
  exportScheduledTasks(b);

  const versions = [
    "# Written by Stevedore from a design. The provider version is the oldest with every argument used:",
    ...(b.versionWhy.length ? b.versionWhy.map((w) => `#   ${w}`) : [`#   ${TERRAFORM_BASELINE}: the provider line the argument names were checked against`]),
    `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = ">= ${b.version}"\n    }\n  }\n}`,
  ].join("\n");
  const variables = b.variables.map((v) => hclBlock("variable", [v.name], {
    description: v.description, type: new Expr(v.type), ...(v.default === undefined ? {} : { default: new Leaf(v.default) }),
  })).join("\n\n");
  const imports = (opts.imports ?? []).map((i) => hclBlock("import", [], { to: new Expr(i.address), id: i.id })).join("\n\n");
  const notes = b.unexpressed.length
    ? hclComment(`Not expressed in this configuration (kept in the Stevedore design only):\n${notesText(b.unexpressed)}`)
    : "# Every field of the design is expressed above.";
  const nothing = b.blocks.length === 0 ? hclComment(`${DEPLOYS_NOTHING} \`terraform apply\` would create nothing.`) : "";
  const main = [nothing, b.blocks.join("\n\n"), imports, notes].filter(Boolean).join("\n\n");
  const files: ExportFile[] = opts.singleFile
    ? [{ path: "main.tf", text: [versions, variables, main].filter(Boolean).join("\n\n") + "\n" }]
    : [
      { path: "versions.tf", text: `${versions}\n` },
      ...(variables ? [{ path: "variables.tf", text: `${variables}\n` }] : []),
      { path: "main.tf", text: `${main}\n` },
    ];
  return { files, unexpressed: b.unexpressed, providerVersion: b.version };
}
