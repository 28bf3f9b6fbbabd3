import type { QueryService } from "../protocols/query";
import { handleOperation } from "./engine";

// IAM as its protocol adapter (awsQuery) serves it.
export const IAM_API: QueryService = {
  signingName: "iam",
  version: "2010-05-08",
  xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
  dialect: "awsQuery",
  clientErrorType: "ValidationError",
  engine: handleOperation,
};
