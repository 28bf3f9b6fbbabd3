import type { QueryService } from "../protocols/query";
import { handleOperation } from "./engine";

// Amazon EC2 Auto Scaling as its protocol adapter (awsQuery) serves it: signing name
// `autoscaling`, API version 2011-01-01 (@aws-sdk/client-auto-scaling).
export const AUTOSCALING_API: QueryService = {
  signingName: "autoscaling",
  version: "2011-01-01",
  xmlNamespace: "http://autoscaling.amazonaws.com/doc/2011-01-01/",
  dialect: "awsQuery",
  clientErrorType: "ValidationError",
  engine: handleOperation,
};
