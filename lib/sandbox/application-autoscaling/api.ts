import type { JsonService } from "../protocols/json-1-1";
import { handleOperation } from "./engine";

// Application Auto Scaling as its protocol adapter (awsJson1_1) serves it.
export const APPLICATION_AUTOSCALING_API: JsonService = {
  signingName: "application-autoscaling",
  targetPrefix: "AnyScaleFrontendService.",
  clientErrorType: "ValidationException",
  engine: handleOperation,
};
