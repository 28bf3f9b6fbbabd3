import type { QueryService } from "../protocols/query";
import { handleOperation } from "./engine";

// Elastic Load Balancing v2 as its protocol adapter (awsQuery) serves it.
export const ELBV2_API: QueryService = {
  signingName: "elasticloadbalancing",
  version: "2015-12-01",
  xmlNamespace: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
  dialect: "awsQuery",
  clientErrorType: "ValidationError",
  engine: handleOperation,
};
