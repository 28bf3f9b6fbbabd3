import type { QueryService } from "../protocols/query";
import { handleOperation } from "./engine";

// EC2 as its protocol adapter (ec2Query) serves it.
export const EC2_API: QueryService = {
  signingName: "ec2",
  version: "2016-11-15",
  xmlNamespace: "http://ec2.amazonaws.com/doc/2016-11-15/",
  dialect: "ec2Query",
  clientErrorType: "InvalidParameterValue",
  engine: handleOperation,
};
