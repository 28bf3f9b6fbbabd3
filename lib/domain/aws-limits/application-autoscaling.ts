import type { ServiceLimits } from "./types";

// Application Auto Scaling, per account and Region. AWS publishes no request rates for it (the
// quotas page, https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-quotas.html,
// lists object counts): Stevedore paces describes and changes modestly and the SDK's adaptive
// retries absorb a ThrottlingException. Describe*: MaxResults 1–50 (default 50), NextToken;
// DescribeScalableTargets takes up to 50 ResourceIds.

/** Every Application Auto Scaling operation Stevedore makes, by its API name. */
export type AutoScalingOperation =
  | "DescribeScalableTargets" | "DescribeScalingPolicies" | "DescribeScheduledActions" | "DescribeScalingActivities"
  | "RegisterScalableTarget" | "DeregisterScalableTarget" | "PutScalingPolicy" | "DeleteScalingPolicy" | "PutScheduledAction" | "DeleteScheduledAction";

export const AUTOSCALING_LIMITS = {
  buckets: { describe: { burst: 20, perSecond: 5 }, change: { burst: 10, perSecond: 2 } },
  operations: {
    DescribeScalableTargets: { bucket: "describe", batch: 50, page: 50 },
    DescribeScalingPolicies: { bucket: "describe", page: 50 },
    DescribeScheduledActions: { bucket: "describe", page: 50 },
    DescribeScalingActivities: { bucket: "describe", page: 50 },
    RegisterScalableTarget: { bucket: "change" },
    DeregisterScalableTarget: { bucket: "change" },
    PutScalingPolicy: { bucket: "change" },
    DeleteScalingPolicy: { bucket: "change" },
    PutScheduledAction: { bucket: "change" },
    DeleteScheduledAction: { bucket: "change" },
  },
} as const satisfies ServiceLimits<AutoScalingOperation>;
