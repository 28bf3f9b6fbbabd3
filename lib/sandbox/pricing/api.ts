import type { JsonService } from "../protocols/json-1-1";
import { handleOperation } from "./engine";

// The AWS Price List Query API as its protocol adapter (awsJson1_1,
// `X-Amz-Target: AWSPriceListService.<Op>`, signing name "pricing") serves it.
export const PRICING_API: JsonService = {
  signingName: "pricing",
  targetPrefix: "AWSPriceListService.",
  clientErrorType: "InvalidParameterException",
  engine: handleOperation,
};
