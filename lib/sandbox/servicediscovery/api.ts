import type { JsonService } from "../protocols/json-1-1";
import { handleOperation } from "./engine";

// AWS Cloud Map as its protocol adapter (awsJson1_1) serves it.
export const SERVICE_DISCOVERY_API: JsonService = {
  signingName: "servicediscovery",
  targetPrefix: "Route53AutoNaming_v20170314.",
  clientErrorType: "InvalidInput",
  engine: handleOperation,
};
