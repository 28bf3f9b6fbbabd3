import type { JsonService } from "../protocols/json-1-1";
import { handleOperation } from "./engine";

// CloudWatch Logs as its protocol adapter (awsJson1_1, `X-Amz-Target: Logs_20140328.<Op>`) serves it.
export const LOGS_API: JsonService = {
  signingName: "logs",
  targetPrefix: "Logs_20140328.",
  clientErrorType: "InvalidParameterException",
  engine: handleOperation,
};
