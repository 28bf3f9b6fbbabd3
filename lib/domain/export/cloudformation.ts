import { stringify } from "yaml";
import { clusterNameOf, type Design, type Service } from "../design";
import { ECS_SCALABLE_DIMENSION } from "../ecs-facts/auto-scaling";
import { DESIGN_TAG } from "../plan";
import type { Field } from "./fields";
import { allUnexpressed, compact, placeResource, Skip, uniqueName, type Tree, type Unexpressed } from "./place";
import { albLabelParts, DEPLOYS_NOTHING, EXPORT_DESIGN_ID, resolveDesign, type LabelPart, type Resolved } from "./resolve";

// Design → a CloudFormation template (AWS::ECS::*, AWS::ElasticLoadBalancingV2::*,
// AWS::ApplicationAutoScaling::* and AWS::CloudWatch::Alarm for step policies). Pure.
// Property names come from the shared mapping; references between the design's resources
// become Ref (the Ref of a task definition, target group, listener or rule is its ARN; of a
// cluster, its name), account-specific values become Parameters with the design's values as
// defaults, and Metadata lists what the template could not express.

export type CloudFormationExport = { template: Tree; yaml: string; json: string; unexpressed: Unexpressed[] };

/** `web-api` + `Service` → `WebApiService` (logical ids are alphanumeric). */
export const pascalId = (parts: string[]) => {
  const words = parts[0].split(/[^A-Za-z0-9]+/).filter(Boolean);
  return `${words.map((w) => w[0].toUpperCase() + w.slice(1)).join("")}${parts[1]}`;
};

const pascal = (k: string) => k[0].toUpperCase() + k.slice(1);
/** A loose ECS object in CloudFormation's spelling: every key in PascalCase, at every depth. */
function pascalKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pascalKeys);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [pascal(k), pascalKeys(x)]));
}

const CONDITION_CONFIG: Record<string, string> = {
  "path-pattern": "PathPatternConfig", "host-header": "HostHeaderConfig", "http-request-method": "HttpRequestMethodConfig", "source-ip": "SourceIpConfig",
};

type Parameter = { Type: string; Description: string; Default?: string };

class Builder {
  readonly resources: Tree = {};
  readonly parameters: Record<string, Parameter> = {};
  readonly unexpressed: Unexpressed[] = [];
  constructor(readonly r: Resolved) {}

  parameter(name: string, type: string, description: string, value: unknown): unknown {
    // A list parameter's Default is comma-delimited: a list with a comma in an item stays inline.
    if (Array.isArray(value) && value.some((x) => String(x).includes(","))) return value;
    const def = Array.isArray(value) ? value.join(",") : (value as string | undefined);
    this.parameters[name] = { Type: type, Description: description, ...(def === undefined ? {} : { Default: def }) };
    return { Ref: name };
  }

  place(root: string, value: unknown, resource: string, convert: (f: Field) => unknown, stop?: (p: string) => boolean): Map<string, Tree> {
    const trees = new Map<string, Tree>();
    this.unexpressed.push(...placeResource(trees, root, value, { format: "cloudformation", resource, stop, convert }));
    return trees;
  }

  add(logicalId: string, type: string, properties: Tree | undefined, extra: Tree = {}) {
    this.resources[logicalId] = { Type: type, ...extra, Properties: compact(properties ?? {}) };
  }

  targetGroupRef(ref: string): unknown {
    const tg = this.r.targetGroupOf(ref);
    return tg ? { Ref: tg } : ref;
  }

  action(f: Field): unknown {
    return f.path.endsWith(".targetGroups[].targetGroupArn") ? this.targetGroupRef(f.value as string) : f.value;
  }
}

function clusters(b: Builder) {
  for (const { cluster, name } of b.r.clusters) {
    const trees = b.place("cluster", cluster, `cluster "${cluster.clusterName}"`, (f) => f.value);
    b.add(name, "AWS::ECS::Cluster", trees.get("AWS::ECS::Cluster"));
    const cp = trees.get("AWS::ECS::ClusterCapacityProviderAssociations");
    if (cp) {
      // A provider the template creates is named by its Ref (its name), so the association waits for it.
      // A Managed Instances provider is associated with its cluster when created (ClusterName), and
      // PutClusterCapacityProviders refuses it: the association leaves it out.
      const provider = (n: unknown) => (typeof n === "string" && b.r.capacityProviderOf(n) ? { Ref: b.r.capacityProviderOf(n) } : n);
      const managed = (n: unknown) => b.r.capacityProviders.some((c) => c.cp.name === n && c.cp.managedInstancesProvider !== undefined);
      const strategy = ((cp.DefaultCapacityProviderStrategy ?? []) as Tree[]).map((s) => ({ ...s, CapacityProvider: provider(s.CapacityProvider) }));
      b.add(`${name}CapacityProviders`, "AWS::ECS::ClusterCapacityProviderAssociations", {
        Cluster: { Ref: name }, CapacityProviders: ((cp.CapacityProviders ?? []) as unknown[]).filter((n) => !managed(n)).map(provider), DefaultCapacityProviderStrategy: strategy,
      });
    }
  }
}

function taskDefinitions(b: Builder) {
  for (const { td, name } of b.r.taskDefinitions) {
    const trees = b.place("taskDefinition", td, `task definition "${td.family}"`, (f) => {
      switch (f.path) {
        case "taskDefinition.taskRoleArn": return b.parameter(`${name}TaskRoleArn`, "String", `IAM role the ${td.family} tasks run as`, f.value);
        case "taskDefinition.executionRoleArn": return b.parameter(`${name}ExecutionRoleArn`, "String", `IAM role ECS pulls ${td.family}'s images and secrets with`, f.value);
        case "taskDefinition.proxyConfiguration": {
          const { properties, ...rest } = f.value as { properties?: unknown };
          return { ...(pascalKeys(rest) as Tree), ...(properties === undefined ? {} : { ProxyConfigurationProperties: pascalKeys(properties) }) };
        }
        case "taskDefinition.inferenceAccelerators": case "taskDefinition.containerDefinitions[].restartPolicy":
        case "taskDefinition.volumes[].fsxWindowsFileServerVolumeConfiguration":
          return pascalKeys(f.value);
        default: return f.value;
      }
    });
    b.add(name, "AWS::ECS::TaskDefinition", trees.get("AWS::ECS::TaskDefinition"));
  }
}

function loadBalancing(b: Builder, design: Design) {
  for (const tg of (design.targetGroups ?? []).filter((t) => t.targetGroupArn !== undefined)) {
    b.unexpressed.push(...allUnexpressed("targetGroup", tg, `target group "${tg.name}"`, "an existing target group (its ARN is set): referenced by ARN, not managed by this template"));
  }
  for (const { tg, name } of b.r.targetGroups) {
    const trees = b.place("targetGroup", tg, `target group "${tg.name}"`, (f) => {
      if (f.path === "targetGroup.vpcId") return b.parameter(`${name}VpcId`, "AWS::EC2::VPC::Id", `VPC of the ${tg.name} targets`, f.value);
      if (f.path === "targetGroup.deregistrationDelaySeconds") return [{ Key: "deregistration_delay.timeout_seconds", Value: String(f.value) }];
      return f.value;
    });
    const props = trees.get("AWS::ElasticLoadBalancingV2::TargetGroup") ?? {};
    if (tg.vpcId === undefined) props.VpcId = b.parameter(`${name}VpcId`, "AWS::EC2::VPC::Id", `VPC of the ${tg.name} targets (the design names none: Stevedore's apply uses the default VPC)`, undefined);
    b.add(name, "AWS::ElasticLoadBalancingV2::TargetGroup", props);
  }
  for (const lb of (design.loadBalancers ?? []).filter((l) => l.loadBalancerArn !== undefined)) {
    b.unexpressed.push(...allUnexpressed("loadBalancer", lb, `load balancer "${lb.name}"`, "an existing load balancer (its ARN is set): the design leaves it and its listeners as they are"));
  }
  for (const { lb, name } of b.r.loadBalancers) {
    const trees = b.place("loadBalancer", lb, `load balancer "${lb.name}"`, (f) => {
      if (f.path === "loadBalancer.subnets") return b.parameter(`${name}Subnets`, "List<AWS::EC2::Subnet::Id>", `Subnets of load balancer ${lb.name}`, f.value);
      if (f.path === "loadBalancer.securityGroups") return b.parameter(`${name}SecurityGroups`, "List<AWS::EC2::SecurityGroup::Id>", `Security groups of load balancer ${lb.name}`, f.value);
      return f.path === "loadBalancer.listeners" ? new Skip() : f.value;
    }, (p) => p === "loadBalancer.listeners");
    const props = trees.get("AWS::ElasticLoadBalancingV2::LoadBalancer") ?? {};
    if (lb.subnets === undefined) props.Subnets = b.parameter(`${name}Subnets`, "List<AWS::EC2::Subnet::Id>", `Subnets of load balancer ${lb.name} (the design names none: Stevedore's apply uses the default VPC's)`, undefined);
    b.add(name, "AWS::ElasticLoadBalancingV2::LoadBalancer", props);
  }
  for (const l of b.r.listeners) {
    const lbName = b.r.loadBalancers.find((x) => x.lb === l.lb)!.name;
    const trees = b.place("loadBalancer.listeners[]", l.listener, `listener ${l.lb.name}:${l.listener.port}`, (f) =>
      (f.path === "loadBalancer.listeners[].rules" ? new Skip() : b.action(f)), (p) => p === "loadBalancer.listeners[].rules");
    b.add(l.name, "AWS::ElasticLoadBalancingV2::Listener", { LoadBalancerArn: { Ref: lbName }, ...trees.get("AWS::ElasticLoadBalancingV2::Listener") });
  }
  for (const r of b.r.rules) {
    const trees = b.place("loadBalancer.listeners[].rules[]", r.rule, `listener rule ${r.lb.name}:${r.listener.port} #${r.rule.priority}`, (f) => {
      if (f.path !== "loadBalancer.listeners[].rules[].conditions") return b.action(f);
      return (f.value as { field: string; values: string[] }[]).map((c) => ({ Field: c.field, [CONDITION_CONFIG[c.field]]: { Values: c.values } }));
    }, (p) => p === "loadBalancer.listeners[].rules[].conditions");
    b.add(r.name, "AWS::ElasticLoadBalancingV2::ListenerRule", { ListenerArn: { Ref: r.listenerName }, ...trees.get("AWS::ElasticLoadBalancingV2::ListenerRule") });
  }
}

function services(b: Builder, design: Design) {
  for (const { service, name } of b.r.services) {
    const trees = b.place("service", service, `service "${service.serviceName}"`, (f) => {
      switch (f.path) {
        case "service.cluster": {
          const c = b.r.clusterOf(f.value as string);
          return c ? { Ref: c } : f.value;
        }
        case "service.taskDefinition": {
          const t = b.r.taskDefinitionOf(f.value as string);
          return t ? { Ref: t } : f.value;
        }
        case "service.networkConfiguration.awsvpcConfiguration.subnets":
          return b.parameter(`${name}Subnets`, "List<AWS::EC2::Subnet::Id>", `Subnets the ${service.serviceName} tasks run in`, f.value);
        case "service.networkConfiguration.awsvpcConfiguration.securityGroups":
          return b.parameter(`${name}SecurityGroups`, "List<AWS::EC2::SecurityGroup::Id>", `Security groups of the ${service.serviceName} tasks`, f.value);
        case "service.loadBalancers[].targetGroupArn": case "service.loadBalancers[].advancedConfiguration.alternateTargetGroupArn":
          return b.targetGroupRef(f.value as string);
        case "service.loadBalancers[].advancedConfiguration.productionListenerRule": case "service.loadBalancers[].advancedConfiguration.testListenerRule": {
          const rule = b.r.ruleOf(f.value as string);
          if (!rule) return f.value;
          if ("rule" in rule) return { Ref: rule.rule };
          return new Skip(`names the default rule of listener ${rule.defaultOf}, whose ARN CloudFormation does not return (give it as an ARN, or use a listener rule)`);
        }
        case "service.autoScaling": return new Skip();
        default: return f.value;
      }
    }, (p) => p === "service.autoScaling");
    const tgRefs = (service.loadBalancers ?? []).flatMap((l) => [l.targetGroupArn, l.advancedConfiguration?.alternateTargetGroupArn]).filter((x): x is string => x !== undefined);
    const listeners = b.r.listenersForwardingTo(tgRefs);
    // ECS refuses a target group no load balancer forwards to yet: create the listeners first.
    b.add(name, "AWS::ECS::Service", trees.get("AWS::ECS::Service"), listeners.length ? { DependsOn: [...listeners].sort((x, y) => x.localeCompare(y)) } : {});
    if (service.autoScaling) autoScaling(b, design, service, name);
  }
}

/** `app/<lb>/<id>/targetgroup/<tg>/<id>` for ALBRequestCountPerTarget: the load balancer's LoadBalancerFullName and the target group's TargetGroupFullName. */
function resourceLabel(b: Builder, design: Design, service: Service): unknown {
  const parts = albLabelParts(design, b.r, service);
  if (!parts) return undefined;
  const part = (p: LabelPart, attribute: string) => ("resource" in p ? { "Fn::GetAtt": [p.resource, attribute] } : p.suffix);
  return join([part(parts.lb, "LoadBalancerFullName"), part(parts.tg, "TargetGroupFullName")]);
}

/** Fn::Join on "/" with neighbouring literals joined first (as CDK's Fn.join writes it), or the plain string when nothing is a reference. */
function join(parts: unknown[]): unknown {
  const merged: unknown[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (typeof p === "string" && typeof last === "string") merged[merged.length - 1] = `${last}/${p}`;
    else merged.push(p);
  }
  return merged.length === 1 && typeof merged[0] === "string" ? merged[0] : { "Fn::Join": ["/", merged] };
}

/**
 * A service's Application Auto Scaling: its ScalableTarget (ResourceId from the service's
 * GetAtt Name, so it waits for the service; scheduled actions inside it; no RoleARN: Application
 * Auto Scaling uses its service-linked role for ECS), one ScalingPolicy per policy on the
 * target's Ref, and a CloudWatch alarm for each step policy's alarm, acting on the policy's Ref.
 */
function autoScaling(b: Builder, design: Design, service: Service, name: string) {
  const as = service.autoScaling!;
  const where = `auto scaling of service "${service.serviceName}"`;
  const c = b.r.clusterOf(service.cluster);
  const clusterName = c ? { Ref: c } : clusterNameOf(service.cluster);
  const target = b.place("service.autoScaling", as, where, (f) => (f.path === "service.autoScaling.policies" ? new Skip() : f.value),
    (p) => p === "service.autoScaling.policies").get("AWS::ApplicationAutoScaling::ScalableTarget") ?? {};
  const targetId = `${name}ScalableTarget`;
  b.add(targetId, "AWS::ApplicationAutoScaling::ScalableTarget", {
    ServiceNamespace: "ecs", ScalableDimension: ECS_SCALABLE_DIMENSION,
    ResourceId: join(["service", clusterName, { "Fn::GetAtt": [name, "Name"] }]), ...target,
  });
  const taken = new Set(Object.keys(b.resources));
  for (const p of as.policies ?? []) {
    const trees = b.place("service.autoScaling.policies[]", p, `${where}, policy "${p.policyName}"`, (f) => f.value);
    const props = trees.get("AWS::ApplicationAutoScaling::ScalingPolicy") ?? {};
    const pre = (props.TargetTrackingScalingPolicyConfiguration as Tree | undefined)?.PredefinedMetricSpecification as Tree | undefined;
    if (pre?.PredefinedMetricType === "ALBRequestCountPerTarget" && pre.ResourceLabel === undefined) {
      const label = resourceLabel(b, design, service);
      if (label !== undefined) pre.ResourceLabel = label;
    }
    const policyId = uniqueName(pascalId([`${service.serviceName}-${p.policyName}`, "ScalingPolicy"]), taken);
    b.add(policyId, "AWS::ApplicationAutoScaling::ScalingPolicy", { ...props, ScalingTargetId: { Ref: targetId } });
    const alarm = trees.get("AWS::CloudWatch::Alarm");
    if (alarm) {
      b.add(uniqueName(pascalId([`${service.serviceName}-${p.policyName}`, "Alarm"]), taken), "AWS::CloudWatch::Alarm", {
        AlarmName: `${service.serviceName}-${p.policyName}`, ...alarm,
        Dimensions: [{ Name: "ClusterName", Value: clusterName }, { Name: "ServiceName", Value: { "Fn::GetAtt": [name, "Name"] } }],
        AlarmActions: [{ Ref: policyId }],
      });
    }
  }
}

/** Capacity providers the design creates: an Auto Scaling group's, or Managed Instances' (in its cluster, by the cluster's Ref). */
function capacityProviders(b: Builder) {
  for (const { cp, name } of b.r.capacityProviders) {
    const trees = b.place("capacityProvider", cp, `capacity provider "${cp.name}"`, (f) => {
      switch (f.path) {
        case "capacityProvider.autoScalingGroupProvider.autoScalingGroupArn":
          return b.parameter(`${name}AutoScalingGroupArn`, "String", `Auto Scaling group of capacity provider ${cp.name}`, f.value);
        case "capacityProvider.managedInstancesProvider.cluster": {
          const c = b.r.clusterOf(f.value as string);
          return c ? { Ref: c } : f.value;
        }
        case "capacityProvider.managedInstancesProvider.infrastructureRoleArn":
          return b.parameter(`${name}InfrastructureRoleArn`, "String", `IAM role ECS manages the ${cp.name} instances with`, f.value);
        case "capacityProvider.managedInstancesProvider.instanceLaunchTemplate.ec2InstanceProfileArn":
          return b.parameter(`${name}InstanceProfileArn`, "String", `Instance profile of the ${cp.name} instances`, f.value);
        case "capacityProvider.managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.subnets":
          return b.parameter(`${name}Subnets`, "List<AWS::EC2::Subnet::Id>", `Subnets the ${cp.name} instances run in`, f.value);
        case "capacityProvider.managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.securityGroups":
          return b.parameter(`${name}SecurityGroups`, "List<AWS::EC2::SecurityGroup::Id>", `Security groups of the ${cp.name} instances`, f.value);
        default: return f.value;
      }
    });
    b.add(name, "AWS::ECS::CapacityProvider", trees.get("AWS::ECS::CapacityProvider"));
  }
}

/**
 * Scheduled tasks: an AWS::Scheduler::Schedule each (Target.Arn the cluster's GetAtt Arn,
 * EcsParameters, the overrides as Target.Input's JSON), in an AWS::Scheduler::ScheduleGroup for
 * every group but `default` (its Ref is its name), tagged stevedore:design as Stevedore's apply tags it.
 */
function scheduledTasks(b: Builder, designId: string) {
  for (const g of b.r.scheduleGroups) b.add(g.name, "AWS::Scheduler::ScheduleGroup", { Name: g.groupName, Tags: [{ Key: DESIGN_TAG, Value: designId }] });
  for (const { task, name, group } of b.r.scheduledTasks) {
    const trees = b.place("scheduledTask", task, `scheduled task "${task.name}"`, (f) => {
      switch (f.path) {
        case "scheduledTask.cluster": {
          const c = b.r.clusterOf(f.value as string);
          return c ? { "Fn::GetAtt": [c, "Arn"] } : f.value;
        }
        case "scheduledTask.taskDefinition": {
          const t = b.r.taskDefinitionOf(f.value as string);
          return t ? { Ref: t } : f.value;
        }
        case "scheduledTask.group": return group ? { Ref: group } : f.value;
        case "scheduledTask.roleArn": return b.parameter(`${name}RoleArn`, "String", `IAM role EventBridge Scheduler runs the ${task.name} tasks with (ecs:RunTask, iam:PassRole)`, f.value);
        case "scheduledTask.networkConfiguration.awsvpcConfiguration.subnets":
          return b.parameter(`${name}Subnets`, "List<AWS::EC2::Subnet::Id>", `Subnets the ${task.name} tasks run in`, f.value);
        case "scheduledTask.networkConfiguration.awsvpcConfiguration.securityGroups":
          return b.parameter(`${name}SecurityGroups`, "List<AWS::EC2::SecurityGroup::Id>", `Security groups of the ${task.name} tasks`, f.value);
        case "scheduledTask.overrides": return JSON.stringify(f.value);
        default: return f.value;
      }
    }, (p) => p === "scheduledTask.overrides");
    const { Name, GroupName, ...rest } = trees.get("AWS::Scheduler::Schedule") ?? {};
    const target = (rest.Target ?? {}) as Tree;
    // Both are required: Scheduler's own default window (OFF), and a role the design may leave to the account.
    if (rest.FlexibleTimeWindow === undefined) rest.FlexibleTimeWindow = { Mode: "OFF" };
    if (target.RoleArn === undefined) target.RoleArn = b.parameter(`${name}RoleArn`, "String", `IAM role EventBridge Scheduler runs the ${task.name} tasks with (the design names none)`, undefined);
    const groupName = GroupName ?? (group ? { Ref: group } : undefined);
    b.add(name, "AWS::Scheduler::Schedule", { Name, ...(groupName === undefined ? {} : { GroupName: groupName }), ...rest, Target: target });
  }
}

/** The design as a CloudFormation template, in YAML and JSON. */
export function exportCloudFormation(design: Design, opts: { designId?: string } = {}): CloudFormationExport {
  const b = new Builder(resolveDesign(design, pascalId, opts.designId));
  clusters(b);
  taskDefinitions(b);
  loadBalancing(b, design);
  capacityProviders(b);
  services(b, design);
  scheduledTasks(b, opts.designId ?? EXPORT_DESIGN_ID);
  // CloudFormation refuses a template without resources ("At least one Resources member must be defined"): said plainly.
  const nothing = Object.keys(b.resources).length === 0 ? `${DEPLOYS_NOTHING} CloudFormation refuses a template without resources: add some to the design before deploying it.` : undefined;
  const template: Tree = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: nothing ?? "Written by Stevedore from a design: ECS clusters, capacity providers, task definitions, services and scheduled tasks, with their load balancers and auto scaling.",
    Metadata: {
      Stevedore: {
        ...(nothing ? { DeploysNothing: nothing } : {}),
        NotExpressed: b.unexpressed.map((u) => ({ Resource: u.resource, Field: u.path, Why: u.why })),
      },
    },
    ...(Object.keys(b.parameters).length ? { Parameters: b.parameters } : {}),
    Resources: b.resources,
  };
  return { template, yaml: stringify(template, { lineWidth: 0, version: "1.1" }), json: `${JSON.stringify(template, null, 2)}\n`, unexpressed: b.unexpressed };
}
