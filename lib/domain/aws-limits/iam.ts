import type { ServiceLimits } from "./types";

// IAM's reads a designer needs. IAM is global (one endpoint per partition, no Regions), and AWS
// documents no request rate for it ("IAM and AWS STS quotas",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html, lists object
// counts, not rates): Stevedore paces its reads modestly, and the SDK's adaptive retries absorb
// a Throttling answer. Page size: ListRoles MaxItems 1–1000 (default 100), paged with Marker.

/** Every IAM operation Stevedore makes, by its API name. */
export type IamOperation = "ListRoles";

export const IAM_LIMITS = {
  buckets: { read: { burst: 20, perSecond: 5 } },
  operations: {
    ListRoles: { bucket: "read", page: 1000 },
  },
} as const satisfies ServiceLimits<IamOperation>;
