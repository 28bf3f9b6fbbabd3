import type { ServiceLimits } from "./types";

// CloudWatch Logs' reads the monitor's log view makes. "CloudWatch Logs quotas"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html):
// FilterLogEvents 5 transactions per second per account per Region, GetLogEvents 25 (both
// adjustable). A FilterLogEvents page holds up to 10,000 events (or 1 MB). StartLiveTail opens a
// session that streams for up to three hours (concurrent sessions are a quota of their own, which
// the session's LimitExceededException tells): Stevedore opens at most one a second.

/** Every CloudWatch Logs operation Stevedore makes, by its API name. */
export type LogsOperation = "FilterLogEvents" | "GetLogEvents" | "StartLiveTail";

export const LOGS_LIMITS = {
  buckets: { filter: { burst: 5, perSecond: 5 }, get: { burst: 25, perSecond: 25 }, live: { burst: 1, perSecond: 1 } },
  operations: {
    FilterLogEvents: { bucket: "filter", page: 10_000 },
    GetLogEvents: { bucket: "get", page: 10_000 },
    StartLiveTail: { bucket: "live" },
  },
} as const satisfies ServiceLimits<LogsOperation>;
