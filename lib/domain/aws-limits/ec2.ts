import type { ServiceLimits } from "./types";

// Amazon EC2's reads a designer needs, per account and Region.
// Rates: "Request throttling for the Amazon EC2 API",
//   https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html
//   (non-mutating actions: a bucket of 100 refilled at 20 a second).
// Page sizes: DescribeVpcs / DescribeSubnets / DescribeSecurityGroups MaxResults 5–1000, paged with NextToken.

/** Every EC2 operation Stevedore makes, by its API name. */
export type Ec2Operation = "DescribeVpcs" | "DescribeSubnets" | "DescribeSecurityGroups";

export const EC2_LIMITS = {
  buckets: { "non-mutating": { burst: 100, perSecond: 20 } },
  operations: {
    DescribeVpcs: { bucket: "non-mutating", page: 1000 },
    DescribeSubnets: { bucket: "non-mutating", page: 1000 },
    DescribeSecurityGroups: { bucket: "non-mutating", page: 1000 },
  },
} as const satisfies ServiceLimits<Ec2Operation>;
