import type { ServiceLimits } from "./types";

// Elastic Load Balancing v2, per account and Region.
// Rates: "Request throttling for the Elastic Load Balancing API",
//   https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html
//   (non-mutating actions, Describe*: a bucket of 40 refilled at 10 a second). Mutating actions
//   draw from buckets of their own there; Stevedore paces them together, well below the
//   non-mutating rate, and the SDK's adaptive retries absorb the rest.
// Batch and page sizes: the ELBv2 API Reference (DescribeLoadBalancers / DescribeTargetGroups /
//   DescribeTags: up to 20 ARNs or names; PageSize: 1–400, paged with Marker / NextMarker).

/** Every ELBv2 operation Stevedore makes, by its API name. */
export type Elbv2Operation =
  | "DescribeLoadBalancers" | "CreateLoadBalancer" | "DeleteLoadBalancer" | "SetSubnets" | "SetSecurityGroups"
  | "DescribeTargetGroups" | "CreateTargetGroup" | "ModifyTargetGroup" | "DeleteTargetGroup"
  | "DescribeListeners" | "CreateListener" | "ModifyListener" | "DeleteListener"
  | "DescribeRules" | "CreateRule" | "ModifyRule" | "DeleteRule"
  | "DescribeTargetHealth" | "DescribeTags" | "AddTags" | "RemoveTags"
  | "DescribeTargetGroupAttributes" | "ModifyTargetGroupAttributes";

export const ELBV2_LIMITS = {
  buckets: {
    describe: { burst: 40, perSecond: 10 },
    change: { burst: 10, perSecond: 2 },
  },
  operations: {
    DescribeLoadBalancers: { bucket: "describe", batch: 20, page: 400 },
    DescribeTargetGroups: { bucket: "describe", batch: 20, page: 400 },
    DescribeListeners: { bucket: "describe", page: 400 },
    DescribeRules: { bucket: "describe", page: 400 },
    DescribeTargetHealth: { bucket: "describe" },
    DescribeTags: { bucket: "describe", batch: 20 },
    CreateLoadBalancer: { bucket: "change" },
    DeleteLoadBalancer: { bucket: "change" },
    SetSubnets: { bucket: "change" },
    SetSecurityGroups: { bucket: "change" },
    CreateTargetGroup: { bucket: "change" },
    ModifyTargetGroup: { bucket: "change" },
    DeleteTargetGroup: { bucket: "change" },
    CreateListener: { bucket: "change" },
    ModifyListener: { bucket: "change" },
    DeleteListener: { bucket: "change" },
    CreateRule: { bucket: "change" },
    ModifyRule: { bucket: "change" },
    DeleteRule: { bucket: "change" },
    AddTags: { bucket: "change" },
    RemoveTags: { bucket: "change" },
    DescribeTargetGroupAttributes: { bucket: "describe" },
    ModifyTargetGroupAttributes: { bucket: "change" },
  },
} as const satisfies ServiceLimits<Elbv2Operation>;
