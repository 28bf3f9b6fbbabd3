import { albTargetOf, type ScalingPolicy, type ScheduledAction } from "../../design";
import {
  isTimeZone, parseSchedule, RESOURCE_LABEL_PATTERN, SCALING_POLICIES_PER_TARGET, SCHEDULED_ACTIONS_PER_TARGET,
  STEP_ADJUSTMENTS_PER_POLICY, TARGET_VALUE_MAX, TARGET_VALUE_MIN,
} from "../../ecs-facts/auto-scaling";
import type { PathSegment, RuleFinding, ServiceRule } from "../types";

// Application Auto Scaling of a service (RegisterScalableTarget, PutScalingPolicy,
// PutScheduledAction). Sources: the API reference of each
// (https://docs.aws.amazon.com/autoscaling/application/APIReference/), the quotas page
// (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-quotas.html)
// and ECS's service auto scaling guide
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html).

const AT = ["autoScaling"];

function policyFindings(p: ScalingPolicy, at: PathSegment[], ctx: { hasAlb: boolean }): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (p.policyType === "TargetTrackingScaling") {
    const c = p.targetTrackingScalingPolicyConfiguration;
    const cAt = [...at, "targetTrackingScalingPolicyConfiguration"];
    if (!c) {
      out.push({
        path: at, message: `Target tracking policy "${p.policyName}" has no targetTrackingScalingPolicyConfiguration: PutScalingPolicy needs one for a TargetTrackingScaling policy (a metric and the target value to hold it at).`,
        fix: { description: "Track average CPU at 70 %.", edits: [{ path: cAt, value: { targetValue: 70, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } } }] },
      });
    } else {
      const v = c.targetValue;
      if (v === undefined || !(v >= TARGET_VALUE_MIN && v <= TARGET_VALUE_MAX)) {
        out.push({
          path: [...cAt, "targetValue"],
          message: v === undefined
            ? `Target tracking policy "${p.policyName}" needs a targetValue: the value of the metric the scaler keeps the service at.`
            : `The targetValue of "${p.policyName}" is ${v}; Application Auto Scaling takes a value between 8.515920e-109 and 6.153660e+107, so it must be above 0.`,
          fix: { description: "Set the target value (70 is a common CPU target).", edits: [{ path: [...cAt, "targetValue"], value: 70 }] },
        });
      }
      const pre = c.predefinedMetricSpecification;
      const custom = c.customizedMetricSpecification;
      if ((pre ? 1 : 0) + (custom ? 1 : 0) !== 1) {
        out.push({
          path: cAt,
          message: `Target tracking policy "${p.policyName}" must name exactly one metric: a predefinedMetricSpecification or a customizedMetricSpecification${pre && custom ? ", not both" : ""}.`,
          fix: pre
            ? { description: "Keep the predefined metric.", edits: [{ path: [...cAt, "customizedMetricSpecification"], value: undefined }] }
            : { description: "Track the service's average CPU.", edits: [{ path: [...cAt, "predefinedMetricSpecification"], value: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } }] },
        });
      }
      const percent = pre?.predefinedMetricType === "ECSServiceAverageCPUUtilization" || pre?.predefinedMetricType === "ECSServiceAverageMemoryUtilization";
      if (percent && v !== undefined && v > 100) {
        out.push({
          severity: "warning", path: [...cAt, "targetValue"],
          message: `${pre?.predefinedMetricType} is a percentage of what the tasks reserve; a target of ${v} % is above what the service normally reaches, so the policy would only ever scale in.`,
          fix: { description: "Use a target between 40 and 80 %.", edits: [{ path: [...cAt, "targetValue"], value: 70 }] },
        });
      }
      if (pre?.predefinedMetricType === "ALBRequestCountPerTarget") {
        if (pre.resourceLabel !== undefined && !RESOURCE_LABEL_PATTERN.test(pre.resourceLabel)) {
          out.push({
            path: [...cAt, "predefinedMetricSpecification", "resourceLabel"],
            message: `The resourceLabel of ALBRequestCountPerTarget has the form app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>; "${pre.resourceLabel}" is not of that form.`,
            fix: { description: "Remove it: Stevedore derives it from the service's target group and its load balancer.", edits: [{ path: [...cAt, "predefinedMetricSpecification", "resourceLabel"], value: undefined }] },
          });
        } else if (pre.resourceLabel === undefined && !ctx.hasAlb) {
          out.push({
            path: [...cAt, "predefinedMetricSpecification", "predefinedMetricType"],
            message: `ALBRequestCountPerTarget counts the requests an Application Load Balancer sends to each target of the service's target group: the service needs a target group that an Application Load Balancer of the design forwards to (its resourceLabel names both).`,
            fix: { description: "Attach the service to a target group behind an Application Load Balancer, or track average CPU instead.", edits: [{ path: [...cAt, "predefinedMetricSpecification"], value: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } }] },
          });
        }
      }
      for (const k of ["scaleOutCooldown", "scaleInCooldown"] as const) {
        const cd = c[k];
        if (cd !== undefined && cd < 0) {
          out.push({ path: [...cAt, k], message: `${k} is a number of seconds, 0 or more; ${cd} is not valid.`, fix: { description: `Set ${k} to 300 (ECS's default).`, edits: [{ path: [...cAt, k], value: 300 }] } });
        }
      }
    }
    if (p.stepScalingPolicyConfiguration) {
      out.push({ path: [...at, "stepScalingPolicyConfiguration"], message: `"${p.policyName}" is a TargetTrackingScaling policy; a stepScalingPolicyConfiguration belongs to StepScaling policies only.`, fix: { description: "Remove it.", edits: [{ path: [...at, "stepScalingPolicyConfiguration"], value: undefined }] } });
    }
  } else {
    const c = p.stepScalingPolicyConfiguration;
    const cAt = [...at, "stepScalingPolicyConfiguration"];
    const steps = c?.stepAdjustments ?? [];
    if (!c?.adjustmentType || steps.length === 0) {
      out.push({
        path: cAt,
        message: `Step scaling policy "${p.policyName}" needs an adjustmentType and at least one step adjustment: what to change the desired count by when its alarm fires.`,
        fix: { description: "Add one task whenever the alarm's threshold is crossed.", edits: [{ path: cAt, value: { adjustmentType: "ChangeInCapacity", stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }], cooldown: 300, ...c } }] },
      });
    }
    if (steps.length > STEP_ADJUSTMENTS_PER_POLICY) {
      out.push({ path: [...cAt, "stepAdjustments"], message: `A step scaling policy has at most ${STEP_ADJUSTMENTS_PER_POLICY} step adjustments (Application Auto Scaling quota); "${p.policyName}" has ${steps.length}.` });
    }
    if (c?.cooldown !== undefined && c.cooldown < 0) {
      out.push({ path: [...cAt, "cooldown"], message: `cooldown is a number of seconds, 0 or more; ${c.cooldown} is not valid.`, fix: { description: "Set cooldown to 300.", edits: [{ path: [...cAt, "cooldown"], value: 300 }] } });
    }
    if (c?.minAdjustmentMagnitude !== undefined && c.adjustmentType !== "PercentChangeInCapacity") {
      out.push({ path: [...cAt, "minAdjustmentMagnitude"], message: "minAdjustmentMagnitude applies only to the PercentChangeInCapacity adjustment type.", fix: { description: "Remove it.", edits: [{ path: [...cAt, "minAdjustmentMagnitude"], value: undefined }] } });
    }
    if (!p.alarm) {
      out.push({
        severity: "warning", path: [...at, "alarm"],
        message: `Step scaling policy "${p.policyName}" acts only when a CloudWatch alarm invokes it; without an alarm it never changes the desired count.`,
        fix: { description: "Add an alarm on the service's average CPU above 75 %.", edits: [{ path: [...at, "alarm"], value: { metricName: "CPUUtilization", namespace: "AWS/ECS", statistic: "Average", comparisonOperator: "GreaterThanOrEqualToThreshold", threshold: 75, period: 60, evaluationPeriods: 3 } }] },
      });
    }
    if (p.targetTrackingScalingPolicyConfiguration) {
      out.push({ path: [...at, "targetTrackingScalingPolicyConfiguration"], message: `"${p.policyName}" is a StepScaling policy; a targetTrackingScalingPolicyConfiguration belongs to TargetTrackingScaling policies only.`, fix: { description: "Remove it.", edits: [{ path: [...at, "targetTrackingScalingPolicyConfiguration"], value: undefined }] } });
    }
  }
  return out;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function scheduledFindings(a: ScheduledAction, at: PathSegment[], min: number | undefined, max: number | undefined): RuleFinding[] {
  const out: RuleFinding[] = [];
  const parsed = parseSchedule(a.schedule);
  if (typeof parsed === "string") {
    out.push({
      path: [...at, "schedule"],
      message: `The schedule of "${a.scheduledActionName}" is not valid: ${parsed}. Application Auto Scaling takes at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(minutes hours day-of-month month day-of-week year).`,
      fix: { description: "Use a cron expression, e.g. every day at 20:00.", edits: [{ path: [...at, "schedule"], value: "cron(0 20 * * ? *)" }] },
    });
  }
  if (a.timezone !== undefined && !isTimeZone(a.timezone)) {
    out.push({ path: [...at, "timezone"], message: `"${a.timezone}" is not an IANA time zone (such as Europe/Berlin or America/New_York).`, fix: { description: "Use UTC.", edits: [{ path: [...at, "timezone"], value: undefined }] } });
  }
  // PutScheduledAction's StartTime and EndTime are timestamps (the SDKs send epoch seconds; CloudFormation takes ISO 8601).
  for (const key of ["startTime", "endTime"] as const) {
    const v = a[key];
    if (v !== undefined && !(TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v)))) {
      out.push({ path: [...at, key], message: `The ${key} of "${a.scheduledActionName}" is not a date and time: Application Auto Scaling takes a timestamp such as 2026-12-24T20:00:00Z.`, fix: { description: `Remove the ${key}.`, edits: [{ path: [...at, key], value: undefined }] } });
    }
  }
  const t = a.scalableTargetAction;
  if (t.minCapacity === undefined && t.maxCapacity === undefined) {
    out.push({ path: [...at, "scalableTargetAction"], message: `Scheduled action "${a.scheduledActionName}" sets neither a minimum nor a maximum capacity, so it changes nothing when it runs.` });
  }
  if ((t.minCapacity ?? 0) < 0 || (t.maxCapacity ?? 0) < 0) {
    out.push({ path: [...at, "scalableTargetAction"], message: `The capacities of "${a.scheduledActionName}" must be 0 or more.` });
  }
  const newMin = t.minCapacity ?? min;
  const newMax = t.maxCapacity ?? max;
  if (newMin !== undefined && newMax !== undefined && newMin > newMax) {
    out.push({
      path: [...at, "scalableTargetAction"],
      message: `When "${a.scheduledActionName}" runs the minimum (${newMin}) would be above the maximum (${newMax}): Application Auto Scaling refuses a minimum capacity greater than the maximum capacity.`,
      fix: { description: `Set its maximum to ${newMin}.`, edits: [{ path: [...at, "scalableTargetAction", "maxCapacity"], value: newMin }] },
    });
  }
  return out;
}

function duplicates<T>(items: T[], name: (t: T) => string): number[] {
  const seen = new Set<string>();
  return items.flatMap((t, i) => (seen.has(name(t)) ? [i] : (seen.add(name(t)), [])));
}

export const autoScaling: ServiceRule = {
  id: "auto-scaling",
  title: "Service auto scaling has a valid range, policies and schedules",
  severity: "error",
  scope: "service",
  check(service, { index }) {
    const s = service.autoScaling;
    if (!s) return [];
    const out: RuleFinding[] = [];
    if (service.schedulingStrategy === "DAEMON") {
      return [{
        path: AT,
        message: "A DAEMON service runs one task per container instance and has no desired count to scale: Application Auto Scaling scales REPLICA services only.",
        fix: { description: "Remove the service's auto scaling (scale the cluster's instances instead).", edits: [{ path: AT, value: undefined }] },
      }];
    }
    const { minCapacity: min, maxCapacity: max } = s;
    for (const [k, v] of [["minCapacity", min], ["maxCapacity", max]] as const) {
      if (v === undefined) {
        out.push({
          path: [...AT, k],
          message: `RegisterScalableTarget needs both a minimum and a maximum capacity to register a new scalable target; ${k} is not set.`,
          fix: { description: `Set ${k} to ${k === "minCapacity" ? 1 : Math.max(min ?? 1, 2)}.`, edits: [{ path: [...AT, k], value: k === "minCapacity" ? 1 : Math.max(min ?? 1, 2) }] },
        });
      } else if (v < 0) {
        out.push({ path: [...AT, k], message: `${k} is a number of tasks, 0 or more; ${v} is not valid.`, fix: { description: `Set ${k} to 0.`, edits: [{ path: [...AT, k], value: 0 }] } });
      }
    }
    if (min !== undefined && max !== undefined && min > max) {
      out.push({
        path: [...AT, "maxCapacity"],
        message: `The minimum capacity (${min}) is greater than the maximum capacity (${max}): Application Auto Scaling refuses to register the target ("Minimum capacity cannot be greater than maximum capacity").`,
        fix: { description: `Raise maxCapacity to ${min}.`, edits: [{ path: [...AT, "maxCapacity"], value: min }] },
      });
    }
    const n = service.desiredCount;
    if (n !== undefined && min !== undefined && max !== undefined && min <= max && (n < min || n > max)) {
      const to = n < min ? min : max;
      out.push({
        severity: "info", path: ["desiredCount"],
        message: `desiredCount ${n} is ${n < min ? "below the minimum" : "above the maximum"} capacity: once the scalable target is registered, Application Auto Scaling ${n < min ? "scales out to" : "scales in to"} ${to}.`,
        fix: { description: `Set desiredCount to ${to}.`, edits: [{ path: ["desiredCount"], value: to }] },
      });
    }
    const policies = s.policies ?? [];
    if (policies.length > SCALING_POLICIES_PER_TARGET) {
      out.push({ path: [...AT, "policies"], message: `A scalable target has at most ${SCALING_POLICIES_PER_TARGET} scaling policies, step and target tracking together (Application Auto Scaling quota, not adjustable); this service has ${policies.length}.` });
    }
    const hasAlb = albTargetOf(index.design, service) !== undefined;
    policies.forEach((p, i) => out.push(...policyFindings(p, [...AT, "policies", i], { hasAlb })));
    for (const i of duplicates(policies, (p) => p.policyName)) {
      out.push({ path: [...AT, "policies", i, "policyName"], message: `Two scaling policies are named "${policies[i].policyName}": PutScalingPolicy with the same name replaces the first.`, fix: { description: "Rename this policy.", edits: [{ path: [...AT, "policies", i, "policyName"], value: `${policies[i].policyName}-${i + 1}` }] } });
    }
    policies.forEach((p, i) => {
      if (p.policyName.length < 1 || p.policyName.length > 256) out.push({ path: [...AT, "policies", i, "policyName"], message: "A scaling policy name has 1 to 256 characters." });
    });
    const actions = s.scheduledActions ?? [];
    if (actions.length > SCHEDULED_ACTIONS_PER_TARGET) {
      out.push({ path: [...AT, "scheduledActions"], message: `A scalable target has at most ${SCHEDULED_ACTIONS_PER_TARGET} scheduled actions (Application Auto Scaling quota, not adjustable); this service has ${actions.length}.` });
    }
    actions.forEach((a, i) => out.push(...scheduledFindings(a, [...AT, "scheduledActions", i], min, max)));
    for (const i of duplicates(actions, (a) => a.scheduledActionName)) {
      out.push({ path: [...AT, "scheduledActions", i, "scheduledActionName"], message: `Two scheduled actions are named "${actions[i].scheduledActionName}": PutScheduledAction with the same name replaces the first.`, fix: { description: "Rename this action.", edits: [{ path: [...AT, "scheduledActions", i, "scheduledActionName"], value: `${actions[i].scheduledActionName}-${i + 1}` }] } });
    }
    return out;
  },
};
