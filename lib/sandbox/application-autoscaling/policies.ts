import { z } from "zod";
import { ECS_SCALABLE_DIMENSION, RESOURCE_LABEL_PATTERN, SCALING_POLICIES_PER_TARGET, STEP_ADJUSTMENTS_PER_POLICY } from "../../domain/ecs-facts/auto-scaling";
import { dropAlarms, putAlarm } from "../core/alarms";
import { peek } from "../core/draft";
import { bySeq, nextSeq, uuid } from "../core/ids";
import { own } from "../core/maps";
import type { Ctx, ScalingPolicy, World } from "../core/types";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { aasError, noPolicy, validation } from "./errors";
import { checkEcsTarget, checkFilter, DescribeFilter, Name, page, parseInput, TargetKey } from "./input";
import { registeredTarget } from "./targets";

// Scaling policies: PutScalingPolicy, DescribeScalingPolicies, DeleteScalingPolicy
// (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html).
// A target tracking policy gets the two CloudWatch alarms AAS creates for it, named as AAS names
// them (TargetTracking-<ResourceId>-AlarmHigh-<uuid>, …-AlarmLow-<uuid>; no AlarmLow when scale-in
// is disabled). At most 50 policies per target.

const Dimension = z.object({ Name: z.string().min(1), Value: z.string() });
const StepAdjustment = z.object({ MetricIntervalLowerBound: z.number().optional(), MetricIntervalUpperBound: z.number().optional(), ScalingAdjustment: z.number().int() });
const StepConfig = z.object({
  AdjustmentType: z.enum(["ChangeInCapacity", "PercentChangeInCapacity", "ExactCapacity"]).optional(),
  StepAdjustments: z.array(StepAdjustment).optional(),
  MinAdjustmentMagnitude: z.number().int().optional(),
  Cooldown: z.number().int().optional(),
  MetricAggregationType: z.enum(["Average", "Minimum", "Maximum"]).optional(),
});
const TargetConfig = z.object({
  TargetValue: z.number().min(8.515920e-109).max(6.153660e+107),
  PredefinedMetricSpecification: z.object({ PredefinedMetricType: z.string().min(1), ResourceLabel: z.string().min(1).max(1023).optional() }).optional(),
  CustomizedMetricSpecification: z.looseObject({
    MetricName: z.string().optional(), Namespace: z.string().optional(), Dimensions: z.array(Dimension).optional(),
    Statistic: z.enum(["Average", "Minimum", "Maximum", "SampleCount", "Sum"]).optional(), Unit: z.string().optional(), Metrics: z.array(z.unknown()).optional(),
  }).optional(),
  ScaleOutCooldown: z.number().int().min(0).optional(),
  ScaleInCooldown: z.number().int().min(0).optional(),
  DisableScaleIn: z.boolean().optional(),
});
const PutSchema = z.object({
  PolicyName: Name, ...TargetKey,
  PolicyType: z.enum(["StepScaling", "TargetTrackingScaling", "PredictiveScaling"]).optional(),
  StepScalingPolicyConfiguration: StepConfig.optional(),
  TargetTrackingScalingPolicyConfiguration: TargetConfig.optional(),
});

const ECS_METRICS = ["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "ALBRequestCountPerTarget"];

function checkTargetTracking(c: z.infer<typeof TargetConfig> | undefined) {
  if (!c) throw validation("TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling.");
  const pre = c.PredefinedMetricSpecification;
  if (!pre === !c.CustomizedMetricSpecification) throw validation("Exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification must be specified.");
  if (pre && !ECS_METRICS.includes(pre.PredefinedMetricType)) throw validation(`Unsupported predefined metric type ${pre.PredefinedMetricType} for service namespace ecs.`);
  if (pre?.PredefinedMetricType === "ALBRequestCountPerTarget") {
    if (!pre.ResourceLabel) throw validation("ResourceLabel is required for the predefined metric type ALBRequestCountPerTarget.");
    if (!RESOURCE_LABEL_PATTERN.test(pre.ResourceLabel)) throw validation(`Invalid ResourceLabel ${pre.ResourceLabel}: expected app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>.`);
  }
  const m = c.CustomizedMetricSpecification;
  if (m && !m.Metrics && (!m.MetricName || !m.Namespace || !m.Statistic)) throw validation("A CustomizedMetricSpecification needs MetricName, Namespace and Statistic (or Metrics).");
}

function checkStep(c: z.infer<typeof StepConfig> | undefined) {
  if (!c) throw validation("StepScalingPolicyConfiguration is required for a policy of type StepScaling.");
  if (!c.AdjustmentType) throw validation("AdjustmentType is required for a step scaling policy.");
  const steps = c.StepAdjustments ?? [];
  if (!steps.length) throw validation("StepAdjustments must contain at least one step adjustment.");
  if (steps.length > STEP_ADJUSTMENTS_PER_POLICY) throw aasError("LimitExceededException", `A step scaling policy can have at most ${STEP_ADJUSTMENTS_PER_POLICY} step adjustments.`);
  if (c.MinAdjustmentMagnitude !== undefined && c.AdjustmentType !== "PercentChangeInCapacity") throw validation("MinAdjustmentMagnitude may only be specified with the PercentChangeInCapacity adjustment type.");
}

const policyKey = (resourceId: string, name: string) => `${resourceId}|${name}`;

type TrackingConfig = z.infer<typeof TargetConfig>;

/** The metric a target tracking policy tracks (its predefined type's, or the customized one), if a single metric. */
function trackedMetric(resourceId: string, c: TrackingConfig) {
  const [, cluster, service] = resourceId.split("/");
  const ecs = [{ name: "ClusterName", value: cluster }, { name: "ServiceName", value: service }];
  switch (c.PredefinedMetricSpecification?.PredefinedMetricType) {
    case "ECSServiceAverageCPUUtilization": return { namespace: "AWS/ECS", metricName: "CPUUtilization", dimensions: ecs, statistic: "Average" as const, unit: "Percent" };
    case "ECSServiceAverageMemoryUtilization": return { namespace: "AWS/ECS", metricName: "MemoryUtilization", dimensions: ecs, statistic: "Average" as const, unit: "Percent" };
    case "ALBRequestCountPerTarget": {
      const label = c.PredefinedMetricSpecification.ResourceLabel ?? "";
      const at = label.indexOf("/targetgroup/");
      return { namespace: "AWS/ApplicationELB", metricName: "RequestCountPerTarget", statistic: "Sum" as const, dimensions: [{ name: "LoadBalancer", value: label.slice(0, at) }, { name: "TargetGroup", value: label.slice(at + 1) }] };
    }
  }
  const m = c.CustomizedMetricSpecification;
  if (!m?.MetricName || !m.Namespace || !m.Statistic) return undefined;
  return { namespace: m.Namespace, metricName: m.MetricName, dimensions: (m.Dimensions ?? []).map((d) => ({ name: d.Name, value: d.Value })), statistic: m.Statistic, ...(m.Unit ? { unit: m.Unit } : {}) };
}

/**
 * The alarms target tracking keeps for a policy, as Application Auto Scaling makes them for ECS:
 * AlarmHigh, the metric above the target for 3 of 3 one-minute periods; AlarmLow, below 90 % of
 * the target for 15 of 15 (scale in only "when the metric is well below the target", about 10 %
 * under it: https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html).
 * Both invoke the policy; their description warns not to edit them, as AAS's does.
 */
function putTrackingAlarms(world: World, policy: ScalingPolicy, c: TrackingConfig, now: number) {
  const metric = trackedMetric(policy.resourceId, c);
  if (!metric) return;
  for (const a of policy.alarms) {
    const high = a.AlarmName.includes("-AlarmHigh-");
    putAlarm(world, {
      name: a.AlarmName, description: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.arn}.`, actionsEnabled: true,
      okActions: [], alarmActions: [policy.arn], insufficientDataActions: [], ...metric, period: 60,
      evaluationPeriods: high ? 3 : 15, datapointsToAlarm: high ? 3 : 15,
      threshold: high ? c.TargetValue : Math.round(c.TargetValue * 0.9 * 1e6) / 1e6,
      comparisonOperator: high ? "GreaterThanThreshold" : "LessThanThreshold",
    }, now);
  }
}

export function putScalingPolicy(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(PutSchema, raw);
  checkEcsTarget(input);
  registeredTarget(world, input.ResourceId);
  const type = input.PolicyType ?? "StepScaling";
  if (type === "PredictiveScaling") throw validation("PredictiveScaling policies are not supported for service namespace ecs in the sandbox.");
  if (type === "TargetTrackingScaling") checkTargetTracking(input.TargetTrackingScalingPolicyConfiguration);
  else checkStep(input.StepScalingPolicyConfiguration);
  const key = policyKey(input.ResourceId, input.PolicyName);
  const had = own(world.scalingPolicies, key);
  if (!had && Object.values(peek(world).scalingPolicies).filter((p) => p.resourceId === input.ResourceId).length >= SCALING_POLICIES_PER_TARGET) {
    throw aasError("LimitExceededException", `A scalable target can have at most ${SCALING_POLICIES_PER_TARGET} scaling policies.`);
  }
  const id = had ? /scalingPolicy:([^:]+):/.exec(had.arn)?.[1] ?? uuid(world) : uuid(world);
  const arn = `arn:aws:autoscaling:${world.region}:${world.account}:scalingPolicy:${id}:resource/ecs/${input.ResourceId}:policyName/${input.PolicyName}`;
  const tt = type === "TargetTrackingScaling" ? input.TargetTrackingScalingPolicyConfiguration : undefined;
  const alarm = (side: "High" | "Low") => {
    const name = `TargetTracking-${input.ResourceId}-Alarm${side}-${uuid(world)}`;
    return { AlarmName: name, AlarmARN: `arn:aws:cloudwatch:${world.region}:${world.account}:alarm:${name}` };
  };
  const keepAlarms = had && had.policyType === type && (had.alarms.length === 1) === !!tt?.DisableScaleIn;
  const alarms = !tt ? [] : keepAlarms ? had.alarms : [alarm("High"), ...(tt.DisableScaleIn ? [] : [alarm("Low")])];
  const policy: ScalingPolicy = {
    arn, name: input.PolicyName, resourceId: input.ResourceId, policyType: type,
    ...(tt ? { targetTrackingScalingPolicyConfiguration: tt } : { stepScalingPolicyConfiguration: input.StepScalingPolicyConfiguration }),
    alarms, createdAt: had?.createdAt ?? ctx.now, seq: had?.seq ?? nextSeq(world),
    ...(had?.lastScaleOutAt !== undefined ? { lastScaleOutAt: had.lastScaleOutAt } : {}),
    ...(had?.lastScaleInAt !== undefined ? { lastScaleInAt: had.lastScaleInAt } : {}),
  };
  world.scalingPolicies[key] = policy;
  if (had) dropAlarms(world, had.alarms, alarms);
  if (tt) putTrackingAlarms(world, policy, tt, ctx.now);
  return compact({ PolicyARN: arn, Alarms: tt ? alarms : undefined });
}

const policyOut = (p: ScalingPolicy) => compact({
  PolicyARN: p.arn, PolicyName: p.name, ServiceNamespace: "ecs", ResourceId: p.resourceId, ScalableDimension: ECS_SCALABLE_DIMENSION, PolicyType: p.policyType,
  StepScalingPolicyConfiguration: p.stepScalingPolicyConfiguration, TargetTrackingScalingPolicyConfiguration: p.targetTrackingScalingPolicyConfiguration,
  Alarms: p.alarms, CreationTime: epochSeconds(p.createdAt),
});

const DescribeSchema = z.object({ ...DescribeFilter, PolicyNames: z.array(Name).max(50).optional() });

export function describeScalingPolicies(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  checkFilter(input);
  const all = input.ServiceNamespace === "ecs" ? bySeq(peek(world).scalingPolicies) : [];
  const chosen = all.filter((p) => (input.ResourceId === undefined || p.resourceId === input.ResourceId)
    && (input.ScalableDimension === undefined || input.ScalableDimension === ECS_SCALABLE_DIMENSION)
    && (!input.PolicyNames?.length || input.PolicyNames.includes(p.name)));
  const { items, NextToken } = page(chosen, input);
  return compact({ ScalingPolicies: items.map(policyOut), NextToken });
}

const DeleteSchema = z.object({ PolicyName: Name, ...TargetKey });

export function deleteScalingPolicy(world: World, raw: unknown) {
  const input = parseInput(DeleteSchema, raw);
  checkEcsTarget(input);
  const key = policyKey(input.ResourceId, input.PolicyName);
  const had = own(peek(world).scalingPolicies, key);
  if (!had) throw noPolicy(input.ResourceId, input.PolicyName);
  dropAlarms(world, had.alarms);
  delete world.scalingPolicies[key];
  return {};
}
