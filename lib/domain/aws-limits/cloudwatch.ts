import type { ServiceLimits } from "./types";

// CloudWatch's reads the monitor's charts make. "CloudWatch service quotas"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html):
// GetMetricData 50 transactions per second per account per Region, DescribeAlarms 9 (both
// adjustable); a GetMetricData call takes up to 500 queries and returns up to 100,800 datapoints.

/** Every CloudWatch operation Stevedore makes, by its API name. */
export type CloudWatchOperation = "GetMetricData" | "DescribeAlarms";

export const CLOUDWATCH_LIMITS = {
  buckets: { metricData: { burst: 50, perSecond: 50 }, alarms: { burst: 9, perSecond: 9 } },
  operations: {
    GetMetricData: { bucket: "metricData", batch: 500, page: 100_800 },
    DescribeAlarms: { bucket: "alarms", page: 100 },
  },
} as const satisfies ServiceLimits<CloudWatchOperation>;
