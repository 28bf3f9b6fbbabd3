import { awsJson1_0 } from "../protocols/json-1-0";
import type { JsonService } from "../protocols/json-1-1";
import { handleOperation } from "./engine";
import { QUERY_ERROR_CODES } from "./errors";

// CloudWatch as its protocol adapter serves it: awsJson1_0 (`X-Amz-Target:
// GraniteServiceVersion20100801.<Op>`), awsQueryCompatible, signing name `monitoring`.
export const CLOUDWATCH_API: JsonService = {
  signingName: "monitoring",
  targetPrefix: "GraniteServiceVersion20100801.",
  clientErrorType: "InvalidParameterValueException",
  engine: handleOperation,
  wire: awsJson1_0(QUERY_ERROR_CODES),
};
