import type { ServiceLimits } from "./types";

// Amazon EC2 Auto Scaling's read the capacity provider picker makes. AWS publishes no request
// rate for the Auto Scaling API ("Amazon EC2 Auto Scaling throttles API requests per account
// and Region", https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-quotas.html),
// so Stevedore stays well below what SDK retries ride out: a bucket of 20 refilled at 5 a second.
// Page size: DescribeAutoScalingGroups MaxRecords 1–100 (default 50), paged with NextToken
// (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingGroups.html).

/** Every EC2 Auto Scaling operation Stevedore makes, by its API name. */
export type Ec2AutoScalingOperation = "DescribeAutoScalingGroups";

export const EC2_AUTOSCALING_LIMITS = {
  buckets: { describe: { burst: 20, perSecond: 5 } },
  operations: {
    DescribeAutoScalingGroups: { bucket: "describe", page: 100 },
  },
} as const satisfies ServiceLimits<Ec2AutoScalingOperation>;
