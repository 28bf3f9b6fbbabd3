import type { ServiceLimits } from "./types";

// Cloud Map's reads a designer needs: the Region's namespaces, for the Service Connect namespace
// fields. AWS documents a request rate only for DiscoverInstances (a bucket of 2,000, refilled at
// 1,000 a second: https://docs.aws.amazon.com/cloud-map/latest/dg/throttling.html); the control
// plane's List calls have none published, so Stevedore paces them modestly and the SDK's retries
// absorb a RequestLimitExceeded. Page size: ListNamespaces MaxResults 1–100 (default 100), NextToken.

/** Every Cloud Map operation Stevedore makes, by its API name. */
export type ServiceDiscoveryOperation = "ListNamespaces";

export const SERVICE_DISCOVERY_LIMITS = {
  buckets: { read: { burst: 20, perSecond: 5 } },
  operations: {
    ListNamespaces: { bucket: "read", page: 100 },
  },
} as const satisfies ServiceLimits<ServiceDiscoveryOperation>;
