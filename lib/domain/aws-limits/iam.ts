import type { ServiceLimits } from "./types";

// IAM's reads a designer needs. IAM is global (one endpoint per partition, no Regions), and AWS
// documents no request rate for it ("IAM and AWS STS quotas",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html, lists object
// counts, not rates): Stevedore paces its reads modestly, and the SDK's adaptive retries absorb
// a Throttling answer. Page size: ListRoles, ListRolePolicies and ListAttachedRolePolicies
// MaxItems 1–1000 (default 100), paged with Marker. The role reads (GetRole, its inline and
// attached policies, a managed policy's default version) check a task role for ECS Exec.

/** Every IAM operation Stevedore makes, by its API name. */
export type IamOperation = "ListRoles" | "GetRole" | "ListRolePolicies" | "GetRolePolicy" | "ListAttachedRolePolicies" | "GetPolicy" | "GetPolicyVersion";

export const IAM_LIMITS = {
  buckets: { read: { burst: 20, perSecond: 5 } },
  operations: {
    ListRoles: { bucket: "read", page: 1000 },
    GetRole: { bucket: "read" },
    ListRolePolicies: { bucket: "read", page: 1000 },
    GetRolePolicy: { bucket: "read" },
    ListAttachedRolePolicies: { bucket: "read", page: 1000 },
    GetPolicy: { bucket: "read" },
    GetPolicyVersion: { bucket: "read" },
  },
} as const satisfies ServiceLimits<IamOperation>;
