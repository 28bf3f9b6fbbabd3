import type { ServiceLimits } from "./types";

// The AWS Price List Query API's GetProducts, as a refresh of the cost table calls it. The API
// reference (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html)
// caps MaxResults at 100 per page. The Price List API's throttling rate is not published per
// operation; the pacer keeps to 10 calls a second (5 at once), well under what the AWS CLI's
// `get-products` pagination is seen to sustain, and the SDK's adaptive retries absorb the rest.

/** Every Price List operation Stevedore makes, by its API name. */
export type PricingOperation = "GetProducts";

export const PRICING_LIMITS = {
  buckets: { read: { burst: 5, perSecond: 10 } },
  operations: { GetProducts: { bucket: "read", page: 100 } },
} as const satisfies ServiceLimits<PricingOperation>;
